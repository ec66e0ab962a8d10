import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Peg } from './planning-types.ts';

export interface NewWorkOrder {
  deviceId: string;
  quantity: number;
  dueDate: string;
  priority: number;
  plannedOrderId?: string | null;
  pegging?: readonly Peg[];
  notes?: string | null;
}

export interface CreatedWorkOrder {
  id: string;
  number: string;
  deviceId: string;
  quantity: number;
  dueDate: string;
}

/**
 * Creates work orders set-based: numbers WO-<year>-000001 from one sequence, the device's active
 * BOM and routing referenced, and the routing copied onto each order as its operations with the
 * minutes for its quantity (set-up + run per unit × quantity, rounded up to whole minutes).
 */
export async function createWorkOrders(tx: Sql, orders: readonly NewWorkOrder[], actor: string, year: string): Promise<CreatedWorkOrder[]> {
  if (orders.length === 0) return [];
  const rows = orders.map((o) => ({
    id: uuidv7(), device: o.deviceId, qty: o.quantity, due: o.dueDate, priority: o.priority, planned: o.plannedOrderId ?? null,
    pegging: o.pegging ?? [], notes: o.notes ?? null,
  }));
  const { rows: created } = await tx.query<CreatedWorkOrder>(
    `INSERT INTO work_orders (id, number, device_id, quantity, due_date, priority, planned_order_id, bom_id, routing_id, pegging, notes, created_by)
     SELECT r.id, 'WO-' || $2 || '-' || lpad(nextval('work_order_number_seq')::text, 6, '0'), r.device, r.qty, r.due, r.priority, r.planned,
            (SELECT b.id FROM boms b WHERE b.device_id = r.device AND b.active),
            (SELECT t.id FROM routings t WHERE t.device_id = r.device AND t.active), r.pegging, r.notes, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, device uuid, qty int, due date, priority int, planned uuid, pegging jsonb, notes text)
     RETURNING id, number, device_id AS "deviceId", quantity, due_date AS "dueDate"`,
    [JSON.stringify(rows), year, actor],
  );
  await tx.query(
    `INSERT INTO work_order_operations (work_order_id, seq, work_centre_id, description, minutes)
     SELECT w.id, o.seq, o.work_centre_id, o.description, o.setup_minutes + ceil(o.run_minutes_per_unit * w.quantity)::int
       FROM work_orders w JOIN routing_operations o ON o.routing_id = w.routing_id
      WHERE w.id = ANY($1::uuid[])`,
    [rows.map((r) => r.id)],
  );
  return created.sort((a, b) => a.number.localeCompare(b.number));
}
