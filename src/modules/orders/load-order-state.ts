import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { OrderState } from './order-machine.ts';
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

const HEAD = `o.id, o.number, o.version, o.customer_id AS "customerId", o.channel, o.lifecycle, o.status`;

/** Holds and lines as json of the order row `o`, in the order the state machine expects them. */
const STATE = `
  coalesce((SELECT json_agg(json_build_object('id', h.id, 'type', h.hold_type, 'open', h.status = 'open') ORDER BY h.placed_at)
              FROM order_holds h WHERE h.order_id = o.id), '[]'::json) AS holds,
  coalesce((SELECT json_agg(json_build_object('lineNo', l.line_no, 'ordered', l.qty_ordered, 'cancelled', l.qty_cancelled,
              'allocated', l.qty_allocated, 'picked', l.qty_picked, 'packed', l.qty_packed, 'shipped', l.qty_shipped,
              'delivered', l.qty_delivered, 'invoiced', l.qty_invoiced, 'returned', l.qty_returned) ORDER BY l.line_no)
              FROM order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines`;

type StateRow = OrderHead & { holds: OrderState['holds']; lines: OrderState['lines'] };

/**
 * Locks the order and loads what the state machine decides on. A hidden order is not found.
 * The lock is its own statement so that the read after it sees whatever the transaction it
 * waited for committed (one statement would read holds and lines from its older snapshot).
 * With `locked`, the caller already holds the order's row lock (or inserted it in this
 * transaction): head, holds and lines are then read in one statement.
 */
export async function loadOrderState(tx: Sql, actor: Actor, orderId: string, o: { locked?: boolean } = {}): Promise<{ head: OrderHead; state: OrderState }> {
  if (!o.locked) {
    const { rows } = await tx.query<{ customerId: string }>(`SELECT customer_id AS "customerId" FROM orders WHERE id = $1 FOR UPDATE`, [orderId]);
    if (!rows[0]) throw notFound('order', orderId);
    assertVisible(actor, rows[0].customerId, 'order', orderId);
  }
  const { rows } = await tx.query<StateRow>(`SELECT ${HEAD}, ${STATE} FROM orders o WHERE o.id = $1`, [orderId]);
  const row = rows[0];
  if (!row) throw notFound('order', orderId);
  const { holds, lines, ...head } = row;
  assertVisible(actor, head.customerId, 'order', orderId);
  return { head, state: { lifecycle: head.lifecycle, holds, lines } };
}
