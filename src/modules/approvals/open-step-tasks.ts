import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { scheduleEscalation } from './schedule-escalation.ts';
import type { PlannedStep } from './workflow-types.ts';

export interface StepContext {
  requestId: string;
  orderId: string;
  number: string;
  holdId: string;
  holdType: string;
}

/**
 * Opens one task per role of a step, all decidable at once, with their escalation time; each
 * new task is an `approval.task_opened` event (the notifications module tells the role).
 */
export async function openStepTasks(w: Work, ctx: StepContext, step: PlannedStep): Promise<string[]> {
  const tasks = step.roles.map((role) => ({ id: uuidv7(), role }));
  await w.tx.query(
    `INSERT INTO approval_tasks (id, request_id, step_no, role, roles, escalation, escalate_at)
     SELECT t.id, $2, $3, t.role, ARRAY[t.role], $4::jsonb,
            CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(hours => $5::int) END
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, role text)`,
    [JSON.stringify(tasks), ctx.requestId, step.stepNo, step.escalation ? JSON.stringify(step.escalation) : null, step.escalation?.afterHours ?? null],
  );
  if (step.escalation) await scheduleEscalation(w.tx, ctx.requestId, step.stepNo, step.escalation.afterHours);
  w.audit({ entityType: 'approval_request', entityId: ctx.requestId, action: 'step_opened',
    changes: { stepNo: { new: step.stepNo }, roles: { new: step.roles }, tasks: { new: tasks.map((t) => t.id) } } });
  for (const t of tasks) {
    w.emit({ topic: 'approval.task_opened', entityType: 'approval_task', entityId: t.id, payload: {
      approvalId: ctx.requestId, orderId: ctx.orderId, number: ctx.number, holdId: ctx.holdId, holdType: ctx.holdType,
      stepNo: step.stepNo, roles: [t.role],
    } });
  }
  return tasks.map((t) => t.id);
}
