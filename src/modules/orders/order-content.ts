import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { getCustomerOrderFacts, type CustomerOrderFacts } from '../parties/customer-order-facts.ts';
import type { Channel, OrderInput } from './order-input.ts';
import { resolveOrderLines, type ResolvedLine } from './resolve-order-lines.ts';
import { priceOrderLines, type PricedLine } from './price-order-lines.ts';
import { loadIntakeHistory, type IntakeHistory } from './intake-history.ts';
import { detectIntakeAlerts, type IntakeAlert } from './intake-alerts.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { evaluateOrderRules, evaluationCtes, type Evaluation, type RuleOutcome } from './evaluate-order-rules.ts';
import { gatherNewOrderFacts } from './gather-order-facts.ts';
import type { Facts } from '../rules/rule-types.ts';

/** An order's content checked and priced: what placing and amending an order both write. */
export interface OrderContent {
  input: OrderInput;
  facts: CustomerOrderFacts;
  currency: string;
  lines: ResolvedLine[];
  prices: PricedLine[];
  alerts: IntakeAlert[];
  history: IntakeHistory;
}

export async function prepareOrderContent(
  tx: Sql,
  input: OrderInput,
  ctx: { channel: Channel; today: string; excludeOrderId?: string; agreedPrices?: ReadonlyMap<number, PricedLine> },
): Promise<OrderContent> {
  const facts = await getCustomerOrderFacts(tx, input);
  const lines = await resolveOrderLines(tx, input.lines);
  const currency = input.currency ?? facts.customer.currency;
  const prices = await priceOrderLines(tx, { customerId: facts.customer.id, currency, channel: ctx.channel, date: ctx.today }, lines, ctx.agreedPrices);
  const history = await loadIntakeHistory(tx, {
    customerId: facts.customer.id, externalPo: input.externalPo ?? null, deviceIds: lines.map((l) => l.device.id), today: ctx.today,
    ...(ctx.excludeOrderId ? { excludeOrderId: ctx.excludeOrderId } : {}),
  });
  const alerts = detectIntakeAlerts({
    today: ctx.today,
    externalPo: input.externalPo ?? null,
    samePoOrders: history.samePoOrders,
    requestedDate: input.requestedDate ?? null,
    transitDays: facts.carrierService?.transitDays ?? 0,
    shipToColdChain: facts.shipTo.coldChainCapable,
    lines: lines.map((l, i) => ({
      lineNo: l.lineNo, deviceCode: l.device.code, quantity: l.quantity, coldChain: l.device.coldChain,
      requestedDate: l.input.requestedDate ?? null, statedPriceMinor: l.input.unitPriceMinor ?? null,
      agreedPriceMinor: prices[i]!.agreedPriceMinor, largestRecentQuantity: history.largestRecent.get(l.device.id) ?? null,
    })),
  });
  return { input, facts, currency, lines, prices, alerts, history };
}

/** Writes the lines and the alerts of a stored order in one statement (an amendment). */
export async function writeOrderContent(tx: Sql, orderId: string, c: OrderContent): Promise<void> {
  await writeOrderWithContent(tx, { sql: 'SELECT id, number, customer_id, created_at FROM orders WHERE id = $1', params: [orderId] }, c);
}

/**
 * Writes an order's lines and alerts in the statement that yields its row: `order.sql` returns
 * (id, number, customer_id, created_at) — the INSERT of a new order, or the SELECT of a stored
 * one — with its parameters first. Returns the order's number.
 */
