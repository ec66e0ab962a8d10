import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { orgFilter } from '../../platform/org-scope.ts';
import { PRICE_LIST_COLUMNS, type PriceListView } from './price-list-view.ts';
import type { Channel } from './types.ts';

export interface PriceListQuery {
  q?: string;
  channel?: Channel;
  currency?: string;
  customerId?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** Price lists visible to the actor (a hospital portal user sees only its organisation's). */
export async function listPriceLists(db: Sql, actor: Actor, q: PriceListQuery): Promise<{ items: PriceListView[]; total: number }> {
  const params = [orgFilter(actor), q.q ? `%${q.q.toLowerCase()}%` : null, q.channel ?? null, q.currency ?? null, q.customerId ?? null,
    q.active ?? null, q.limit, q.offset];
  const where = `($1::uuid IS NULL OR pl.customer_id = $1)
    AND ($2::text IS NULL OR lower(pl.code) LIKE $2 OR lower(pl.name) LIKE $2)
    AND ($3::text IS NULL OR pl.channel = $3) AND ($4::text IS NULL OR pl.currency = $4)
    AND ($5::uuid IS NULL OR pl.customer_id = $5) AND ($6::boolean IS NULL OR pl.active = $6)`;
  const [items, total] = await Promise.all([
    db.query<PriceListView>(`SELECT ${PRICE_LIST_COLUMNS} FROM price_lists pl WHERE ${where} ORDER BY pl.code LIMIT $7 OFFSET $8`, params),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM price_lists pl WHERE ${where}`, params.slice(0, 6)),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
