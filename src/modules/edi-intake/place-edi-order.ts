import type { Work } from '../../platform/unit-of-work.ts';
import { invalid } from '../../platform/errors.ts';
import type { EdiStandard, ParsedOrder } from '../edi/index.ts';
import type { OrderInput } from '../orders/order-input.ts';
import { placeOrder } from '../orders/place-order.ts';
import { getCustomerOrderFacts } from '../parties/customer-order-facts.ts';
import { checkOrderInput } from './check-order-input.ts';
import type { IntakeOrderResult } from './intake-result.ts';
import type { EdiCustomer, partnerResolver } from './resolve-partner.ts';
import { resolveEdiLines } from './resolve-edi-lines.ts';

export interface EdiOrderContext {
  interchangeId: string;
  standard: EdiStandard;
  customer: EdiCustomer;
  partners: ReturnType<typeof partnerResolver>;
  today: string;
}

/**
 * One order of an interchange into Lotline through the one intake every channel uses, and the
 * link that lets its acknowledgement echo the partner's line numbers and units later. Hard
 * errors throw (the caller rolls this order back and reports it).
 */
export async function placeEdiOrder(w: Work, order: ParsedOrder, ctx: EdiOrderContext): Promise<IntakeOrderResult> {
  if (order.purpose !== 'original') {
    throw invalid('purpose', `a ${order.purpose} purchase order is not applied automatically: customer service applies it to the order`);
  }
  const facts = await getCustomerOrderFacts(w.tx, { customerId: ctx.customer.id });
  const currency = order.currency ?? facts.customer.currency;
  const shipTo = await ctx.partners.shipToOf(ctx.customer, order.shipTo);
  const { lines, ack } = await resolveEdiLines(w.tx, ctx.customer.id, order.lines, currency);
  const input: OrderInput = checkOrderInput({
    customerId: ctx.customer.id,
    externalPo: order.poNumber,
    currency,
    lines,
    ...(shipTo.shipToId ? { shipToId: shipTo.shipToId } : {}),
    ...(order.requestedDate ? { requestedDate: order.requestedDate } : {}),
    ...(shipTo.note ? { notes: shipTo.note } : {}),
  });
  const placed = await placeOrder(w, input, { channel: 'edi', today: ctx.today, source: { type: 'edi_interchange', ref: ctx.interchangeId } });
  await w.tx.query(
    `INSERT INTO edi_inbound_orders (order_id, interchange_id, standard, version, po_number, po_date, message_control,
       partner_qualifier, partner_id, us_qualifier, us_id, test, lines)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [placed.id, ctx.interchangeId, ctx.standard, order.version, order.poNumber, order.orderDate,
      order.messageControlNumber, order.sender.qualifier, order.sender.id, order.receiver.qualifier, order.receiver.id, order.test,
      JSON.stringify(ack)],
  );
  return { poNumber: order.poNumber, orderId: placed.id, number: placed.number, status: placed.status };
}
