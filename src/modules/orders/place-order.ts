import type { Work } from '../../platform/unit-of-work.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Channel, OrderInput } from './order-input.ts';
import type { IntakeAlert } from './intake-alerts.ts';
import { applyCommandsTo } from './apply-order-command.ts';
import { loadOrderState } from './load-order-state.ts';
import { prepareOrderContent, ruleHolds, writeOrderContent } from './order-content.ts';
import type { OrderCommand } from './order-machine.ts';
import type { PricedLine } from './price-order-lines.ts';

export interface PlaceOrderContext {
  channel: Channel;
  /** 'YYYY-MM-DD', the business day of intake */
  today: string;
  source?: { type: string; ref: string };
  /** Prices agreed in a valid quotation, by line number. */
  agreedPrices?: ReadonlyMap<number, PricedLine>;
}

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  alerts: Array<Pick<IntakeAlert, 'code' | 'severity' | 'lineNo' | 'en' | 'zh'>>;
  holds: Array<{ type: string; reason: string }>;
}

/**
 * The one way an order enters Lotline, whatever the channel: hard errors refuse it naming the
 * field; then it is priced, checked (alerts, compliance), stored with its lines, and — unless
 * kept as a draft — submitted, put on hold where a check failed, or confirmed.
 */
export async function placeOrder(w: Work, input: OrderInput, ctx: PlaceOrderContext): Promise<PlacedOrder> {
  const content = await prepareOrderContent(w.tx, input, ctx);
  const { facts } = content;
  const id = uuidv7();
  // The number comes from the sequence in the INSERT itself: SO-<year>-<at least six digits>.
  const { rows: [placed] } = await w.tx.query<{ number: string }>(
    `INSERT INTO orders (id, number, channel, external_po, customer_id, ship_to_id, bill_to_id, carrier_service_id,
       requested_date, priority, currency, incoterms, lifecycle, status, source_type, source_ref, notes, created_by, updated_by)
     SELECT $1, 'SO-' || $2::text || '-' || CASE WHEN length(n.s) >= 6 THEN n.s ELSE lpad(n.s, 6, '0') END,
            $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', 'draft', $13, $14, $15, $16, $16
       FROM (SELECT nextval('order_number_seq')::text AS s) AS n
     RETURNING number`,
    [id, ctx.today.slice(0, 4), ctx.channel, input.externalPo ?? null, facts.customer.id, facts.shipTo.id, facts.billToId,
      facts.carrierService?.id ?? null, input.requestedDate ?? null, input.priority ?? facts.customer.priorityTier, content.currency,
      input.incoterms ?? null, ctx.source?.type ?? null, ctx.source?.ref ?? null, input.notes ?? null, w.actor.name],
  );
  const number = placed!.number;
  await writeOrderContent(w.tx, id, content);
  w.audit({
    entityType: 'order', entityId: id, action: 'created',
    changes: { number: { new: number }, channel: { new: ctx.channel }, customer: { new: facts.customer.code }, lines: { new: content.lines.length },
      ...(ctx.source ? { source: { new: ctx.source } } : {}), ...(content.alerts.length ? { alerts: { new: content.alerts.map((a) => a.code) } } : {}) },
  });
  w.emit({ topic: 'order.created', entityType: 'order', entityId: id, payload: { number, channel: ctx.channel, customerId: facts.customer.id } });

  const dates = { shipDate: input.requestedDate ?? ctx.today, today: ctx.today };
  const commands: OrderCommand[] = input.submit === false ? [] : [{ type: 'submit' }, ...(await ruleHolds(w, { id, version: 1, number }, dates))];
  // No other transaction sees the order before this one commits: nothing to lock, it is read once
  // and confirming goes on from the state just applied.
  const applied = await applyCommandsTo(w, await loadOrderState(w.tx, w.actor, id, { locked: true }), commands);
  const status = applied.state.lifecycle === 'submitted' && !applied.state.holds.some((h) => h.open)
    ? (await applyCommandsTo(w, applied, [{ type: 'confirm' }])).head.status
    : applied.head.status;
  // The state just applied knows whether any hold is open; only then are their reasons read.
  const holds = applied.state.holds.some((h) => h.open)
    ? (await w.tx.query<{ type: string; reason: string }>(
        `SELECT hold_type AS type, reason FROM order_holds WHERE order_id = $1 AND status = 'open' ORDER BY placed_at`, [id])).rows
    : [];
  return { id, number, status, alerts: content.alerts.map(({ code, severity, lineNo, en, zh }) => ({ code, severity, lineNo, en, zh })), holds };
}
