import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { nothingToWrite, writeIfNeeded } from '../notifications/write-if-needed.ts';
import type { Escalation } from './workflow-types.ts';

export interface EscalatedTask {
  taskId: string;
  approvalId: string;
  orderId: string;
  number: string;
  holdType: string;
  role: string;
  escalation: Escalation;
  roles: string[];
}

/**
 * Escalates every pending task unanswered past its escalation time: in add_approver mode the
 * escalation role may decide it from now on; either way that role is told. Rows are claimed
 * with FOR UPDATE SKIP LOCKED and marked escalated, so any number of workers (or a cron running
 * `lotline approvals escalate`) can run this at once and each task escalates once.
 */
export async function escalateOverdueApprovals(db: Database, now: Date = new Date()): Promise<{ escalated: EscalatedTask[] }> {
  const escalated = await writeIfNeeded(db, { actor: systemActor('approval-escalation') }, async (w) => {
    const { rows } = await w.tx.query<EscalatedTask>(
      `WITH due AS (
         SELECT t.id FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id AND r.status = 'open'
          WHERE t.status = 'pending' AND t.escalated_at IS NULL AND t.escalate_at <= $1
          ORDER BY t.escalate_at LIMIT 500
          FOR UPDATE OF t SKIP LOCKED)
       UPDATE approval_tasks t
          SET escalated_at = now(),
              roles = CASE WHEN t.escalation->>'mode' = 'add_approver' AND NOT t.roles @> ARRAY[t.escalation->>'role']
                           THEN t.roles || (t.escalation->>'role') ELSE t.roles END
         FROM due, approval_requests r, orders o
        WHERE t.id = due.id AND r.id = t.request_id AND o.id = r.order_id
       RETURNING t.id AS "taskId", r.id AS "approvalId", r.order_id AS "orderId", o.number, r.hold_type AS "holdType",
                 t.role, t.escalation, t.roles`,
      [now]);
    if (rows.length === 0) nothingToWrite();
    for (const t of rows) {
      w.audit({ entityType: 'approval_task', entityId: t.taskId, action: 'escalated',
        changes: { escalatedTo: { new: t.escalation.role }, mode: { new: t.escalation.mode }, roles: { new: t.roles } } });
      w.emit({ topic: 'approval.escalated', entityType: 'approval_task', entityId: t.taskId, payload: {
        approvalId: t.approvalId, orderId: t.orderId, number: t.number, holdType: t.holdType, role: t.role,
        roles: [t.escalation.role], mode: t.escalation.mode, afterHours: t.escalation.afterHours,
      } });
    }
    return rows;
  });
  return { escalated: escalated ?? [] };
}