export async function writeOrderWithContent(
  tx: Sql,
  order: { sql: string; params: readonly unknown[] },
  c: OrderContent,
  /** The rules' evaluation of this version, recorded in the same statement. */
  evaluation?: { version: number; evaluation: Evaluation },
): Promise<string> {
  const n = order.params.length;
  const params: unknown[] = [...order.params, JSON.stringify(c.lines.map((l, i) => ({
    lineNo: l.lineNo, deviceId: l.device.id, uom: l.uom, uomQty: l.input.quantity, qty: l.quantity, price: c.prices[i]!.unitPriceMinor,
    explanation: c.prices[i]!.explanation, requestedDate: l.input.requestedDate ?? c.input.requestedDate ?? null,
    buyerItem: l.input.buyerItem ?? null, notes: l.input.notes ?? null,
  }))), JSON.stringify(c.alerts.map((a) => ({ ...a, id: uuidv7() })))];
  const param = (v: unknown): string => `$${params.push(v)}`;
  const evaluated = evaluation ? `, ${evaluationCtes({ id: 'o.id', from: 'FROM o' }, evaluation.version, evaluation.evaluation, param)}` : '';
  const { rows } = await tx.query<{ number: string }>(
    `WITH o AS (${order.sql}),
     lines AS (
       INSERT INTO order_lines (order_id, customer_id, ordered_at, line_no, device_id, ordered_uom, ordered_uom_qty, qty_ordered,
         unit_price_minor, price_explanation, requested_date, buyer_item, notes)
       SELECT o.id, o.customer_id, o.created_at, r."lineNo", r."deviceId", r.uom, r."uomQty", r.qty, r.price, r.explanation, r."requestedDate",
              r."buyerItem", r.notes
         FROM o, jsonb_to_recordset($${n + 1}::jsonb) AS r("lineNo" int, "deviceId" uuid, uom text, "uomQty" int, qty int, price bigint,
              explanation jsonb, "requestedDate" date, "buyerItem" text, notes text)
     ), alerts AS (
       INSERT INTO order_alerts (id, order_id, line_no, code, severity, message_en, message_zh, details)
       SELECT r.id, o.id, r."lineNo", r.code, r.severity, r.en, r.zh, r.details
         FROM o, jsonb_to_recordset($${n + 2}::jsonb) AS r(id uuid, "lineNo" int, code text, severity text, en text, zh text, details jsonb)
     )${evaluated}
     SELECT number FROM o`,
    params,
  );
  return rows[0]!.number;
}

/**
 * Runs the rules over the stored order and turns what fired into effects: the holds to place
 * (returned, for the state machine), payment terms, and notifications through the outbox.
 */
export async function ruleHolds(w: Work, order: { id: string; version: number; number: string }, dates: { shipDate: string; today: string }) {
  const outcome = await evaluateOrderRules(w.tx, order, dates);
  if (outcome.paymentTerms) await w.tx.query('UPDATE orders SET payment_terms = $2 WHERE id = $1', [order.id, outcome.paymentTerms]);
  return ruleEffects(w, order, outcome);
}

/** What fired, besides its holds (returned): payment terms audited (the caller stores them), notifications through the outbox. */
export function ruleEffects(w: Work, order: { id: string; number: string }, outcome: RuleOutcome): RuleOutcome['holds'] {
  if (outcome.paymentTerms) {
    w.audit({ entityType: 'order', entityId: order.id, action: 'payment_terms', changes: { paymentTerms: { new: outcome.paymentTerms } } });
  }
  for (const n of outcome.notifications) {
    w.emit({ topic: 'notification.requested', entityType: 'order', entityId: order.id, payload: { number: order.number, ...n } });
  }
  return outcome.holds;
}

/** The rules' facts of an order being placed, from its checked content and the customer's history read with it. */
export function newOrderFacts(tx: Sql, c: OrderContent, channel: Channel, dates: { shipDate: string; today: string }): Promise<Facts> {
  const { customer, shipTo } = c.facts;
  return gatherNewOrderFacts(tx, {
    customerId: customer.id, shipToId: shipTo.id, channel, currency: c.currency, requestedDate: c.input.requestedDate ?? null,
    customer: {
      code: customer.code, customerType: customer.customerType, creditLimitMinor: customer.creditLimitMinor, priorityTier: customer.priorityTier,
      requiresSerialCapture: customer.requiresSerialCapture, paymentTermsDays: customer.paymentTermsDays,
    },
    shipTo: { coldChainCapable: shipTo.coldChainCapable, country: shipTo.country },
    lines: c.lines.map((l, i) => ({ lineNo: l.lineNo, deviceId: l.device.id, quantity: l.quantity, unitPriceMinor: c.prices[i]!.unitPriceMinor, explanation: c.prices[i]!.explanation })),
    alerts: c.alerts.map((a) => ({ code: a.code, severity: a.severity })),
  }, {
    exposure: c.history.otherOpenOrdersMinor, contracts: c.history.contractsInForce, devices: new Map(c.lines.map((l) => [l.device.id, l.device])),
  }, dates.shipDate, dates.today);
}
