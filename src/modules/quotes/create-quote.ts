import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { getCustomerOrderFacts } from '../parties/customer-order-facts.ts';
import { resolveOrderLines } from '../orders/resolve-order-lines.ts';
import { priceOrderLines } from '../orders/price-order-lines.ts';
import type { QuoteInput } from './quote-input.ts';

/** Prices and stores one revision of a quote (the same resolution and pricing as an order). */
async function writeQuote(w: Work, input: QuoteInput, ids: { id: string; number: string; revision: number }, today: string) {
  if (input.validUntil < today) throw invalid('validUntil', `must not be before today (${today})`);
  assertVisible(w.actor, input.customerId, 'customer', input.customerId);
  const facts = await getCustomerOrderFacts(w.tx, input);
  const lines = await resolveOrderLines(w.tx, input.lines);
  const prices = await priceOrderLines(w.tx, { customerId: facts.customer.id, currency: facts.customer.currency, channel: 'quote', date: today }, lines);
  await w.tx.query(
    `INSERT INTO quotes (id, number, revision, customer_id, ship_to_id, currency, quote_date, valid_until, notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [ids.id, ids.number, ids.revision, facts.customer.id, facts.shipTo.id, facts.customer.currency, today, input.validUntil, input.notes ?? null, w.actor.name],
  );
  await w.tx.query(
    `INSERT INTO quote_lines (quote_id, line_no, device_id, uom, uom_qty, quantity, unit_price_minor, explanation)
     SELECT $1, r."lineNo", r."deviceId", r.uom, r."uomQty", r.quantity, r.price, r.explanation
       FROM jsonb_to_recordset($2::jsonb) AS r("lineNo" int, "deviceId" uuid, uom text, "uomQty" int, quantity int, price bigint, explanation jsonb)`,
    [ids.id, JSON.stringify(lines.map((l, i) => ({ lineNo: l.lineNo, deviceId: l.device.id, uom: l.uom, uomQty: l.input.quantity,
      quantity: l.quantity, price: prices[i]!.unitPriceMinor, explanation: prices[i]!.explanation })))],
  );
  w.audit({ entityType: 'quote', entityId: ids.id, action: ids.revision === 1 ? 'created' : 'revised',
    changes: { number: { new: ids.number }, revision: { new: ids.revision }, validUntil: { new: input.validUntil }, lines: { new: lines.length } } });
  w.emit({ topic: 'quote.issued', entityType: 'quote', entityId: ids.id, payload: { number: ids.number, revision: ids.revision } });
  return { id: ids.id, number: ids.number, revision: ids.revision, validUntil: input.validUntil };
}

export function createQuote(db: Database, actor: Actor, input: QuoteInput, ctx: { today: string; requestId: string | null }) {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('quote_number_seq') AS n`)).rows[0]!.n;
    return writeQuote(w, input, { id: uuidv7(), number: `QT-${ctx.today.slice(0, 4)}-${String(seq).padStart(6, '0')}`, revision: 1 }, ctx.today);
  });
}

/** A revision supersedes the open revision it replaces; both stay readable. */
export function reviseQuote(db: Database, actor: Actor, quoteId: string, input: QuoteInput, ctx: { today: string; requestId: string | null }) {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const { rows } = await w.tx.query<{ number: string; revision: number; status: string; customer_id: string }>(
      'SELECT number, revision, status, customer_id FROM quotes WHERE id = $1 FOR UPDATE', [quoteId]);
    const q = rows[0];
    if (!q) throw new DomainError('NOT_FOUND', `quote ${quoteId} not found`);
    assertVisible(actor, q.customer_id, 'quote', quoteId);
    if (q.status !== 'open') throw new DomainError('INVALID_STATE', `quote ${q.number} revision ${q.revision} is ${q.status}; revise the open revision`);
    if (input.customerId !== q.customer_id) throw invalid('customerId', 'a revision keeps the customer of the quote');
    await w.tx.query(`UPDATE quotes SET status = 'superseded' WHERE id = $1`, [quoteId]);
    w.audit({ entityType: 'quote', entityId: quoteId, action: 'superseded', changes: { status: { old: 'open', new: 'superseded' } } });
    return writeQuote(w, input, { id: uuidv7(), number: q.number, revision: q.revision + 1 }, ctx.today);
  });
}
