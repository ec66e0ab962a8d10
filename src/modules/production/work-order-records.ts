import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { ComponentNeed } from './issue-rules.ts';

export type WorkOrderStatus = 'planned' | 'released' | 'in_progress' | 'completed' | 'closed' | 'cancelled';

export interface WorkOrderHead {
  id: string;
  number: string;
  deviceId: string;
  deviceCode: string;
  quantity: number;
  qtyCompleted: number;
  status: WorkOrderStatus;
  dueDate: string;
  bomId: string | null;
}

/**
 * A work order (planning's table; execution moves its status and qty_completed) by id or number,
 * optionally locked. The BOM is the one it was created with, else the device's active one.
 */
export async function loadWorkOrder(tx: Sql, idOrNumber: string, opts: { forUpdate?: boolean } = {}): Promise<WorkOrderHead> {
  const { rows } = await tx.query<WorkOrderHead>(
    `SELECT w.id, w.number, w.device_id AS "deviceId", d.code AS "deviceCode", w.quantity, w.qty_completed AS "qtyCompleted", w.status,
            w.due_date AS "dueDate", coalesce(w.bom_id, (SELECT b.id FROM boms b WHERE b.device_id = w.device_id AND b.active)) AS "bomId"
       FROM work_orders w JOIN devices d ON d.id = w.device_id
      WHERE ${isUuid(idOrNumber) ? 'w.id = $1::uuid' : 'w.number = $1'}${opts.forUpdate ? ' FOR UPDATE OF w' : ''}`,
    [idOrNumber],
  );
  if (!rows[0]) throw notFound('work order', idOrNumber);
  return rows[0];
}

/** What the BOM asks of each component for the work order's quantity, and what was issued so far. */
export async function loadComponentNeeds(tx: Sql, wo: WorkOrderHead): Promise<Map<string, ComponentNeed>> {
  if (!wo.bomId) return new Map();
  const { rows } = await tx.query<ComponentNeed>(
    `SELECT l.component_device_id AS "deviceId", d.code AS "deviceCode", l.quantity_per AS "quantityPer", (l.quantity_per * $3::int)::int AS required,
            coalesce((SELECT sum(i.quantity) FROM work_order_issues i WHERE i.work_order_id = $2 AND i.component_device_id = l.component_device_id), 0)::int AS issued
       FROM bom_lines l JOIN devices d ON d.id = l.component_device_id
      WHERE l.bom_id = $1 ORDER BY l.line_no`,
    [wo.bomId, wo.id, wo.quantity],
  );
  return new Map(rows.map((r) => [r.deviceId, r]));
}

export interface WorkOrderExecution extends WorkOrderHead {
  components: ComponentNeed[];
  issues: Array<{ id: string; deviceCode: string; lotId: string; lotNumber: string; binId: string; quantity: number; issuedBy: string; issuedAt: string }>;
  outputs: Array<{ id: string; lotId: string; lotNumber: string; expiresOn: string; lotStatus: string; quantity: number; receiptId: string; cappedByLotId: string | null; reportedAt: string }>;
}

export async function getWorkOrderExecution(tx: Sql, idOrNumber: string): Promise<WorkOrderExecution> {
  const wo = await loadWorkOrder(tx, idOrNumber);
  const [needs, issues, outputs] = await Promise.all([
    loadComponentNeeds(tx, wo),
    tx.query<WorkOrderExecution['issues'][number]>(
      `SELECT i.id, d.code AS "deviceCode", i.lot_id AS "lotId", l.lot_number AS "lotNumber", i.bin_id AS "binId", i.quantity,
              i.issued_by AS "issuedBy", i.issued_at AS "issuedAt"
         FROM work_order_issues i JOIN lots l ON l.id = i.lot_id JOIN devices d ON d.id = i.component_device_id
        WHERE i.work_order_id = $1 ORDER BY i.issued_at, i.id`, [wo.id]),
    tx.query<WorkOrderExecution['outputs'][number]>(
      `SELECT o.id, o.lot_id AS "lotId", l.lot_number AS "lotNumber", l.expires_on AS "expiresOn", l.status AS "lotStatus", o.quantity,
              o.receipt_id AS "receiptId", o.capped_by_lot_id AS "cappedByLotId", o.reported_at AS "reportedAt"
         FROM work_order_outputs o JOIN lots l ON l.id = o.lot_id WHERE o.work_order_id = $1 ORDER BY o.reported_at, o.id`, [wo.id]),
  ]);
  return { ...wo, components: [...needs.values()], issues: issues.rows, outputs: outputs.rows };
}
