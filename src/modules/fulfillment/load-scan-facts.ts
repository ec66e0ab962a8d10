import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertVisible, isCustomerRestricted } from '../../platform/org-scope.ts';
import { SALEABLE_ZONES } from '../inventory/load-stock-candidates.ts';
import type { PickLineFacts, ScannedLot, SerialFacts } from './decide-scan.ts';

export interface PickListHead {
  id: string;
  number: string;
  warehouseId: string;
  status: 'open' | 'picking' | 'picked' | 'cancelled';
}

/**
 * The pick list locked for a write (a scan, a cancel). As on reads, a list holding an order of a
 * customer the actor may not see (a wave mixing in another territory's order) is not found.
 */
export async function lockPickList(tx: Sql, actor: Actor, id: string): Promise<PickListHead | null> {
  const { rows } = await tx.query<PickListHead>(
    'SELECT id, number, warehouse_id AS "warehouseId", status FROM pick_lists WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (rows[0] && isCustomerRestricted(actor)) {
    const customers = await tx.query<{ customerId: string }>(
      'SELECT DISTINCT o.customer_id AS "customerId" FROM pick_list_lines pl JOIN orders o ON o.id = pl.order_id WHERE pl.pick_list_id = $1', [id]);
    for (const c of customers.rows) assertVisible(actor, c.customerId, 'pick list', id);
  }
  return rows[0] ?? null;
}

/** The list's lines with what remains to pick, locked, each with its customer's shelf-life rule. */
export async function loadPickLines(tx: Sql, pickListId: string): Promise<Array<PickLineFacts & { orderId: string; lineNo: number }>> {
  const { rows } = await tx.query<PickLineFacts & { orderId: string; lineNo: number; minDays: number | null; minPct: number | null }>(
    `SELECT pl.id AS "lineId", pl.device_id AS "deviceId", d.code AS "deviceCode", d.tracking_mode AS "trackingMode", pl.lot_id AS "lotId",
            pl.bin_id AS "binId", pl.quantity - pl.picked AS remaining, pl.order_id AS "orderId", pl.line_no AS "lineNo",
            p.min_shelf_life_days AS "minDays", p.min_shelf_life_pct AS "minPct"
       FROM pick_list_lines pl
       JOIN devices d ON d.id = pl.device_id
       JOIN orders o ON o.id = pl.order_id
       JOIN parties p ON p.id = o.customer_id
      WHERE pl.pick_list_id = $1
      ORDER BY pl.seq
      FOR UPDATE OF pl`,
    [pickListId],
  );
  return rows.map(({ minDays, minPct, ...l }) => ({ ...l, shelfLife: { minDays, minPct } }));
}

export async function loadSerial(tx: Sql, deviceId: string, serial: string): Promise<SerialFacts | null> {
  const { rows } = await tx.query<SerialFacts>(
    'SELECT id, lot_id AS "lotId", status, bin_id AS "binId" FROM serial_units WHERE device_id = $1 AND serial = $2 FOR UPDATE',
    [deviceId, serial],
  );
  return rows[0] ?? null;
}

/**
 * The scanned lot (by number, or by id from its serial) with its free units in the saleable bins
 * of the warehouse; the balance rows are locked so a substitute allocation cannot race.
 */
export async function loadScannedLot(tx: Sql, ref: { deviceId: string; lotNumber?: string; lotId?: string | null }, warehouseId: string): Promise<ScannedLot | null> {
  if (ref.lotNumber === undefined && !ref.lotId) return null;
  const { rows } = await tx.query<Omit<ScannedLot, 'bins'>>(
    `SELECT id, lot_number AS "lotNumber", status, expires_on AS "expiresOn", manufactured_on AS "manufacturedOn"
       FROM lots WHERE device_id = $1 AND ${ref.lotNumber !== undefined ? 'lot_number = $2' : 'id = $2'} FOR SHARE`,
    [ref.deviceId, ref.lotNumber ?? ref.lotId],
  );
  const lot = rows[0];
  if (!lot) return null;
  const bins = await tx.query<{ binId: string; free: number }>(
    `SELECT b.bin_id AS "binId", b.on_hand - b.allocated AS free
       FROM stock_balances b
       JOIN warehouse_bins wb ON wb.id = b.bin_id
       JOIN warehouse_zones z ON z.id = wb.zone_id
      WHERE b.lot_id = $1 AND wb.warehouse_id = $2 AND wb.active AND z.active AND z.zone_type = ANY($3::text[])
      ORDER BY wb.pick_sequence, wb.code
      FOR UPDATE OF b`,
    [lot.id, warehouseId, SALEABLE_ZONES],
  );
  return { ...lot, bins: bins.rows };
}
