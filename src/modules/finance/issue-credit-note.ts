import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { nextDocumentNumber } from './document-number.ts';
import type { CreditNoteInput } from './finance-schemas.ts';
import { computeDocument } from './invoice-math.ts';
import { loadInvoiceViews, type InvoiceView } from './invoice-view.ts';
import { insertInvoice } from './insert-invoice.ts';
import { creditableLinesOf, pricedLinesWithoutInvoice } from './credit-note-sources.ts';
import { planCreditLines, type PlannedCreditLine } from './plan-credit-lines.ts';

export type { CreditNoteInput } from './finance-schemas.ts';

/**
 * Issues a credit note: a negative document for returned units or a price correction, against an
 * invoice (whose open amount it lowers) or standing alone (a credit to the customer's account).
 * Stable entry point for the returns module: `issueCreditNote(w, { invoiceId?, customerId, lines,
 * reason, kind?, sourceRef? })`. Lines default to the invoiced price and VAT rate.
 */
export async function issueCreditNote(w: Work, input: CreditNoteInput, o: { today?: string } = {}): Promise<InvoiceView> {
  const today = o.today ?? localToday();
  const kind = input.kind ?? 'return';
  const customer = (await w.tx.query<{ kind: string; currency: string }>('SELECT kind, currency FROM parties WHERE id = $1', [input.customerId])).rows[0];
  if (!customer || customer.kind !== 'customer') throw invalid('customerId', `no customer ${input.customerId}`);
  assertVisible(w.actor, input.customerId, 'customer', input.customerId);

  let planned: PlannedCreditLine[];
  let head: { currency: string; orderId: string | null; billToId: string | null; creditedId: string | null; creditedNumber: string | null };
  if (input.invoiceId) {
    const inv = (await w.tx.query<{ id: string; number: string; kind: string; customerId: string; currency: string; orderId: string | null; billToId: string | null; totalMinor: number; creditedMinor: number }>(
      `SELECT i.id, i.number, i.kind, i.customer_id AS "customerId", i.currency, i.order_id AS "orderId", i.bill_to_id AS "billToId",
              i.total_minor AS "totalMinor", coalesce((SELECT sum(c.total_minor) FROM invoices c WHERE c.credited_invoice_id = i.id), 0)::bigint AS "creditedMinor"
         FROM invoices i WHERE i.id = $1 FOR UPDATE`, [input.invoiceId])).rows[0];
    if (!inv || inv.kind !== 'invoice' || inv.customerId !== input.customerId) throw invalid('invoiceId', `no invoice ${input.invoiceId} of this customer`);
    planned = planCreditLines(await creditableLinesOf(w.tx, inv.id), input.lines, kind);
    head = { currency: inv.currency, orderId: inv.orderId, billToId: inv.billToId, creditedId: inv.id, creditedNumber: inv.number };
    const doc = computeDocument(planned, -1);
    if (-doc.totalMinor > inv.totalMinor + inv.creditedMinor) {
      throw invalid('lines', `the credit of ${-doc.totalMinor} is more than the ${inv.totalMinor + inv.creditedMinor} left on ${inv.number}`);
    }
  } else {
    planned = await pricedLinesWithoutInvoice(w.tx, input.customerId, input.lines);
    const orders = [...new Set(planned.map((l) => l.orderId))];
    head = { currency: customer.currency, orderId: orders.length === 1 ? orders[0]! : null, billToId: null, creditedId: null, creditedNumber: null };
  }
  const doc = computeDocument(planned, -1);
  if (doc.totalMinor === 0) throw new DomainError('VALIDATION_FAILED', 'lines: the credit note would be for nothing', { field: 'lines' });

  const id = uuidv7();
  const number = await nextDocumentNumber(w.tx, 'CN', today);
  await insertInvoice(w.tx, {
    id, number, kind: 'credit_note', customerId: input.customerId, billToId: head.billToId, orderId: head.orderId, shipmentId: null,
    trigger: kind, creditedInvoiceId: head.creditedId, reason: input.reason, sourceRef: input.sourceRef ?? null, currency: head.currency,
    issueDate: today, dueDate: today, createdBy: w.actor.name, doc,
    lines: planned.map((l) => ({ orderId: l.orderId, orderLineNo: l.orderLineNo, deviceId: l.deviceId, lotId: l.lotId, priceExplanation: null })),
  });
  w.audit({ entityType: 'invoice', entityId: id, action: 'credit_note.issued', reason: input.reason,
    changes: { number: { new: number }, kind: { new: kind }, creditedInvoice: { new: head.creditedNumber }, totalMinor: { new: doc.totalMinor } } });
  w.emit({ topic: 'credit_note.issued', entityType: 'invoice', entityId: id,
    payload: { number, kind, customerId: input.customerId, creditedInvoiceId: head.creditedId, totalMinor: doc.totalMinor, currency: head.currency } });
  return (await loadInvoiceViews(w.tx, [id]))[0]!;
}
