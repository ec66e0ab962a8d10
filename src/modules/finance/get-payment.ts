import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { loadPaymentViews, type PaymentView } from './payment-view.ts';

/** One payment with its allocations; another organisation's is not found. */
export async function getPayment(tx: Sql, actor: Actor, id: string): Promise<PaymentView> {
  const [payment] = await loadPaymentViews(tx, [id]);
  if (!payment) throw notFound('payment', id);
  assertVisible(actor, payment.customer?.id ?? null, 'payment', id);
  return payment;
}
