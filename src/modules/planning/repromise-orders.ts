import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { loadAllocationPolicy } from '../inventory/allocation-policy.ts';
import { loadOrderLineDemand, lockOrderHead } from '../inventory/order-demand.ts';
import { addDays } from '../inventory/promise-date.ts';
import { storeLinePromises } from '../inventory/store-line-promises.ts';
import { plannedInbound } from './inbound-supply.ts';

export interface LatePromise {
  orderId: string;
  orderNumber: string;
  lineNo: number;
  requestedDate: string;
  promisedDate: string;
  previousPromise: string | null;
}

interface LineBefore {
  lineNo: number;
  promisedDate: string | null;
  requestedDate: string | null;
}

/**
 * Capable-to-promise after a schedule: every confirmed order with a line still waiting for supply
 * of these devices is promised again — inventory's promise, with work orders' scheduled completion
 * and purchase orders as inbound supply — and a line whose new promise passes the customer's
 * requested date raises a PROMISE_LATE alert for customer service (once per promised date).
 * One order at a time, because a promise shares supply between an order's lines in line order.
 */
export async function repromiseOrders(w: Work, deviceIds: readonly string[], earliestShipDate: string): Promise<{ orders: number; late: LatePromise[] }> {
  if (deviceIds.length === 0) return { orders: 0, late: [] };
  const { rows: orders } = await w.tx.query<{ id: string }>(
    `SELECT DISTINCT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.lifecycle = 'confirmed' AND o.status <> 'on_hold' AND l.device_id = ANY($1::uuid[]) AND l.qty_ordered - l.qty_cancelled > l.qty_allocated
      ORDER BY o.id`,
    [[...new Set(deviceIds)]],
  );
  const late: LatePromise[] = [];
  let changedOrders = 0;
  for (const { id } of orders) {
    const head = await lockOrderHead(w.tx, w.actor, id);
    const before = await w.tx.query<LineBefore>(
      `SELECT l.line_no AS "lineNo", l.promised_date::text AS "promisedDate", coalesce(l.requested_date, o.requested_date)::text AS "requestedDate"
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.order_id = $1`,
      [id],
    );
    const policy = await loadAllocationPolicy(w.tx, { customerId: head.customerId, shipToId: head.shipToId, carrierServiceId: head.carrierServiceId ?? undefined });
    const byRequest = head.requestedDate ? addDays(head.requestedDate, -policy.transitDays) : earliestShipDate;
    const shipDate = byRequest > earliestShipDate ? byRequest : earliestShipDate;
    const promised = await storeLinePromises(w.tx, head, await loadOrderLineDemand(w.tx, id), [], { shipDate, transitDays: policy.transitDays, inbound: plannedInbound });
    const changed = promised.promises.flatMap((p) => {
      const b = before.rows.find((r) => r.lineNo === p.lineNo)!;
      return b.promisedDate === p.deliveryDate ? [] : [{ ...b, newPromise: p.deliveryDate }];
    });
    if (changed.length === 0) continue;
    changedOrders++;
    for (const c of changed) {
      if (c.newPromise && c.requestedDate && c.newPromise > c.requestedDate) {
        late.push({ orderId: id, orderNumber: head.number, lineNo: c.lineNo, requestedDate: c.requestedDate, promisedDate: c.newPromise, previousPromise: c.promisedDate });
      }
    }
    w.audit({
      entityType: 'order', entityId: id, action: 'repromised',
      changes: { lines: { old: changed.map((c) => ({ lineNo: c.lineNo, promisedDate: c.promisedDate })), new: changed.map((c) => ({ lineNo: c.lineNo, promisedDate: c.newPromise })) }, promisedDate: { new: promised.promisedDate } },
    });
    w.emit({ topic: 'planning.promise_changed', entityType: 'order', entityId: id, payload: { number: head.number, promisedDate: promised.promisedDate, lines: changed.map((c) => ({ lineNo: c.lineNo, promisedDate: c.newPromise })) } });
  }
  await raiseLateAlerts(w, late);
  return { orders: changedOrders, late };
}

async function raiseLateAlerts(w: Work, late: readonly LatePromise[]): Promise<void> {
  if (late.length === 0) return;
  await w.tx.query(
    `INSERT INTO order_alerts (id, order_id, line_no, code, severity, message_en, message_zh, details)
     SELECT r.id, r."orderId", r."lineNo", 'PROMISE_LATE', 'high',
            'line ' || r."lineNo" || ' can now be delivered on ' || r."promisedDate" || ', after the requested ' || r."requestedDate",
            '第' || r."lineNo" || '行预计交货日期调整为 ' || r."promisedDate" || '，晚于客户要求的 ' || r."requestedDate",
            jsonb_build_object('requestedDate', r."requestedDate", 'promisedDate', r."promisedDate", 'previousPromise', r."previousPromise")
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "orderId" uuid, "lineNo" int, "requestedDate" text, "promisedDate" text, "previousPromise" text)`,
    [JSON.stringify(late.map((l) => ({ ...l, id: uuidv7() })))],
  );
  for (const l of late) {
    w.emit({ topic: 'order.alert_raised', entityType: 'order', entityId: l.orderId, payload: { number: l.orderNumber, code: 'PROMISE_LATE', lineNo: l.lineNo, promisedDate: l.promisedDate } });
  }
}
