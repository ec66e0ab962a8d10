import type { Sql } from '../../db/types.ts';

/** The latest completed run: its summary, its planned orders (pegging included) and exception messages. */
export async function getLatestPlan(tx: Sql, q: { kind?: 'make' | 'buy' | undefined }) {
  const { rows: runs } = await tx.query<{ id: string; summary: Record<string, unknown>; finishedAt: Date }>(
    `SELECT id, summary, finished_at AS "finishedAt" FROM planning_runs WHERE status = 'completed' ORDER BY finished_at DESC, id DESC LIMIT 1`,
  );
  const run = runs[0];
  if (!run) return { run: null, plannedOrders: [], exceptions: [] };
  const [orders, exceptions] = await Promise.all([
    tx.query(
      `SELECT p.id, p.kind, p.device_id AS "deviceId", d.code AS "deviceCode", p.quantity, p.start_date::text AS "startDate", p.due_date::text AS "dueDate",
              p.status, p.priority, p.pegging
         FROM planned_orders p JOIN devices d ON d.id = p.device_id WHERE p.run_id = $1 AND ($2::text IS NULL OR p.kind = $2) ORDER BY p.due_date, d.code`,
      [run.id, q.kind ?? null],
    ),
    tx.query(
      `SELECT e.kind, e.device_id AS "deviceId", d.code AS "deviceCode", e.ref_type AS "refType", e.ref_id AS "refId",
              e.message_en AS "messageEn", e.message_zh AS "messageZh", e.details
         FROM planning_exceptions e LEFT JOIN devices d ON d.id = e.device_id WHERE e.run_id = $1 ORDER BY e.kind, d.code`,
      [run.id],
    ),
  ]);
  return { run, plannedOrders: orders.rows, exceptions: exceptions.rows };
}

/** A work order with its operations and their scheduled times. */
export async function getWorkOrder(tx: Sql, id: string) {
  const { rows } = await tx.query(
    `SELECT w.id, w.number, w.device_id AS "deviceId", w.quantity, w.qty_completed AS "qtyCompleted", w.status, w.due_date::text AS "dueDate",
            w.scheduled_start AS "scheduledStart", w.scheduled_end AS "scheduledEnd", w.priority, w.planned_order_id AS "plannedOrderId", w.pegging,
            coalesce((SELECT json_agg(json_build_object('seq', o.seq, 'workCentreId', o.work_centre_id, 'minutes', o.minutes,
                        'scheduledStart', o.scheduled_start, 'scheduledEnd', o.scheduled_end) ORDER BY o.seq)
                        FROM work_order_operations o WHERE o.work_order_id = w.id), '[]'::json) AS operations
       FROM work_orders w WHERE w.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Recent planning runs, newest first: manual and order-triggered, with what each produced. */
export async function listPlanningRuns(tx: Sql, limit: number) {
  const { rows } = await tx.query(
    `SELECT id, status, trigger, requested_by AS "requestedBy", requested_at AS "requestedAt", started_at AS "startedAt",
            finished_at AS "finishedAt", summary, error
       FROM planning_runs ORDER BY requested_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
