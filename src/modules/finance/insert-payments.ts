import type { Sql } from '../../db/types.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { Allocation } from './allocate-payment.ts';

export interface PaymentRow {
  id: string;
  number: string;
  customerId: string | null;
  amountMinor: number;
  currency: string;
  receivedOn: string;
  reference: string;
  remittance: string | null;
  payerAccount: string | null;
  source: 'api' | 'cli' | 'bank_csv';
  matchedBy: 'explicit' | 'oldest_first' | 'invoice_number' | 'customer_account' | 'none';
  allocations: Allocation[];
}

/** Writes payments and their allocations (two statements for any number), each audited and announced. */
export async function insertPayments(w: Work, payments: readonly PaymentRow[]): Promise<void> {
  if (payments.length === 0) return;
  await w.tx.query(
    `INSERT INTO payments (id, number, customer_id, amount_minor, currency, received_on, reference, remittance, payer_account, source, matched_by, created_by)
     SELECT r.id, r.number, r."customerId", r."amountMinor", r.currency, r."receivedOn", r.reference, r.remittance, r."payerAccount", r.source, r."matchedBy", $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, number text, "customerId" uuid, "amountMinor" bigint, currency text, "receivedOn" date,
            reference text, remittance text, "payerAccount" text, source text, "matchedBy" text)`,
    [JSON.stringify(payments), w.actor.name]);
  await insertAllocations(w.tx, payments.flatMap((p) => p.allocations.map((a) => ({ paymentId: p.id, ...a }))), w.actor.name);
  for (const p of payments) {
    const applied = p.allocations.reduce((s, a) => s + a.amountMinor, 0);
    w.audit({ entityType: 'payment', entityId: p.id, action: 'recorded',
      changes: { number: { new: p.number }, amountMinor: { new: p.amountMinor }, currency: { new: p.currency }, reference: { new: p.reference },
        matchedBy: { new: p.matchedBy }, allocations: { new: p.allocations } } });
    w.emit({ topic: 'payment.recorded', entityType: 'payment', entityId: p.id,
      payload: { number: p.number, customerId: p.customerId, amountMinor: p.amountMinor, appliedMinor: applied, currency: p.currency } });
  }
}

export async function insertAllocations(tx: Sql, rows: ReadonlyArray<{ paymentId: string; invoiceId: string; amountMinor: number }>, by: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO payment_allocations (payment_id, invoice_id, amount_minor, created_by)
     SELECT r."paymentId", r."invoiceId", r."amountMinor", $2 FROM jsonb_to_recordset($1::jsonb) AS r("paymentId" uuid, "invoiceId" uuid, "amountMinor" bigint)
     ON CONFLICT (payment_id, invoice_id) DO UPDATE SET amount_minor = payment_allocations.amount_minor + excluded.amount_minor`,
    [JSON.stringify(rows), by]);
}
