import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';

export interface DeliveryInput {
  receivedBy: string;
  /** ISO date-time; default now. */
  deliveredAt?: string;
  podReference?: string;
}

export interface DeliveredShipment {
  id: string;
  number: string;
  orderId: string;
  status: 'delivered';
  deliveredAt: string;
  receivedBy: string;
  podReference: string | null;
  orderStatus: string;
}

/** Proof of delivery: the shipment is delivered, its units count as delivered on the order lines. */
export async function confirmDelivery(db: Database, actor: Actor, shipmentId: string, input: DeliveryInput, ctx: { now: Date; requestId?: string | null }): Promise<DeliveredShipment> {
  if (!isUuid(shipmentId)) throw notFound('shipment', shipmentId);
  if (!input.receivedBy.trim()) throw invalid('receivedBy', 'must not be blank');
  const at = input.deliveredAt === undefined ? ctx.now : new Date(input.deliveredAt);
  if (Number.isNaN(at.getTime())) throw invalid('deliveredAt', 'must be an ISO date-time');
  if (at.getTime() > ctx.now.getTime() + 5 * 60_000) throw invalid('deliveredAt', 'must not be in the future');
  return writeTx(db, { actor, requestId: ctx.requestId ?? null }, async (w) => {
    const { rows: [s] } = await w.tx.query<{ number: string; orderId: string; customerId: string; status: string; shippedAt: string }>(
      `SELECT number, order_id AS "orderId", customer_id AS "customerId", status, shipped_at AS "shippedAt" FROM shipments WHERE id = $1 FOR UPDATE`,
      [shipmentId],
    );
    if (!s) throw notFound('shipment', shipmentId);
    assertVisible(actor, s.customerId, 'shipment', shipmentId);
    if (s.status !== 'shipped') throw new DomainError('INVALID_STATE', `shipment ${s.number} is already ${s.status}`, { details: { status: s.status } });
    if (at.getTime() < new Date(s.shippedAt).getTime()) throw invalid('deliveredAt', 'must not be before the shipment left');
    await w.tx.query(
      `UPDATE shipments SET status = 'delivered', delivered_at = $2, received_by = $3, pod_reference = $4 WHERE id = $1`,
      [shipmentId, at.toISOString(), input.receivedBy.trim(), input.podReference ?? null],
    );
    await w.tx.query(
      `UPDATE order_lines l SET qty_delivered = l.qty_delivered + s.q
         FROM (SELECT line_no, sum(quantity)::int AS q FROM shipment_lines WHERE shipment_id = $2 GROUP BY line_no) s
        WHERE l.order_id = $1 AND l.line_no = s.line_no`,
      [s.orderId, shipmentId],
    );
    const orderStatus = await refreshOrderStatus(w, s.orderId);
    w.audit({ entityType: 'shipment', entityId: shipmentId, action: 'delivered', changes: { status: { old: 'shipped', new: 'delivered' }, receivedBy: { new: input.receivedBy.trim() }, deliveredAt: { new: at.toISOString() } } });
    w.emit({ topic: 'shipment.delivered', entityType: 'shipment', entityId: shipmentId, payload: { shipmentId, orderId: s.orderId, number: s.number } });
    return { id: shipmentId, number: s.number, orderId: s.orderId, status: 'delivered', deliveredAt: at.toISOString(), receivedBy: input.receivedBy.trim(), podReference: input.podReference ?? null, orderStatus };
  });
}
