import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { allocateExplicit, allocateOldestFirst, type Allocation } from './allocate-payment.ts';
import { insertAllocations } from './insert-payments.ts';
import { loadPayableInvoices } from './payable-invoices.ts';
import { loadPaymentViews, type PaymentView } from './payment-view.ts';

export interface ApplyPaymentInput {
  /** Who paid, for a payment the statement did not identify. */
  customerId?: string | undefined;
  allocations?: Allocation[] | undefined;
}

/**
 * Applies a payment's unapplied cash: to the invoices named, else oldest first. A payment that
 * matched nobody on import is first given its customer here.
 */
export async function applyPayment(w: Work, paymentId: string, input: ApplyPaymentInput): Promise<PaymentView> {
  const p = (await w.tx.query<{ customerId: string | null; currency: string; unapplied: number }>(
    `SELECT customer_id AS "customerId", currency,
            amount_minor - coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0) AS unapplied
       FROM payments p WHERE id = $1 FOR UPDATE`, [paymentId])).rows[0];
  if (!p) throw notFound('payment', paymentId);
  assertVisible(w.actor, p.customerId, 'payment', paymentId);
  if (p.customerId && input.customerId && input.customerId !== p.customerId) throw invalid('customerId', 'the payment already belongs to another customer');
  const customerId = p.customerId ?? input.customerId;
  if (!customerId) throw invalid('customerId', 'the payment’s customer is unknown: name it');
  if (!p.customerId) {
    const c = (await w.tx.query<{ kind: string }>('SELECT kind FROM parties WHERE id = $1', [customerId])).rows[0];
    if (c?.kind !== 'customer') throw invalid('customerId', `no customer ${customerId}`);
    await w.tx.query('UPDATE payments SET customer_id = $2 WHERE id = $1', [paymentId, customerId]);
  }
  const unapplied = Number(p.unapplied);
  if (unapplied === 0) throw new DomainError('INVALID_STATE', 'the payment is fully applied', { field: 'id' });
  const open = (await loadPayableInvoices(w.tx, { customerIds: [customerId] })).filter((i) => i.customerId === customerId && i.currency === p.currency);
  const plan = input.allocations?.length ? allocateExplicit(unapplied, input.allocations, open) : allocateOldestFirst(unapplied, open);
  await insertAllocations(w.tx, plan.allocations.map((a) => ({ paymentId, ...a })), w.actor.name);
  w.audit({ entityType: 'payment', entityId: paymentId, action: 'applied',
    changes: { customerId: { old: p.customerId, new: customerId }, allocations: { new: plan.allocations } } });
  w.emit({ topic: 'payment.applied', entityType: 'payment', entityId: paymentId, payload: { customerId, allocations: plan.allocations } });
  return (await loadPaymentViews(w.tx, [paymentId]))[0]!;
}
