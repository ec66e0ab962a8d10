import { DomainError, invalid } from '../../platform/errors.ts';
import { isUuid, uuidv7 } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { recountOpenOrders } from '../orders/open-order-value.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { addDays } from './aging.ts';
import { nextDocumentNumber } from './document-number.ts';
import { computeDocument } from './invoice-math.ts';
import { loadInvoiceViews, type InvoiceView } from './invoice-view.ts';
import { insertInvoice } from './insert-invoice.ts';
import { vatRatesFor } from './vat-lookup.ts';

export type InvoiceTrigger = 'shipment' | 'delivery' | 'manual';

interface ShipmentHead {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  customerId: string;
  status: 'shipped' | 'delivered';
  currency: string;
  billToId: string | null;
  invoiceOn: 'shipment' | 'delivery';
  termsDays: number;
}

interface ShippedLine {
  orderLineNo: number;
  deviceId: string;
  lotId: string;
  quantity: number;
  unitPriceMinor: number;
  priceExplanation: unknown;
  qtyShipped: number;
  qtyInvoiced: number;
}

/**
 * Invoices what one shipment carried, per order line and lot, at the order line's agreed price.
 * A shipment is invoiced once (DUPLICATE the second time; the unique index settles a race), and an
 * order line never gets more units invoiced than it shipped. Raises order_lines.qty_invoiced and
 * re-derives the order's status. A customer invoiced on delivery is invoiced once the shipment is
 * delivered.
 */
export async function invoiceShipment(w: Work, shipmentId: string, o: { trigger: InvoiceTrigger; today: string }): Promise<InvoiceView> {
  if (!isUuid(shipmentId)) throw invalid('shipmentId', 'must be a shipment id (UUID)');
  const head = (await w.tx.query<ShipmentHead>(
    `SELECT s.id, s.number, s.order_id AS "orderId", o.number AS "orderNumber", s.customer_id AS "customerId", s.status,
            o.currency, o.bill_to_id AS "billToId", coalesce(f.invoice_on, 'shipment') AS "invoiceOn", p.payment_terms_days AS "termsDays"
       FROM shipments s JOIN orders o ON o.id = s.order_id JOIN parties p ON p.id = s.customer_id
       LEFT JOIN customer_finance_settings f ON f.customer_id = s.customer_id
      WHERE s.id = $1 FOR UPDATE OF s`, [shipmentId])).rows[0];
  if (!head) throw new DomainError('NOT_FOUND', `shipment ${shipmentId} not found`, { field: 'shipmentId', details: { entity: 'shipment', id: shipmentId } });
  assertVisible(w.actor, head.customerId, 'shipment', shipmentId);
  const existing = (await w.tx.query<{ id: string; number: string }>(
    `SELECT id, number FROM invoices WHERE shipment_id = $1 AND kind = 'invoice'`, [shipmentId])).rows[0];
  if (existing) {
    throw new DomainError('DUPLICATE', `shipment ${head.number} is already invoiced on ${existing.number}`,
      { field: 'shipmentId', details: { invoiceId: existing.id, number: existing.number } });
  }
  if (head.invoiceOn === 'delivery' && head.status !== 'delivered') {
    throw new DomainError('INVALID_STATE', `the customer is invoiced on delivery and shipment ${head.number} is not delivered yet`, { field: 'shipmentId' });
  }
  await w.tx.query('SELECT 1 FROM order_lines WHERE order_id = $1 FOR UPDATE', [head.orderId]);
  const { rows: shipped } = await w.tx.query<ShippedLine>(
    `SELECT sl.line_no AS "orderLineNo", sl.device_id AS "deviceId", sl.lot_id AS "lotId", sum(sl.quantity)::int AS quantity,
            ol.unit_price_minor AS "unitPriceMinor", ol.price_explanation AS "priceExplanation",
            ol.qty_shipped AS "qtyShipped", ol.qty_invoiced AS "qtyInvoiced"
       FROM shipment_lines sl JOIN order_lines ol ON ol.order_id = sl.order_id AND ol.line_no = sl.line_no
      WHERE sl.shipment_id = $1
      GROUP BY sl.line_no, sl.device_id, sl.lot_id, ol.unit_price_minor, ol.price_explanation, ol.qty_shipped, ol.qty_invoiced
      ORDER BY sl.line_no, sl.lot_id`, [shipmentId]);
  if (shipped.length === 0) throw new DomainError('INVALID_STATE', `shipment ${head.number} has no lines to invoice`, { field: 'shipmentId' });

  const perLine = new Map<number, { quantity: number; room: number }>();
  for (const l of shipped) {
    const seen = perLine.get(l.orderLineNo) ?? { quantity: 0, room: l.qtyShipped - l.qtyInvoiced };
    perLine.set(l.orderLineNo, { ...seen, quantity: seen.quantity + l.quantity });
  }
  for (const [lineNo, q] of perLine) {
    if (q.quantity > q.room) {
      throw new DomainError('CONFLICT', `order ${head.orderNumber} line ${lineNo}: ${q.quantity} unit(s) to invoice but only ${q.room} shipped and not yet invoiced`,
        { field: 'shipmentId' });
    }
  }

  const rates = await vatRatesFor(w.tx, head.customerId, shipped.map((l) => l.deviceId));
  const doc = computeDocument(shipped.map((l) => ({ quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, vatCode: rates.get(l.deviceId)!.code, vatRateBp: rates.get(l.deviceId)!.rateBp })));
  const id = uuidv7();
  const number = await nextDocumentNumber(w.tx, 'INV', o.today);
  await insertInvoice(w.tx, {
    id, number, kind: 'invoice', customerId: head.customerId, billToId: head.billToId, orderId: head.orderId, shipmentId,
    trigger: o.trigger, creditedInvoiceId: null, reason: null, sourceRef: head.number, currency: head.currency,
    issueDate: o.today, dueDate: addDays(o.today, head.termsDays), createdBy: w.actor.name, doc,
    lines: shipped.map((l) => ({ orderId: head.orderId, orderLineNo: l.orderLineNo, deviceId: l.deviceId, lotId: l.lotId, priceExplanation: l.priceExplanation })),
  });
  await w.tx.query(
    `UPDATE order_lines ol SET qty_invoiced = ol.qty_invoiced + r.quantity
       FROM jsonb_to_recordset($2::jsonb) AS r("lineNo" int, quantity int)
      WHERE ol.order_id = $1 AND ol.line_no = r."lineNo"`,
    [head.orderId, JSON.stringify([...perLine].map(([lineNo, q]) => ({ lineNo, quantity: q.quantity })))]);
  // What is invoiced leaves the customer's open orders and is owed as a receivable instead.
  await recountOpenOrders(w, [head.orderId]);
  w.audit({ entityType: 'invoice', entityId: id, action: 'issued',
    changes: { number: { new: number }, shipment: { new: head.number }, order: { new: head.orderNumber }, totalMinor: { new: doc.totalMinor }, currency: { new: head.currency } } });
  w.emit({ topic: 'invoice.issued', entityType: 'invoice', entityId: id,
    payload: { number, orderId: head.orderId, shipmentId, customerId: head.customerId, totalMinor: doc.totalMinor, currency: head.currency } });
  await refreshOrderStatus(w, head.orderId);
  return (await loadInvoiceViews(w.tx, [id]))[0]!;
}
