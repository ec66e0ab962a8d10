import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { getCustomerOrderFacts, type CustomerOrderFacts } from '../parties/customer-order-facts.ts';
import type { Channel, OrderInput } from './order-input.ts';
import { resolveOrderLines, type ResolvedLine } from './resolve-order-lines.ts';
import { priceOrderLines, type PricedLine } from './price-order-lines.ts';
import { loadIntakeHistory } from './intake-history.ts';
import { detectIntakeAlerts, type IntakeAlert } from './intake-alerts.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { evaluateOrderRules } from './evaluate-order-rules.ts';

/** An order's content checked and priced: what placing and amending an order both write. */
export interface OrderContent {
  input: OrderInput;
  facts: CustomerOrderFacts;
  currency: string;
  lines: ResolvedLine[];
  prices: PricedLine[];
  alerts: IntakeAlert[];
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
  return { input, facts, currency, lines, prices, alerts };
}

/** Writes the lines and the alerts of an order in one statement. */
export async function writeOrderContent(tx: Sql, orderId: string, c: OrderContent): Promise<void> {
  await tx.query(
    `WITH lines AS (
       INSERT INTO order_lines (order_id, line_no, device_id, ordered_uom, ordered_uom_qty, qty_ordered, unit_price_minor,
         price_explanation, requested_date, buyer_item, notes)
       SELECT $1, r."lineNo", r."deviceId", r.uom, r."uomQty", r.qty, r.price, r.explanation, r."requestedDate", r."buyerItem", r.notes
         FROM jsonb_to_recordset($2::jsonb) AS r("lineNo" int, "deviceId" uuid, uom text, "uomQty" int, qty int, price bigint,
              explanation jsonb, "requestedDate" date, "buyerItem" text, notes text)
     )
     INSERT INTO order_alerts (id, order_id, line_no, code, severity, message_en, message_zh, details)
     SELECT r.id, $1, r."lineNo", r.code, r.severity, r.en, r.zh, r.details
       FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, "lineNo" int, code text, severity text, en text, zh text, details jsonb)`,
    [orderId, JSON.stringify(c.lines.map((l, i) => ({
      lineNo: l.lineNo, deviceId: l.device.id, uom: l.uom, uomQty: l.input.quantity, qty: l.quantity, price: c.prices[i]!.unitPriceMinor,
      explanation: c.prices[i]!.explanation, requestedDate: l.input.requestedDate ?? c.input.requestedDate ?? null,
      buyerItem: l.input.buyerItem ?? null, notes: l.input.notes ?? null,
    }))), JSON.stringify(c.alerts.map((a) => ({ ...a, id: uuidv7() })))],
  );
}

/**
 * Runs the rules over the stored order and turns what fired into effects: the holds to place
 * (returned, for the state machine), payment terms, and notifications through the outbox.
 */
export async function ruleHolds(w: Work, order: { id: string; version: number; number: string }, dates: { shipDate: string; today: string }) {
  const outcome = await evaluateOrderRules(w.tx, order, dates);
  if (outcome.paymentTerms) {
    await w.tx.query('UPDATE orders SET payment_terms = $2 WHERE id = $1', [order.id, outcome.paymentTerms]);
    w.audit({ entityType: 'order', entityId: order.id, action: 'payment_terms', changes: { paymentTerms: { new: outcome.paymentTerms } } });
  }
  for (const n of outcome.notifications) {
    w.emit({ topic: 'notification.requested', entityType: 'order', entityId: order.id, payload: { number: order.number, ...n } });
  }
  return outcome.holds;
}
