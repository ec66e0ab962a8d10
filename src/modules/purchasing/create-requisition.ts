import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import type { RequisitionInput } from './purchasing-schemas.ts';
import { loadRequisition, type RequisitionView } from './requisition-records.ts';

interface Need {
  deviceId: string;
  quantity: number;
  needDate: string;
  plannedOrderId: string | null;
}

/** What a planned 'buy' order of the planning run asks for; a make order or a cancelled one is refused. */
async function needOfPlannedOrder(tx: Sql, plannedOrderId: string): Promise<Need> {
  const { rows } = await tx.query<{ kind: string; status: string; deviceId: string; quantity: number; dueDate: string; superseded: boolean }>(
    `SELECT kind, status, device_id AS "deviceId", quantity, due_date AS "dueDate", superseded_by_run IS NOT NULL AS superseded
       FROM planned_orders WHERE id = $1`, [plannedOrderId]);
  const po = rows[0];
  if (!po) throw invalid('plannedOrderId', `no planned order ${plannedOrderId}`);
  if (po.kind !== 'buy') throw invalid('plannedOrderId', `planned order ${plannedOrderId} is a make order: it becomes a work order, not a purchase`);
  if (po.status === 'cancelled' || po.superseded) {
    throw new DomainError('INVALID_STATE', `planned order ${plannedOrderId} is ${po.superseded ? 'superseded by a later run' : 'cancelled'}`, { field: 'plannedOrderId' });
  }
  return { deviceId: po.deviceId, quantity: po.quantity, needDate: po.dueDate, plannedOrderId };
}

function needOfInput(input: RequisitionInput): Need {
  for (const f of ['deviceId', 'quantity', 'needDate'] as const) {
    if (input[f] === undefined) throw invalid(f, 'required unless the requisition is made from a plannedOrderId');
  }
  return { deviceId: input.deviceId!, quantity: input.quantity!, needDate: input.needDate!, plannedOrderId: null };
}

/** Opens a purchase requisition, typed in or from a planned 'buy' order (once per planned order). */
export function createRequisition(db: Database, actor: Actor, input: RequisitionInput, ctx: { today: string; requestId: string | null }): Promise<RequisitionView> {
  if (input.plannedOrderId && (input.deviceId || input.quantity || input.needDate)) {
    throw invalid('plannedOrderId', 'give either a plannedOrderId or deviceId, quantity and needDate, not both');
  }
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const need = input.plannedOrderId ? await needOfPlannedOrder(w.tx, input.plannedOrderId) : needOfInput(input);
    if (need.needDate < ctx.today && !need.plannedOrderId) throw invalid('needDate', `${need.needDate} is in the past`);
    const device = (await getDeviceFacts(w.tx, [need.deviceId])).get(need.deviceId);
    if (!device) throw invalid('deviceId', `no device ${need.deviceId}`);
    if (!device.active) throw invalid('deviceId', `device ${device.code} is inactive`);
    if (input.supplierId) {
      const s = await w.tx.query<{ kind: string }>('SELECT kind FROM parties WHERE id = $1', [input.supplierId]);
      if (s.rows[0]?.kind !== 'supplier') throw invalid('supplierId', `${input.supplierId} is not a supplier`);
    }
    if (need.plannedOrderId) {
      const dup = await w.tx.query<{ number: string }>(`SELECT number FROM purchase_requisitions WHERE planned_order_id = $1 AND status <> 'cancelled'`, [need.plannedOrderId]);
      if (dup.rows[0]) throw new DomainError('DUPLICATE', `planned order ${need.plannedOrderId} already has requisition ${dup.rows[0].number}`, { field: 'plannedOrderId' });
    }
    const id = uuidv7();
    const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('purchase_requisition_number_seq') AS n`)).rows[0]!.n;
    const number = `PR-${ctx.today.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
    await w.tx.query(
      `INSERT INTO purchase_requisitions (id, number, device_id, quantity, need_date, supplier_id, unit_price_minor, planned_order_id, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, number, need.deviceId, need.quantity, need.needDate, input.supplierId ?? null, input.unitPriceMinor ?? null, need.plannedOrderId, input.notes ?? null, actor.name],
    );
    w.audit({
      entityType: 'purchase_requisition', entityId: id, action: 'created',
      changes: { number: { new: number }, device: { new: device.code }, quantity: { new: need.quantity }, needDate: { new: need.needDate }, plannedOrderId: { new: need.plannedOrderId } },
    });
    w.emit({ topic: 'purchasing.requisition_created', entityType: 'purchase_requisition', entityId: id, payload: { number, deviceId: need.deviceId, quantity: need.quantity, plannedOrderId: need.plannedOrderId } });
    return loadRequisition(w.tx, id);
  });
}
