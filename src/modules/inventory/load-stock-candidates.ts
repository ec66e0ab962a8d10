import type { Sql } from '../../db/types.ts';
import type { StockCandidate } from './allocate-fefo.ts';

/** Zones whose stock may be sold: quarantine, returns and rejected stock never is. */
export const SALEABLE_ZONES = ['normal', 'cold_chain'] as const;

/**
 * The free stock that could serve these devices: released lots not expired on the ship date, in
 * active saleable bins of the given warehouses, in ONE query. With `lock` the balance rows are
 * locked FOR UPDATE in (lot, bin) order — every allocator takes them in the same order, so two
 * allocations wait for each other instead of deadlocking — and the lots FOR SHARE, so a lot
 * being blocked or recalled waits for the allocation (and vice versa: an allocation waiting on
 * a blocked lot re-reads its status and drops it). The bins' warehouse, zone and pick sequence
 * are read by join here because one query is what keeps a 10,000-line allocation fast.
 */
export async function loadStockCandidates(
  tx: Sql,
  q: { deviceIds: readonly string[]; warehouseIds: readonly string[]; shipDate: string; lock: boolean },
): Promise<StockCandidate[]> {
  if (q.deviceIds.length === 0 || q.warehouseIds.length === 0) return [];
  const { rows } = await tx.query<StockCandidate>(
    `SELECT b.lot_id AS "lotId", l.lot_number AS "lotNumber", b.bin_id AS "binId", b.device_id AS "deviceId",
            wb.warehouse_id AS "warehouseId", b.on_hand - b.allocated AS free, wb.pick_sequence AS "pickSequence",
            l.status, l.expires_on AS "expiresOn", l.manufactured_on AS "manufacturedOn"
       FROM stock_balances b
       JOIN lots l ON l.id = b.lot_id
       JOIN warehouse_bins wb ON wb.id = b.bin_id
       JOIN warehouse_zones z ON z.id = wb.zone_id
      WHERE b.device_id = ANY($1::uuid[]) AND b.on_hand > b.allocated
        AND l.status = 'released' AND l.expires_on > $3::date
        AND wb.warehouse_id = ANY($2::uuid[]) AND wb.active AND z.active AND z.zone_type = ANY($4::text[])
      ORDER BY b.lot_id, b.bin_id
      ${q.lock ? 'FOR UPDATE OF b FOR SHARE OF l' : ''}`,
    [q.deviceIds, q.warehouseIds, q.shipDate, SALEABLE_ZONES],
  );
  return rows;
}
