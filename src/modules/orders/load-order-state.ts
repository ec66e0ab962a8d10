import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { HoldType, OrderState } from './order-machine.ts';
import type { Lifecycle } from './order-status.ts';
import type { Channel } from './order-input.ts';

export interface OrderHead {
  id: string;
  number: string;
  version: number;
  customerId: string;
  channel: Channel;
  lifecycle: Lifecycle;
  status: string;
}

/** Locks the order and loads what the state machine decides on. A hidden order is not found. */
export async function loadOrderState(tx: Sql, actor: Actor, orderId: string): Promise<{ head: OrderHead; state: OrderState }> {
  const { rows } = await tx.query<OrderHead>(
    `SELECT id, number, version, customer_id AS "customerId", channel, lifecycle, status FROM orders WHERE id = $1 FOR UPDATE`,
    [orderId],
  );
  const head = rows[0];
  if (!head) throw notFound('order', orderId);
  assertVisible(actor, head.customerId, 'order', orderId);
  const [holds, lines] = await Promise.all([
    tx.query<{ id: string; type: HoldType; open: boolean }>(
      `SELECT id, hold_type AS type, status = 'open' AS open FROM order_holds WHERE order_id = $1 ORDER BY placed_at`,
      [orderId],
    ),
    tx.query<OrderState['lines'][number]>(
      `SELECT line_no AS "lineNo", qty_ordered AS ordered, qty_cancelled AS cancelled, qty_allocated AS allocated,
              qty_picked AS picked, qty_packed AS packed, qty_shipped AS shipped, qty_delivered AS delivered,
              qty_invoiced AS invoiced, qty_returned AS returned
         FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
      [orderId],
    ),
  ]);
  return { head, state: { lifecycle: head.lifecycle, holds: holds.rows, lines: lines.rows } };
}
