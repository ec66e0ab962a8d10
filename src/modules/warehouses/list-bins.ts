import type { Sql } from '../../db/types.ts';
import { BIN_SELECT, loadWarehouse, PICK_PATH_ORDER, type BinView } from './warehouse-view.ts';

/** A warehouse's bins in pick-path order, optionally of one zone or by active flag. */
export async function listBins(
  tx: Sql,
  warehouseId: string,
  q: { zoneCode?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
): Promise<{ items: BinView[]; total: number }> {
  await loadWarehouse(tx, warehouseId);
  const params = [warehouseId, q.zoneCode ?? null, q.active ?? null, q.limit, q.offset];
  const from = `FROM warehouse_bins b JOIN warehouse_zones bz ON bz.id = b.zone_id
    WHERE b.warehouse_id = $1 AND ($2::text IS NULL OR bz.code = $2) AND ($3::boolean IS NULL OR b.active = $3)`;
  const [items, total] = await Promise.all([
    tx.query<BinView>(`SELECT ${BIN_SELECT} ${from} ORDER BY ${PICK_PATH_ORDER} LIMIT $4 OFFSET $5`, params),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params.slice(0, 3)),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
