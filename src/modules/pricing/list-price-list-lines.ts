import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { LINE_COLUMNS, lineForActor, loadPriceList, withDeviceCodes, type PriceListLineView } from './price-list-view.ts';

/** The lines of one list, oldest first, a page at a time (lists can hold thousands). */
export async function listPriceListLines(
  db: Sql,
  actor: Actor,
  priceListId: string,
  q: { deviceId?: string; limit: number; offset: number },
): Promise<{ items: PriceListLineView[]; total: number }> {
  await loadPriceList(db, actor, priceListId);
  const params = [priceListId, q.deviceId ?? null, q.limit, q.offset];
  const where = 'l.price_list_id = $1 AND ($2::uuid IS NULL OR l.device_id = $2)';
  const [items, total] = await Promise.all([
    db.query<Omit<PriceListLineView, 'deviceCode'>>(`SELECT ${LINE_COLUMNS} FROM price_list_lines l WHERE ${where} ORDER BY l.created_at, l.id LIMIT $3 OFFSET $4`, params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM price_list_lines l WHERE ${where}`, params.slice(0, 2)),
  ]);
  const lines = await withDeviceCodes(db, items.rows);
  return { items: lines.map((l) => lineForActor(actor, l)), total: total.rows[0]!.n };
}
