import type { Sql } from '../../db/types.ts';
import { WAREHOUSE_SELECT, type WarehouseView } from './warehouse-view.ts';

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, '\\$&');

/** Warehouses by active flag, searched by `q` in code, names and city. */
export async function listWarehouses(
  tx: Sql,
  q: { q?: string | undefined; active?: boolean | undefined; limit: number; offset: number },
): Promise<{ items: WarehouseView[]; total: number }> {
  const params = [q.active ?? null, q.q ? `%${likeEscape(q.q.trim().toLowerCase())}%` : null, q.limit, q.offset];
  const where = `($1::boolean IS NULL OR w.active = $1)
    AND ($2::text IS NULL OR lower(w.code) LIKE $2 OR lower(w.name_zh) LIKE $2 OR lower(coalesce(w.name_en, '')) LIKE $2
         OR lower(coalesce(w.city, '')) LIKE $2)`;
  const [items, total] = await Promise.all([
    tx.query<WarehouseView>(`SELECT ${WAREHOUSE_SELECT} FROM warehouses w WHERE ${where} ORDER BY w.code LIMIT $3 OFFSET $4`, params),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM warehouses w WHERE ${where}`, params.slice(0, 2)),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
