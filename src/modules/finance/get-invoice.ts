import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { loadInvoiceViews, type InvoiceView } from './invoice-view.ts';

/** One invoice or credit note by id or by its number; another organisation's is not found. */
export async function getInvoice(tx: Sql, actor: Actor, idOrNumber: string): Promise<InvoiceView> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM invoices WHERE ($1 ~* '^[0-9a-f-]{36}$' AND id = $1::uuid) OR number = upper($1)`, [idOrNumber]);
  const [invoice] = rows[0] ? await loadInvoiceViews(tx, [rows[0].id]) : [];
  if (!invoice) throw notFound('invoice', idOrNumber);
  assertVisible(actor, invoice.customer.id, 'invoice', idOrNumber);
  return invoice;
}
