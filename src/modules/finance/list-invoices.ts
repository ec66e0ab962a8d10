import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { INVOICE_HEAD_SQL, type InvoiceView } from './invoice-view.ts';
import { OPEN_SQL } from './open-amount-sql.ts';

export interface InvoiceFilters {
  customerId?: string | undefined;
  orderId?: string | undefined;
  kind?: 'invoice' | 'credit_note' | undefined;
  open?: boolean | undefined;
  limit: number;
  offset: number;
}

/** Invoices and credit notes the actor may see (its organisation's or territory's), newest first, without their lines. */
export async function listInvoices(tx: Sql, actor: Actor, f: InvoiceFilters): Promise<{ items: Array<Omit<InvoiceView, 'lines' | 'status'>>; total: number }> {
  const where = `WHERE ($1::uuid IS NULL OR i.customer_id = $1) AND ($2::uuid IS NULL OR i.order_id = $2) AND ($3::text IS NULL OR i.kind = $3)
      AND ($4::boolean IS NULL OR (${OPEN_SQL} > 0) = $4) AND ($5::uuid IS NULL OR i.customer_id = $5)
      AND ($6::uuid[] IS NULL OR i.customer_id = ANY($6))`;
  const params = [f.customerId ?? null, f.orderId ?? null, f.kind ?? null, f.open ?? null, orgFilter(actor), customerFilter(actor)];
  const [items, total] = await Promise.all([
    tx.query<Omit<InvoiceView, 'lines' | 'status'>>(`${INVOICE_HEAD_SQL} ${where} ORDER BY i.issue_date DESC, i.number DESC LIMIT $7 OFFSET $8`, [...params, f.limit, f.offset]),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM invoices i ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
