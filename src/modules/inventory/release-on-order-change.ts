import type { Database } from '../../db/types.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { lockOrderHead } from './order-demand.ts';
import { findSurplusAllocations, releaseSurplusAllocations, type ReleasedAllocation } from './release-allocations.ts';

/**
 * Gives back the stock an order no longer needs after it was cancelled, a line was cancelled or
 * it was amended (a new version replaces the lines): the surplus of its allocations is
 * released and the order's status refreshed. Idempotent — it releases what is surplus now, so a
 * second run finds nothing. Returns what was released.
 */
export async function releaseOrderSurplus(db: Database, actor: Actor, orderId: string, requestId: string | null = null): Promise<ReleasedAllocation[]> {
  const pending = await readTx(db, (tx) => findSurplusAllocations(tx, [orderId]));
  if (pending.length === 0) return [];
  return writeTx(db, { actor, requestId }, async (w) => {
    const head = await lockOrderHead(w.tx, w.actor, orderId);
    const released = await releaseSurplusAllocations(w.tx, [orderId]);
    const units = released.reduce((n, r) => n + r.quantity, 0);
    await refreshOrderStatus(w, orderId);
    w.audit({
      entityType: 'order', entityId: orderId, action: 'allocations_released',
      changes: { releasedUnits: { new: units }, lines: { new: [...new Set(released.map((r) => r.lineNo))] } },
    });
    w.emit({ topic: 'inventory.allocations_released', entityType: 'order', entityId: orderId, payload: { number: head.number, releasedUnits: units } });
    return released;
  });
}

/**
 * Why an outbox handler rather than a call from the cancel path: the orders module stays free of
 * inventory (inventory depends on orders, not the reverse), amendments already announce
 * `order.version_created`, and the release is retried by the outbox until it succeeds. Until the
 * worker runs, the stock stays held — never over-promised — and allocating the amended order
 * releases the old version's allocations itself first.
 */
export const releaseOnOrderChange: EventHandler = {
  name: 'inventory.release-on-order-change',
  topics: ['order.cancelled', 'order.line_cancelled', 'order.version_created'],
  async handle(event, db) {
    if (!event.entityId) return;
    await releaseOrderSurplus(db, systemActor('inventory'), event.entityId, `outbox:${event.id}`);
  },
};
