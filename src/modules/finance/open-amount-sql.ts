/**
 * What is still owed on a document `i` (an invoices row), as SQL: an invoice's total less the
 * credit notes that reference it and the payments allocated to it; a credit note standing alone
 * is a negative open amount (money to the customer's good); one that references an invoice is
 * counted on that invoice.
 */
export const CREDITED_SQL = `coalesce((SELECT sum(c.total_minor) FROM invoices c WHERE c.credited_invoice_id = i.id), 0)`;
export const PAID_SQL = `coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)`;
export const OPEN_SQL = `(CASE WHEN i.credited_invoice_id IS NOT NULL THEN 0 ELSE i.total_minor + ${CREDITED_SQL} - ${PAID_SQL} END)`;
/** A payment's money not yet allocated to an invoice. */
export const UNAPPLIED_SQL = `(p.amount_minor - coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.payment_id = p.id), 0))`;
