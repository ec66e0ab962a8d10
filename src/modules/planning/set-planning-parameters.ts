import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { loadDeviceBasics } from './device-checks.ts';
import type { PlanningParameterInput } from './planning-schemas.ts';

export type PlanningParameters = {
  deviceId: string;
  safetyStock: number;
  minOrderQty: number;
  orderMultiple: number;
  leadTimeDays: number | null;
  inspectionDays: number;
};

const COLUMNS = `device_id AS "deviceId", safety_stock AS "safetyStock", min_order_qty AS "minOrderQty", order_multiple AS "orderMultiple",
                 lead_time_days AS "leadTimeDays", inspection_days AS "inspectionDays"`;

/** Sets a device's planning parameters; fields left out keep their value (or the default). */
export async function setPlanningParameters(db: Database, actor: Actor, deviceId: string, input: PlanningParameterInput, requestId: string | null = null): Promise<PlanningParameters> {
  return writeTx(db, { actor, requestId }, async (w) => {
    if (!(await loadDeviceBasics(w.tx, [deviceId])).has(deviceId)) throw notFound('device', deviceId);
    const before = await w.tx.query<PlanningParameters>(`SELECT ${COLUMNS} FROM planning_parameters WHERE device_id = $1 FOR UPDATE`, [deviceId]);
    const old = before.rows[0] ?? { deviceId, safetyStock: 0, minOrderQty: 0, orderMultiple: 1, leadTimeDays: null, inspectionDays: 0 };
    const next: PlanningParameters = {
      deviceId,
      safetyStock: input.safetyStock ?? old.safetyStock,
      minOrderQty: input.minOrderQty ?? old.minOrderQty,
      orderMultiple: input.orderMultiple ?? old.orderMultiple,
      leadTimeDays: input.leadTimeDays === undefined ? old.leadTimeDays : input.leadTimeDays,
      inspectionDays: input.inspectionDays ?? old.inspectionDays,
    };
    await w.tx.query(
      `INSERT INTO planning_parameters (device_id, safety_stock, min_order_qty, order_multiple, lead_time_days, inspection_days, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (device_id) DO UPDATE SET safety_stock = excluded.safety_stock, min_order_qty = excluded.min_order_qty,
         order_multiple = excluded.order_multiple, lead_time_days = excluded.lead_time_days, inspection_days = excluded.inspection_days,
         updated_by = excluded.updated_by, updated_at = now(), version = planning_parameters.version + 1`,
      [deviceId, next.safetyStock, next.minOrderQty, next.orderMultiple, next.leadTimeDays, next.inspectionDays, actor.name],
    );
    w.audit({ entityType: 'planning_parameters', entityId: deviceId, action: before.rows.length ? 'updated' : 'created', changes: diffFields(old, next) });
    w.emit({ topic: 'planning.parameters_changed', entityType: 'device', entityId: deviceId, payload: {} });
    return next;
  });
}
