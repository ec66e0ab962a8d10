import { uuidv7 } from '../../platform/ids.ts';
import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { nextDocumentNumbers } from './document-number.ts';
import { insertPayments, type PaymentRow } from './insert-payments.ts';
import { invoiceNumbersIn, matchBankRows } from './match-bank-rows.ts';
import { loadPayableInvoices } from './payable-invoices.ts';
import { loadPaymentViews, type PaymentView } from './payment-view.ts';
import { readBankCsv, type RowError } from './read-bank-csv.ts';

export interface PaymentImport {
  imported: Array<PaymentView & { row: number }>;
  /** Rows whose bank reference was imported before: a statement loaded twice pays once. */
  skipped: Array<{ row: number; reference: string; paymentNumber: string }>;
  errors: RowError[];
}

/**
 * Imports a bank statement CSV: rows in error are reported (row and field) and left out, rows
 * already imported are skipped, the rest become payments matched by invoice number, else by the
 * payer's account or customer code, else kept unapplied. Set-based: a handful of statements
 * whatever the number of rows.
 */
export async function importPayments(w: Work, csv: string): Promise<PaymentImport> {
  const { rows, errors } = readBankCsv(csv);
  const earlier = await w.tx.query<{ reference: string; number: string }>(
    `SELECT reference, number FROM payments WHERE source = 'bank_csv' AND reference = ANY($1::text[])`, [rows.map((r) => r.reference)]);
  const done = new Map(earlier.rows.map((r) => [r.reference, r.number]));
  const fresh = rows.filter((r) => !done.has(r.reference));
  const accounts = fresh.flatMap((r) => (r.payerAccount ? [r.payerAccount] : []));
  const codes = fresh.flatMap((r) => (r.customerCode ? [r.customerCode.toUpperCase()] : []));
  const named = fresh.flatMap((r) => invoiceNumbersIn(r.remittance));
  const [byAccount, byCode, byNumber] = await Promise.all([
    w.tx.query<{ key: string; customerId: string }>(
      'SELECT payer_account AS key, customer_id AS "customerId" FROM customer_finance_settings WHERE payer_account = ANY($1::text[])', [accounts]),
    w.tx.query<{ key: string; customerId: string }>(
      `SELECT upper(code) AS key, id AS "customerId" FROM parties WHERE kind = 'customer' AND upper(code) = ANY($1::text[])`, [codes]),
    w.tx.query<{ key: string; customerId: string }>(
      `SELECT number AS key, customer_id AS "customerId" FROM invoices WHERE kind = 'invoice' AND number = ANY($1::text[])`, [named]),
  ]);
  const customerByAccount = new Map(byAccount.rows.map((r) => [r.key, r.customerId]));
  const customerByCode = new Map(byCode.rows.map((r) => [r.key, r.customerId]));
  const open = await loadPayableInvoices(w.tx, {
    customerIds: [...customerByAccount.values(), ...customerByCode.values()],
    numbers: named,
  });
  const customerByInvoiceNumber = new Map(byNumber.rows.map((r) => [r.key, r.customerId]));
  const matched = matchBankRows(fresh, { open, customerByAccount, customerByCode, customerByInvoiceNumber });
  const numbers = await nextDocumentNumbers(w.tx, 'PAY', matched.map((m) => m.row.receivedOn));
  const payments: Array<PaymentRow & { row: number }> = matched.map((m, i) => ({
    row: m.row.row, id: uuidv7(), number: numbers[i]!, customerId: m.customerId,
    amountMinor: m.row.amountMinor, currency: m.row.currency, receivedOn: m.row.receivedOn, reference: m.row.reference,
    remittance: m.row.remittance, payerAccount: m.row.payerAccount, source: 'bank_csv', matchedBy: m.matchedBy, allocations: m.allocations,
  }));
  await insertPayments(w, payments);
  if (payments.length === 0) {
    w.audit({ entityType: 'payment_import', entityId: 'bank_csv', action: 'nothing_imported', changes: { errors: { new: errors.length }, skipped: { new: done.size } } });
  }
  const views = await loadPaymentViews(w.tx, payments.map((p) => p.id));
  return {
    imported: views.map((v, i) => ({ ...v, row: payments[i]!.row })),
    skipped: rows.filter((r) => done.has(r.reference)).map((r) => ({ row: r.row, reference: r.reference, paymentNumber: done.get(r.reference)! })),
    errors,
  };
}

/** importPayments in its own transaction; the same statement imported at the same moment elsewhere is a CONFLICT, not a crash. */
export async function importPaymentsFile(db: Database, actor: Actor, csv: string, requestId: string | null = null): Promise<PaymentImport> {
  try {
    return await writeTx(db, { actor, requestId }, (w) => importPayments(w, csv));
  } catch (e) {
    if ((e as { constraint?: string }).constraint === 'payments_bank_reference') {
      throw new DomainError('CONFLICT', 'the statement is being imported by someone else right now; import it again to see what was recorded', { field: 'reference' });
    }
    throw e;
  }
}
