import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { allocateExplicit, allocateOldestFirst, type AllocationPlan } from './allocate-payment.ts';
import { nextDocumentNumber } from './document-number.ts';
import type { PaymentInput } from './finance-schemas.ts';
import { insertPayments } from './insert-payments.ts';
import { loadPayableInvoices } from './payable-invoices.ts';
import { loadPaymentViews, type PaymentView } from './payment-view.ts';

/**
 * Records money received from a customer and applies it: to the invoices named (partially or
 * fully), else to the oldest invoices first, else (autoAllocate false) not at all. What is not
 * applied stays on the payment as unapplied cash, the customer's credit.
 */
export async function recordPayment(w: Work, input: PaymentInput, source: 'api' | 'cli' = 'api'): Promise<PaymentView> {
  const c = (await w.tx.query<{ kind: string }>('SELECT kind FROM parties WHERE id = $1', [input.customerId])).rows[0];
  if (!c || c.kind !== 'customer') throw invalid('customerId', `no customer ${input.customerId}`);
  assertVisible(w.actor, input.customerId, 'customer', input.customerId);
  const open = (await loadPayableInvoices(w.tx, { customerIds: [input.customerId] }))
    .filter((i) => i.customerId === input.customerId && i.currency === input.currency);
  let plan: AllocationPlan;
  let matchedBy: 'explicit' | 'oldest_first' | 'none';
  if (input.allocations?.length) {
    plan = allocateExplicit(input.amountMinor, input.allocations, open);
    matchedBy = 'explicit';
  } else if (input.autoAllocate === false) {
    plan = { allocations: [], unappliedMinor: input.amountMinor };
    matchedBy = 'none';
  } else {
    plan = allocateOldestFirst(input.amountMinor, open);
    matchedBy = 'oldest_first';
  }
  const id = uuidv7();
  await insertPayments(w, [{
    id, number: await nextDocumentNumber(w.tx, 'PAY', input.receivedOn), customerId: input.customerId, amountMinor: input.amountMinor,
    currency: input.currency, receivedOn: input.receivedOn, reference: input.reference, remittance: input.remittance ?? null,
    payerAccount: null, source, matchedBy, allocations: plan.allocations,
  }]);
  return (await loadPaymentViews(w.tx, [id]))[0]!;
}
