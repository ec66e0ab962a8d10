import type { Sql } from '../../db/types.ts';
import { SALEABLE_ZONES } from '../inventory/load-stock-candidates.ts';
import type { ScannedLot, SerialFacts } from './decide-scan.ts';

export const serialKey = (deviceId: string, serial: string): string => `${deviceId}\u0000${serial}`;
export const lotKey = (deviceId: string, lotNumber: string): string => `${deviceId}\u0000${lotNumber}`;

/** Every scanned serial unit by (device, serial), locked in id order so two racing batches cannot deadlock. */
export async function loadSerials(tx: Sql, keys: ReadonlyArray<{ deviceId: string; serial: string }>): Promise<Map<string, SerialFacts>> {
  if (keys.length === 0) return new Map();
  const { rows } = await tx.query<SerialFacts & { deviceId: string; serial: string }>(
    `SELECT s.id, s.device_id AS "deviceId", s.serial, s.lot_id AS "lotId", s.status, s.bin_id AS "binId"
       FROM serial_units s
       JOIN unnest($1::uuid[], $2::text[]) AS k(device_id, serial) ON k.device_id = s.device_id AND k.serial = s.serial
      ORDER BY s.id
      FOR UPDATE OF s`,
    [keys.map((k) => k.deviceId), keys.map((k) => k.serial)],
  );
  return new Map(rows.map(({ deviceId, serial, ...s }) => [serialKey(deviceId, serial), s]));
}

/**
 * The scanned lots (by device and lot number, or by id from a serial) with their free units per
 * saleable bin of the warehouse, in two statements; keyed by both (device, lot number) and id.
 */
export async function loadLots(
  tx: Sql, refs: ReadonlyArray<{ deviceId: string; lotNumber: string }>, lotIds: readonly string[], warehouseId: string,
): Promise<{ byNumber: Map<string, ScannedLot>; byId: Map<string, ScannedLot> }> {
  const byNumber = new Map<string, ScannedLot>();
  const byId = new Map<string, ScannedLot>();
  if (refs.length === 0 && lotIds.length === 0) return { byNumber, byId };
  const { rows } = await tx.query<Omit<ScannedLot, 'bins'> & { deviceId: string }>(
    `SELECT l.id, l.device_id AS "deviceId", l.lot_number AS "lotNumber", l.status, l.expires_on AS "expiresOn", l.manufactured_on AS "manufacturedOn"
       FROM lots l
      WHERE (l.device_id, l.lot_number) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) OR l.id = ANY($3::uuid[])
      ORDER BY l.id
      FOR SHARE OF l`,
    [refs.map((r) => r.deviceId), refs.map((r) => r.lotNumber), lotIds],
  );
  const bins = await tx.query<{ lotId: string; binId: string; free: number }>(
    `SELECT b.lot_id AS "lotId", b.bin_id AS "binId", b.on_hand - b.allocated AS free
       FROM stock_balances b
       JOIN warehouse_bins wb ON wb.id = b.bin_id
       JOIN warehouse_zones z ON z.id = wb.zone_id
      WHERE b.lot_id = ANY($1::uuid[]) AND wb.warehouse_id = $2 AND wb.active AND z.active AND z.zone_type = ANY($3::text[])
      ORDER BY b.lot_id, wb.pick_sequence, wb.code`,
    [rows.map((r) => r.id), warehouseId, SALEABLE_ZONES],
  );
  const binsOf = new Map<string, Array<{ binId: string; free: number }>>();
  for (const { lotId, binId, free } of bins.rows) binsOf.set(lotId, [...(binsOf.get(lotId) ?? []), { binId, free }]);
  for (const { deviceId, ...lot } of rows) {
    const full: ScannedLot = { ...lot, bins: binsOf.get(lot.id) ?? [] };
    byNumber.set(lotKey(deviceId, lot.lotNumber), full);
    byId.set(lot.id, full);
  }
  return { byNumber, byId };
}

export interface LineGate {
  allocation: string;
  orderStatus: string;
  lifecycle: string;
  orderNumber: string;
}

/** For each line of the list: is its order still picked (not on hold, not cancelled) and its allocation live. */
export async function loadLineGates(tx: Sql, pickListId: string): Promise<Map<string, LineGate>> {
  const { rows } = await tx.query<LineGate & { lineId: string }>(
    `SELECT pl.id AS "lineId", a.status AS allocation, o.status AS "orderStatus", o.lifecycle, o.number AS "orderNumber"
       FROM pick_list_lines pl JOIN allocations a ON a.id = pl.allocation_id JOIN orders o ON o.id = pl.order_id
      WHERE pl.pick_list_id = $1`,
    [pickListId],
  );
  return new Map(rows.map(({ lineId, ...g }) => [lineId, g]));
}
