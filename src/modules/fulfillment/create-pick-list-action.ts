import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { isDomainError } from '../../platform/errors.ts';
import { createPickList } from './create-pick-list.ts';

/** The event a trigger fired on, as far as this action reads it. */
interface FiredEvent {
  entityType: string | null;
  entityId: string | null;
  payload: Record<string, unknown>;
}

/**
 * The trigger action `create_pick_list`: a pick list of the open allocations of the order the
 * event names. When there is nothing to list (the allocations are already on an open list — an
 * event delivered again — or the order is on hold or cancelled meanwhile) it does nothing:
 * retrying cannot change that. Anything else throws, and the outbox retries.
 */
export async function runCreatePickListAction(db: Database, source: FiredEvent): Promise<void> {
  const orderId = source.entityType === 'order' && source.entityId ? source.entityId
    : typeof source.payload.orderId === 'string' ? source.payload.orderId : null;
  if (orderId === null) return;
  try {
    await createPickList(db, systemActor('triggers'), { orderIds: [orderId] });
  } catch (e) {
    if (isDomainError(e) && (e.code === 'INVALID_STATE' || e.code === 'NOT_FOUND')) return;
    throw e;
  }
}
