import type { Work } from '../../platform/unit-of-work.ts';
import { loadOrderState, type OrderHead } from './load-order-state.ts';
import type { OrderState } from './order-machine.ts';
import { deriveOrderStatus } from './order-status.ts';

/** The header status an order's state gives. */
export const statusOf = (state: OrderState): string =>
  deriveOrderStatus({ lifecycle: state.lifecycle, openHolds: state.holds.filter((h) => h.open).length, lines: state.lines });

/** Audits and announces a header status change (when it is one) that the caller has stored. */
export function announceStatus(w: Work, head: Pick<OrderHead, 'id' | 'number' | 'status'>, status: string): void {
  if (status === head.status) return;
  w.audit({ entityType: 'order', entityId: head.id, action: 'status', changes: { status: { old: head.status, new: status } } });
  w.emit({ topic: 'order.status_changed', entityType: 'order', entityId: head.id, payload: { number: head.number, from: head.status, to: status } });
}

/**
 * Re-derives and stores an order's header status after another module changed its line
 * quantities (inventory allocating or releasing, fulfilment picking): audited and announced like
 * a status change by a command. Locks the order (`locked`: the caller already holds the lock).
 * Returns the status.
 */
export async function refreshOrderStatus(w: Work, orderId: string, o: { locked?: boolean } = {}): Promise<string> {
  const { head, state } = await loadOrderState(w.tx, w.actor, orderId, o);
  const status = statusOf(state);
  if (status !== head.status) {
    await w.tx.query('UPDATE orders SET status = $2, updated_at = now(), updated_by = $3 WHERE id = $1', [orderId, status, w.actor.name]);
    announceStatus(w, head, status);
  }
  return status;
}
