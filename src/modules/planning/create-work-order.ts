import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { createWorkOrders, type CreatedWorkOrder } from './create-work-orders.ts';
import { assertMadeDevice, loadDeviceBasics } from './device-checks.ts';
import type { WorkOrderInput } from './planning-schemas.ts';

/** A work order entered by hand (not from a planned order): status planned, operations from the routing. */
export async function createWorkOrder(db: Database, actor: Actor, input: WorkOrderInput, requestId: string | null = null): Promise<CreatedWorkOrder> {
  return writeTx(db, { actor, requestId }, async (w) => {
    assertMadeDevice(await loadDeviceBasics(w.tx, [input.deviceId]), input.deviceId, 'deviceId');
    const [wo] = await createWorkOrders(w.tx, [{ deviceId: input.deviceId, quantity: input.quantity, dueDate: input.dueDate, priority: input.priority ?? 3, notes: input.notes ?? null }], actor.name, localToday().slice(0, 4));
    w.audit({ entityType: 'work_order', entityId: wo!.id, action: 'created', changes: { number: { new: wo!.number }, deviceId: { new: input.deviceId }, quantity: { new: input.quantity }, dueDate: { new: input.dueDate } } });
    w.emit({ topic: 'work_order.created', entityType: 'work_order', entityId: wo!.id, payload: { number: wo!.number, deviceId: input.deviceId, quantity: input.quantity, dueDate: input.dueDate } });
    return wo!;
  });
}
