import type { Sql } from '../../db/types.ts';
import type { PayableInvoice } from './allocate-payment.ts';
import { OPEN_SQL } from './open-amount-sql.ts';

export interface PayableRow extends PayableInvoice {
  customerId: string;
  currency: string;
}

/**
 * Invoices still owed, of the given customers and/or with the given numbers, locked so two
 * payments cannot both pay the same money.
 */
export async function loadPayableInvoices(tx: Sql, by: { customerIds?: readonly string[]; numbers?: readonly string[] }): Promise<PayableRow[]> {
  const customerIds = [...new Set(by.customerIds ?? [])];
  const numbers = [...new Set((by.numbers ?? []).map((n) => n.toUpperCase()))];
  if (customerIds.length === 0 && numbers.length === 0) return [];
  await tx.query(
    `SELECT id FROM invoices WHERE kind = 'invoice' AND (customer_id = ANY($1::uuid[]) OR number = ANY($2::text[])) ORDER BY id FOR UPDATE`,
    [customerIds, numbers]);
  const { rows } = await tx.query<PayableRow>(
    `SELECT * FROM (
       SELECT i.id, i.number, i.customer_id AS "customerId", i.currency, i.due_date AS "dueDate", i.issue_date AS "issueDate", ${OPEN_SQL}::bigint AS "openMinor"
         FROM invoices i WHERE i.kind = 'invoice' AND (i.customer_id = ANY($1::uuid[]) OR i.number = ANY($2::text[]))) o
      WHERE "openMinor" > 0 ORDER BY "dueDate", "issueDate", number`, [customerIds, numbers]);
  return rows;
}
