import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { BINS, selectList, WAREHOUSES, ZONES, type BinRecord, type WarehouseRecord, type ZoneRecord } from './warehouse-tables.ts';

interface Stamped {
  id: string;
  version: number;
  source: string;
  sourceRef: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type WarehouseView = WarehouseRecord & Stamped;
export type ZoneView = ZoneRecord & Stamped;
export type BinView = BinRecord & Stamped & { zoneCode: string };

export interface WarehouseDetail extends WarehouseView {
  zones: ZoneView[];
  /** In pick-path order. */
  bins: BinView[];
}

export const WAREHOUSE_SELECT = selectList(WAREHOUSES, 'w');
export const ZONE_SELECT = selectList(ZONES, 'z');
export const BIN_SELECT = `${selectList(BINS, 'b')}, bz.code AS "zoneCode"`;
/** Pickers walk bins by sequence; the code breaks ties. */
export const PICK_PATH_ORDER = 'b.pick_sequence, b.code';

const lock = (forUpdate?: boolean) => (forUpdate ? ' FOR UPDATE' : '');

export async function loadWarehouse(tx: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<WarehouseView> {
  const { rows } = await tx.query<WarehouseView>(`SELECT ${WAREHOUSE_SELECT} FROM warehouses w WHERE w.id = $1${lock(opts.forUpdate)}`, [id]);
  if (!rows[0]) throw notFound('warehouse', id);
  return rows[0];
}

/** A zone of the given warehouse (a zone of another warehouse is not found). */
export async function loadZone(tx: Sql, warehouseId: string, zoneId: string, opts: { forUpdate?: boolean } = {}): Promise<ZoneView> {
  const { rows } = await tx.query<ZoneView>(
    `SELECT ${ZONE_SELECT} FROM warehouse_zones z WHERE z.id = $1 AND z.warehouse_id = $2${lock(opts.forUpdate)}`,
    [zoneId, warehouseId],
  );
  if (!rows[0]) throw notFound('zone', zoneId);
  return rows[0];
}

/** A zone of the given warehouse by its code, or null. */
export async function findZoneByCode(tx: Sql, warehouseId: string, code: string): Promise<ZoneView | null> {
  const { rows } = await tx.query<ZoneView>(`SELECT ${ZONE_SELECT} FROM warehouse_zones z WHERE z.warehouse_id = $1 AND z.code = $2`, [warehouseId, code]);
  return rows[0] ?? null;
}

/** A bin of the given warehouse (a bin of another warehouse is not found). */
export async function loadBin(tx: Sql, warehouseId: string, binId: string, opts: { forUpdate?: boolean } = {}): Promise<BinView> {
  const { rows } = await tx.query<BinView>(
    `SELECT ${BIN_SELECT} FROM warehouse_bins b JOIN warehouse_zones bz ON bz.id = b.zone_id
      WHERE b.id = $1 AND b.warehouse_id = $2${opts.forUpdate ? ' FOR UPDATE OF b' : ''}`,
    [binId, warehouseId],
  );
  if (!rows[0]) throw notFound('bin', binId);
  return rows[0];
}

/** A warehouse with all its zones and bins. */
export async function loadWarehouseDetail(tx: Sql, id: string): Promise<WarehouseDetail> {
  const warehouse = await loadWarehouse(tx, id);
  const zones = await tx.query<ZoneView>(`SELECT ${ZONE_SELECT} FROM warehouse_zones z WHERE z.warehouse_id = $1 ORDER BY z.code`, [id]);
  const bins = await tx.query<BinView>(
    `SELECT ${BIN_SELECT} FROM warehouse_bins b JOIN warehouse_zones bz ON bz.id = b.zone_id
      WHERE b.warehouse_id = $1 ORDER BY ${PICK_PATH_ORDER}`,
    [id],
  );
  return { ...warehouse, zones: zones.rows, bins: bins.rows };
}
