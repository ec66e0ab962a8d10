import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { createWorkOrders, type CreatedWorkOrder } from './create-work-orders.ts';
import type { FirmInput } from './planning-schemas.ts';
import type { Peg } from './planning-types.ts';

interface PlannedRow {
  id: string;
  kind: 'make' | 'buy';
  deviceId: string;
  quantity: number;
  dueDate: string;
  status: string;
  priority: number;
  pegging: Peg[];
}

/**
 * Firms a planned make order into a work order (quantity and due date as planned unless the
 * planner changes them). A buy suggestion is firmed by purchasing, as a requisition.
 */
export async function firmPlannedOrder(db: Database, actor: Actor, id: string, input: FirmInput, requestId: string | null = null): Promise<{ plannedOrderId: string; workOrder: CreatedWorkOrder }> {
  if (!isUuid(id)) throw notFound('planned order', id);
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<PlannedRow>(
      `SELECT id, kind, device_id AS "deviceId", quantity, due_date AS "dueDate", status, priority, pegging
         FROM planned_orders WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const po = rows[0];
    if (!po) throw notFound('planned order', id);
    if (po.kind !== 'make') throw new DomainError('INVALID_STATE', 'a planned buy order is firmed by purchasing as a requisition, not as a work order', { field: 'kind' });
    if (po.status !== 'planned') throw new DomainError('INVALID_STATE', `the planned order is ${po.status}`, { details: { status: po.status } });
    const quantity = input.quantity ?? po.quantity;
    const dueDate = input.dueDate ?? po.dueDate;
    const [wo] = await createWorkOrders(w.tx, [{ deviceId: po.deviceId, quantity, dueDate, priority: po.priority, plannedOrderId: po.id, pegging: po.pegging }], actor.name, localToday().slice(0, 4));
    await w.tx.query(`UPDATE planned_orders SET status = 'firmed', firmed_by = $2, firmed_at = now() WHERE id = $1`, [id, actor.name]);
    w.audit({ entityType: 'planned_order', entityId: id, action: 'firmed', changes: { status: { old: 'planned', new: 'firmed' }, workOrder: { new: wo!.number } } });
    w.audit({ entityType: 'work_order', entityId: wo!.id, action: 'created', changes: { number: { new: wo!.number }, deviceId: { new: po.deviceId }, quantity: { new: quantity }, dueDate: { new: dueDate }, plannedOrderId: { new: id } } });
    w.emit({ topic: 'planned_order.firmed', entityType: 'planned_order', entityId: id, payload: { workOrderId: wo!.id } });
    w.emit({ topic: 'work_order.created', entityType: 'work_order', entityId: wo!.id, payload: { number: wo!.number, deviceId: po.deviceId, quantity, dueDate } });
    return { plannedOrderId: id, workOrder: wo! };
  });
}
