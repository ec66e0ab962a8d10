import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { UNAPPLIED_SQL } from './open-amount-sql.ts';
import { loadPaymentViews, type PaymentView } from './payment-view.ts';

/**
 * Payments, newest first; `unapplied` keeps those with money not yet applied (or no known payer).
 * A territory user sees its customers' payments and those of no known payer (as `assertVisible`).
 */
export async function listPayments(tx: Sql, actor: Actor, f: { customerId?: string | undefined; unapplied?: boolean | undefined; limit: number; offset: number }): Promise<{ items: PaymentView[]; total: number }> {
  const where = `WHERE ($1::uuid IS NULL OR p.customer_id = $1) AND ($2::boolean IS NULL OR (${UNAPPLIED_SQL} > 0 OR p.customer_id IS NULL) = $2)
      AND ($3::uuid IS NULL OR p.customer_id = $3) AND ($4::uuid[] IS NULL OR p.customer_id IS NULL OR p.customer_id = ANY($4))`;
  const params = [f.customerId ?? null, f.unapplied ?? null, orgFilter(actor), customerFilter(actor)];
  const [ids, total] = await Promise.all([
    tx.query<{ id: string }>(`SELECT p.id FROM payments p ${where} ORDER BY p.received_on DESC, p.number DESC LIMIT $5 OFFSET $6`, [...params, f.limit, f.offset]),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM payments p ${where}`, params),
  ]);
  return { items: await loadPaymentViews(tx, ids.rows.map((r) => r.id)), total: total.rows[0]!.n };
}
