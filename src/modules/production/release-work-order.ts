import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { getWorkOrderExecution, loadWorkOrder, type WorkOrderExecution } from './work-order-records.ts';

/** Releases a planned work order to the shop floor: from now on components may be issued to it. */
export function releaseWorkOrder(db: Database, actor: Actor, idOrNumber: string, requestId: string | null): Promise<WorkOrderExecution> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const wo = await loadWorkOrder(w.tx, idOrNumber, { forUpdate: true });
    if (wo.status !== 'planned') {
      throw new DomainError('INVALID_STATE', `work order ${wo.number} is ${wo.status}: only a planned work order can be released`, { details: { status: wo.status } });
    }
    await w.tx.query(`UPDATE work_orders SET status = 'released', version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1`, [wo.id, actor.name]);
    w.audit({ entityType: 'work_order', entityId: wo.id, action: 'released', changes: { status: { old: wo.status, new: 'released' } } });
    w.emit({ topic: 'work_order.released', entityType: 'work_order', entityId: wo.id, payload: { number: wo.number, deviceId: wo.deviceId, quantity: wo.quantity } });
    return getWorkOrderExecution(w.tx, wo.id);
  });
}
