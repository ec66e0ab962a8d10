import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { lockPickList } from './load-scan-facts.ts';

/**
 * Cancels a pick list nothing has been scanned on yet: its allocations stay with the orders and
 * may go on a new list. Once a unit is scanned the list is finished by picking (or the units are
 * packed and shipped), never cancelled with units bound to it.
 */
export async function cancelPickList(db: Database, actor: Actor, id: string, input: { reason: string }, requestId: string | null = null): Promise<{ id: string; number: string; status: 'cancelled' }> {
  if (!isUuid(id)) throw notFound('pick list', id);
  return writeTx(db, { actor, requestId }, async (w) => {
    const list = await lockPickList(w.tx, w.actor, id);
    if (!list) throw notFound('pick list', id);
    if (list.status !== 'open') {
      throw new DomainError('INVALID_STATE', `pick list ${list.number} is ${list.status}: only a list nothing was scanned on is cancelled`, { details: { status: list.status } });
    }
    await w.tx.query(`UPDATE pick_lists SET status = 'cancelled', completed_at = now() WHERE id = $1`, [id]);
    w.audit({ entityType: 'pick_list', entityId: id, action: 'cancelled', reason: input.reason, changes: { status: { old: list.status, new: 'cancelled' } } });
    w.emit({ topic: 'pick_list.cancelled', entityType: 'pick_list', entityId: id, payload: { number: list.number } });
    return { id, number: list.number, status: 'cancelled' };
  });
}
