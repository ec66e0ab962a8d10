import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { RETURN_FROM, RETURN_HEAD, type ReturnView } from './get-return.ts';
import type { ReturnQuery } from './return-schemas.ts';

/** RMAs, newest first, filtered; a portal user sees only their organisation's, a territory user its customers'. */
export async function listReturns(tx: Sql, actor: Actor, q: ReturnQuery & { limit: number; offset: number }) {
  const params = [orgFilter(actor), q.customerId ?? null, q.shipmentId ?? null, q.status ?? null, customerFilter(actor)];
  const where = `($1::uuid IS NULL OR ra.customer_id = $1) AND ($2::uuid IS NULL OR ra.customer_id = $2)
    AND ($3::uuid IS NULL OR ra.shipment_id = $3) AND ($4::text IS NULL OR ra.status = $4) AND ($5::uuid[] IS NULL OR ra.customer_id = ANY($5))`;
  const { rows } = await tx.query<Omit<ReturnView, 'lines'>>(
    `SELECT ${RETURN_HEAD} FROM ${RETURN_FROM} WHERE ${where} ORDER BY ra.created_at DESC, ra.id DESC LIMIT $6 OFFSET $7`,
    [...params, q.limit, q.offset]);
  const { rows: [count] } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM return_authorisations ra WHERE ${where}`, params);
  return { items: rows, total: count!.n };
}
