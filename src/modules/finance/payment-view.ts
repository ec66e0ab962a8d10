import type { Sql } from '../../db/types.ts';
import { UNAPPLIED_SQL } from './open-amount-sql.ts';

export interface PaymentView {
  id: string;
  number: string;
  customer: { id: string; code: string; nameZh: string } | null;
  amountMinor: number;
  currency: string;
  receivedOn: string;
  reference: string;
  remittance: string | null;
  payerAccount: string | null;
  source: string;
  matchedBy: string;
  allocations: Array<{ invoiceId: string; invoiceNumber: string; amountMinor: number }>;
  unappliedMinor: number;
}

/** Payments by id with their allocations, in the order of the ids given. */
export async function loadPaymentViews(tx: Sql, ids: readonly string[]): Promise<PaymentView[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<PaymentView>(
    `SELECT p.id, p.number,
            CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'code', c.code, 'nameZh', c.name_zh) END AS customer,
            p.amount_minor AS "amountMinor", p.currency, p.received_on AS "receivedOn", p.reference, p.remittance,
            p.payer_account AS "payerAccount", p.source, p.matched_by AS "matchedBy",
            coalesce((SELECT json_agg(json_build_object('invoiceId', a.invoice_id, 'invoiceNumber', i.number, 'amountMinor', a.amount_minor) ORDER BY i.number)
                        FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = p.id), '[]'::json) AS allocations,
            ${UNAPPLIED_SQL}::bigint AS "unappliedMinor"
       FROM payments p LEFT JOIN parties c ON c.id = p.customer_id
      WHERE p.id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
