import type { Static } from 'typebox';
import type { Sql } from '../../db/types.ts';
import type { StockRowAnswer } from './inventory-answer-schemas.ts';

/** A stock row as the route publishes it (inventory-answer-schemas.ts); free = on hand − allocated. */
export type StockRow = Static<typeof StockRowAnswer>;

export interface StockFilter {
  deviceId?: string | undefined;
  lotId?: string | undefined;
  lotNumber?: string | undefined;
  warehouseId?: string | undefined;
  binId?: string | undefined;
  status?: string | undefined;
  expiresBefore?: string | undefined;
  limit: number;
  offset: number;
}

/** Codes and names of the device and location are joined in for display only. */
export const STOCK_FROM = `stock_balances b
  JOIN lots l ON l.id = b.lot_id
  JOIN devices d ON d.id = b.device_id
  JOIN warehouse_bins wb ON wb.id = b.bin_id
  JOIN warehouse_zones z ON z.id = wb.zone_id
  JOIN warehouses w ON w.id = wb.warehouse_id`;

export const STOCK_COLUMNS = `b.lot_id AS "lotId", l.lot_number AS "lotNumber", l.status AS "lotStatus", l.expires_on AS "expiresOn",
  l.manufactured_on AS "manufacturedOn", b.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh",
  w.id AS "warehouseId", w.code AS "warehouseCode", b.bin_id AS "binId", wb.code AS "binCode", z.zone_type AS "zoneType",
  b.on_hand AS "onHand", b.allocated, b.on_hand - b.allocated AS free`;

/** Stock on hand by lot and bin, earliest expiry first, filtered by device, lot, place, status and expiry. */
export async function listStock(tx: Sql, f: StockFilter): Promise<{ items: StockRow[]; total: number }> {
  const params = [f.deviceId ?? null, f.lotId ?? null, f.lotNumber ?? null, f.warehouseId ?? null, f.binId ?? null, f.status ?? null, f.expiresBefore ?? null];
  const where = `b.on_hand > 0 AND ($1::uuid IS NULL OR b.device_id = $1) AND ($2::uuid IS NULL OR b.lot_id = $2)
    AND ($3::text IS NULL OR l.lot_number = $3) AND ($4::uuid IS NULL OR wb.warehouse_id = $4) AND ($5::uuid IS NULL OR b.bin_id = $5)
    AND ($6::text IS NULL OR l.status = $6) AND ($7::date IS NULL OR l.expires_on < $7)`;
  const [items, total] = await Promise.all([
    tx.query<StockRow>(
      `SELECT ${STOCK_COLUMNS} FROM ${STOCK_FROM} WHERE ${where} ORDER BY l.expires_on, d.code, l.lot_number, w.code, wb.code LIMIT $8 OFFSET $9`,
      [...params, f.limit, f.offset],
    ),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${STOCK_FROM} WHERE ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
