import type { Sql } from '../../db/types.ts';
import { daysBetween } from './aging.ts';
import { OPEN_SQL, UNAPPLIED_SQL } from './open-amount-sql.ts';

/** A document with money still open, or a payment not yet applied (negative: the customer's money). */
export interface OpenItem {
  type: 'invoice' | 'credit_note' | 'payment';
  id: string;
  number: string;
  customerId: string;
  orderId: string | null;
  orderNumber: string | null;
  currency: string;
  date: string;
  dueDate: string;
  totalMinor: number;
  openMinor: number;
  daysOverdue: number;
}

/**
 * Everything still open for one customer (or all customers, or the `customerIds` of a territory):
 * invoices owed, credit notes not yet set against an invoice, and unapplied cash. One query,
 * whatever the number of documents.
 */
export async function loadOpenItems(tx: Sql, customerId: string | null, today: string, customerIds: readonly string[] | null = null): Promise<OpenItem[]> {
  // Documents first, then unapplied cash, each by due date: one statement (every order's credit check asks).
  const { rows } = await tx.query<Omit<OpenItem, 'daysOverdue'>>(
    `SELECT * FROM (
       SELECT i.kind AS type, i.id, i.number, i.customer_id AS "customerId", i.order_id AS "orderId", o.number AS "orderNumber",
              i.currency, i.issue_date AS date, i.due_date AS "dueDate", i.total_minor AS "totalMinor", ${OPEN_SQL}::bigint AS "openMinor"
         FROM invoices i LEFT JOIN orders o ON o.id = i.order_id
        WHERE ($1::uuid IS NULL OR i.customer_id = $1) AND ($2::uuid[] IS NULL OR i.customer_id = ANY($2)) AND i.credited_invoice_id IS NULL
       UNION ALL
       SELECT 'payment' AS type, p.id, p.number, p.customer_id AS "customerId", NULL::uuid AS "orderId", NULL AS "orderNumber",
              p.currency, p.received_on AS date, p.received_on AS "dueDate", p.amount_minor AS "totalMinor", (-${UNAPPLIED_SQL})::bigint AS "openMinor"
         FROM payments p WHERE p.customer_id IS NOT NULL AND ($1::uuid IS NULL OR p.customer_id = $1)
          AND ($2::uuid[] IS NULL OR p.customer_id = ANY($2))) items
      WHERE "openMinor" <> 0 ORDER BY type = 'payment', "dueDate", number`, [customerId, customerIds]);
  return rows.map((r) => ({ ...r, daysOverdue: r.openMinor > 0 ? Math.max(0, daysBetween(r.dueDate, today)) : 0 }));
}
