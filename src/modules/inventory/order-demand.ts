import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';

export interface OrderHeadForStock {
  id: string;
  number: string;
  version: number;
  customerId: string;
  shipToId: string;
  carrierServiceId: string | null;
  requestedDate: string | null;
  lifecycle: string;
  status: string;
}

export interface OrderLineDemand {
  lineNo: number;
  deviceId: string;
  /** ordered − cancelled */
  open: number;
  /** units held by live allocations of the current version (picked and shipped ones included) */
  allocated: number;
}

/** Locks the order row (allocations of one order never interleave) and reads its header. */
export const lockOrderHead = (tx: Sql, actor: Actor, orderId: string): Promise<OrderHeadForStock> => orderHead(tx, actor, orderId, true);

/** The order's header without locking it (reads). A hidden or unknown order is not found. */
export const readOrderHead = (tx: Sql, actor: Actor, orderId: string): Promise<OrderHeadForStock> => orderHead(tx, actor, orderId, false);

async function orderHead(tx: Sql, actor: Actor, orderId: string, lock: boolean): Promise<OrderHeadForStock> {
  if (!isUuid(orderId)) throw notFound('order', orderId);
  const { rows } = await tx.query<OrderHeadForStock>(
    `SELECT id, number, version, customer_id AS "customerId", ship_to_id AS "shipToId", carrier_service_id AS "carrierServiceId",
            requested_date AS "requestedDate", lifecycle, status
       FROM orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [orderId],
  );
  const head = rows[0];
  if (!head) throw notFound('order', orderId);
  assertVisible(actor, head.customerId, 'order', orderId);
  return head;
}

/** Locks the order row and reads its header and its lines' demand in one statement (allocation). */
export async function lockOrderWithDemand(tx: Sql, actor: Actor, orderId: string): Promise<{ head: OrderHeadForStock; lines: OrderLineDemand[] }> {
  if (!isUuid(orderId)) throw notFound('order', orderId);
  const { rows } = await tx.query<OrderHeadForStock & { lines: OrderLineDemand[] }>(
    `SELECT o.id, o.number, o.version, o.customer_id AS "customerId", o.ship_to_id AS "shipToId", o.carrier_service_id AS "carrierServiceId",
            o.requested_date AS "requestedDate", o.lifecycle, o.status,
            coalesce((SELECT json_agg(json_build_object('lineNo', l.line_no, 'deviceId', l.device_id,
                                                        'open', l.qty_ordered - l.qty_cancelled, 'allocated', l.qty_allocated) ORDER BY l.line_no)
                        FROM order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines
       FROM orders o WHERE o.id = $1 FOR UPDATE OF o`,
    [orderId],
  );
  const row = rows[0];
  if (!row) throw notFound('order', orderId);
  assertVisible(actor, row.customerId, 'order', orderId);
  const { lines, ...head } = row;
  return { head, lines };
}

/** Stock is allocated only to a confirmed order that no hold stops. */
export function assertAllocatable(head: OrderHeadForStock): void {
  if (head.lifecycle !== 'confirmed') {
    throw new DomainError('INVALID_STATE', `order ${head.number} is ${head.status}: only a confirmed order is allocated`, { details: { status: head.status } });
  }
  if (head.status === 'on_hold') {
    throw new DomainError('INVALID_STATE', `order ${head.number} is on hold: release its holds before allocating`, { details: { status: head.status } });
  }
}

export async function loadOrderLineDemand(tx: Sql, orderId: string): Promise<OrderLineDemand[]> {
  const { rows } = await tx.query<OrderLineDemand>(
    `SELECT line_no AS "lineNo", device_id AS "deviceId", qty_ordered - qty_cancelled AS open, qty_allocated AS allocated
       FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
    [orderId],
  );
  return rows;
}
