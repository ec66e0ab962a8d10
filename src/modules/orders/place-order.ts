import type { Work } from '../../platform/unit-of-work.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Channel, OrderInput } from './order-input.ts';
import type { IntakeAlert } from './intake-alerts.ts';
import { applyCommandsTo } from './apply-order-command.ts';
import type { OrderHead } from './load-order-state.ts';
import type { CustomerOrderFacts } from '../parties/customer-order-facts.ts';
import { newOrderFacts, prepareOrderContent, ruleEffects, writeOrderWithContent } from './order-content.ts';
import { decideOrderRules } from './evaluate-order-rules.ts';
import type { OrderCommand, OrderState } from './order-machine.ts';
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

/** The order as this transaction just stored it, for a use case that goes on with it (allocating at once). */
export interface StoredOrder {
  head: OrderHead & { shipToId: string; carrierServiceId: string | null; requestedDate: string | null };
  state: OrderState;
  lines: Array<{ lineNo: number; deviceId: string }>;
  facts: CustomerOrderFacts;
}

/**
 * The one way an order enters Lotline, whatever the channel: hard errors refuse it naming the
 * field; then it is priced, checked (alerts, compliance), stored with its lines, and — unless
 * kept as a draft — submitted, put on hold where a check failed, or confirmed.
 */
export async function placeOrder(w: Work, input: OrderInput, ctx: PlaceOrderContext): Promise<PlacedOrder> {
  return (await placeAndKeepOrder(w, input, ctx)).placed;
}

/** placeOrder, also returning the order as stored, so the caller need not read it back. */
export async function placeAndKeepOrder(w: Work, input: OrderInput, ctx: PlaceOrderContext): Promise<{ placed: PlacedOrder; stored: StoredOrder }> {
  const content = await prepareOrderContent(w.tx, input, ctx);
  const { facts } = content;
  // A user limited to some customers (a territory, a hospital's portal) orders only for them.
  assertVisible(w.actor, facts.customer.id, 'customer', facts.customer.id);
  const id = uuidv7();
  const dates = { shipDate: input.requestedDate ?? ctx.today, today: ctx.today };
  // The rules decide on the content just checked, so the order is written once with what they found.
  const decided = input.submit === false ? null : await decideOrderRules(w.tx, ctx.today, await newOrderFacts(w.tx, content, ctx.channel, dates));
  // The header (with the payment terms a rule set), its lines, alerts and the rules' evaluation in
  // one statement; the number comes from the sequence in the INSERT itself: SO-<year>-<at least six digits>.
  const number = await writeOrderWithContent(w.tx, {
    sql: `INSERT INTO orders (id, number, channel, external_po, customer_id, ship_to_id, bill_to_id, carrier_service_id,
            requested_date, priority, currency, incoterms, lifecycle, status, source_type, source_ref, notes, created_by, updated_by, payment_terms)
          SELECT $1, 'SO-' || $2::text || '-' || CASE WHEN length(n.s) >= 6 THEN n.s ELSE lpad(n.s, 6, '0') END,
                 $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', 'draft', $13, $14, $15, $16, $16, $17
            FROM (SELECT nextval('order_number_seq')::text AS s) AS n
          RETURNING id, number, customer_id, created_at`,
    params: [id, ctx.today.slice(0, 4), ctx.channel, input.externalPo ?? null, facts.customer.id, facts.shipTo.id, facts.billToId,
      facts.carrierService?.id ?? null, input.requestedDate ?? null, input.priority ?? facts.customer.priorityTier, content.currency,
      input.incoterms ?? null, ctx.source?.type ?? null, ctx.source?.ref ?? null, input.notes ?? null, w.actor.name, decided?.paymentTerms ?? null],
  }, content, decided ? { version: 1, evaluation: decided.evaluation } : undefined);
  w.audit({
    entityType: 'order', entityId: id, action: 'created',
    changes: { number: { new: number }, channel: { new: ctx.channel }, customer: { new: facts.customer.code }, lines: { new: content.lines.length },
      ...(ctx.source ? { source: { new: ctx.source } } : {}), ...(content.alerts.length ? { alerts: { new: content.alerts.map((a) => a.code) } } : {}) },
  });
  w.emit({ topic: 'order.created', entityType: 'order', entityId: id, payload: { number, channel: ctx.channel, customerId: facts.customer.id } });
  const holdsToPlace = decided ? ruleEffects(w, { id, number }, decided) : [];
  // No other transaction sees the order before this one commits: nothing to lock or read back,
  // its state is what was just written. An order no rule holds is submitted and confirmed in
  // one go (one header update); else confirming is decided on the state the holds left.
  const commands: OrderCommand[] = input.submit === false ? [] : [{ type: 'submit' }, ...(holdsToPlace.length ? holdsToPlace : [{ type: 'confirm' } as const])];
  const draft = {
    head: { id, number, version: 1, customerId: facts.customer.id, channel: ctx.channel, lifecycle: 'draft' as const, status: 'draft' },
    state: {
      lifecycle: 'draft' as const, holds: [],
      lines: content.lines.map((l) => ({ lineNo: l.lineNo, ordered: l.quantity, cancelled: 0, allocated: 0, picked: 0, packed: 0, shipped: 0, delivered: 0, invoiced: 0, returned: 0 })),
    },
  };
  const applied = await applyCommandsTo(w, draft, commands, { eachStatus: true });
  const final = applied.state.lifecycle === 'submitted' && !applied.state.holds.some((h) => h.open)
    ? await applyCommandsTo(w, applied, [{ type: 'confirm' }])
    : applied;
  // The state just applied knows whether any hold is open; only then are their reasons read.
  const holds = final.state.holds.some((h) => h.open)
    ? (await w.tx.query<{ type: string; reason: string }>(
        `SELECT hold_type AS type, reason FROM order_holds WHERE order_id = $1 AND status = 'open' ORDER BY placed_at`, [id])).rows
    : [];
  return {
    placed: { id, number, status: final.head.status, alerts: content.alerts.map(({ code, severity, lineNo, en, zh }) => ({ code, severity, lineNo, en, zh })), holds },
    stored: {
      head: { ...final.head, shipToId: facts.shipTo.id, carrierServiceId: facts.carrierService?.id ?? null, requestedDate: input.requestedDate ?? null },
      state: final.state,
      lines: content.lines.map((l) => ({ lineNo: l.lineNo, deviceId: l.device.id })),
      facts,
    },
  };
}
