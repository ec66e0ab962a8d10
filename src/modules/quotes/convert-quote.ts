import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { placeOrder, type PlacedOrder } from '../orders/place-order.ts';
import type { PricedLine } from '../orders/price-order-lines.ts';

/**
 * Turns an open, still valid quotation into an order that keeps the quoted prices (and their
 * explanations); the quote records the order. Converting twice answers the same order.
 */
export function convertQuote(
  db: Database,
  actor: Actor,
  quoteId: string,
  input: { externalPo?: string; requestedDate?: string },
  ctx: { today: string; requestId: string | null },
): Promise<PlacedOrder | { id: string; number: string; status: string; alreadyConverted: true }> {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const q = (await w.tx.query<{ number: string; revision: number; status: string; customer_id: string; ship_to_id: string | null;
      valid_until: string; order_id: string | null }>(
      'SELECT number, revision, status, customer_id, ship_to_id, valid_until, order_id FROM quotes WHERE id = $1 FOR UPDATE', [quoteId])).rows[0];
    if (!q) throw notFound('quote', quoteId);
    assertVisible(actor, q.customer_id, 'quote', quoteId);
    if (q.status === 'converted' && q.order_id) {
      const o = (await w.tx.query<{ number: string; status: string }>('SELECT number, status FROM orders WHERE id = $1', [q.order_id])).rows[0]!;
      w.audit({ entityType: 'quote', entityId: quoteId, action: 'convert.replayed' });
      return { id: q.order_id, number: o.number, status: o.status, alreadyConverted: true as const };
    }
    if (q.status !== 'open') throw new DomainError('INVALID_STATE', `quote ${q.number} revision ${q.revision} is ${q.status}`);
    if (q.valid_until < ctx.today) throw new DomainError('INVALID_STATE', `quote ${q.number} expired on ${q.valid_until}; revise it to renew the prices`);
    const lines = (await w.tx.query<{ line_no: number; device_id: string; uom: string; uom_qty: number; unit_price_minor: number; explanation: Record<string, unknown> }>(
      'SELECT line_no, device_id, uom, uom_qty, unit_price_minor, explanation FROM quote_lines WHERE quote_id = $1 ORDER BY line_no', [quoteId])).rows;
    const agreed = new Map<number, PricedLine>(lines.map((l) => [l.line_no, {
      unitPriceMinor: l.unit_price_minor, agreedPriceMinor: l.unit_price_minor,
      explanation: { ...l.explanation, quote: `${q.number} rev ${q.revision}` },
    }]));
    const placed = await placeOrder(w, {
      customerId: q.customer_id,
      ...(q.ship_to_id ? { shipToId: q.ship_to_id } : {}),
      ...(input.externalPo ? { externalPo: input.externalPo } : {}),
      ...(input.requestedDate ? { requestedDate: input.requestedDate } : {}),
      lines: lines.map((l) => ({ deviceId: l.device_id, quantity: l.uom_qty, uom: l.uom })),
    }, { channel: 'quote', today: ctx.today, source: { type: 'quote', ref: `${q.number}/${q.revision}` }, agreedPrices: agreed });
    await w.tx.query(`UPDATE quotes SET status = 'converted', order_id = $2 WHERE id = $1`, [quoteId, placed.id]);
    w.audit({ entityType: 'quote', entityId: quoteId, action: 'converted', changes: { status: { old: 'open', new: 'converted' }, orderId: { new: placed.id } } });
    return placed;
  });
}
