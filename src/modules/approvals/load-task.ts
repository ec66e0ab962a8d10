import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { localToday } from '../orders/business-day.ts';
import { activeDelegators } from './delegation-queries.ts';
import { signingCapacity, type Capacity } from './signing-capacity.ts';
import type { PlannedStep } from './workflow-types.ts';

export interface TaskForDecision {
  id: string;
  stepNo: number;
  roles: string[];
  status: string;
  request: {
    id: string; orderId: string; orderVersion: number; number: string; holdId: string; holdType: string; holdOpen: boolean;
    status: string; currentStep: number; plan: PlannedStep[];
  };
}

/** Loads a task and its request (locked for a decision when `lock`), and checks the actor may decide it now. */
export async function loadTaskForDecision(tx: Sql, actor: Actor, taskId: string, now: Date, lock: boolean): Promise<TaskForDecision & { capacity: Capacity }> {
  const forUpdate = lock ? 'FOR UPDATE OF r, t' : '';
  const { rows } = await tx.query<TaskForDecision['request'] & { taskStatus: string; stepNo: number; roles: string[]; signedBefore: boolean; version: number; customerId: string }>(
    `SELECT r.id, o.version, o.customer_id AS "customerId", r.order_id AS "orderId", r.order_version AS "orderVersion", o.number, r.hold_id AS "holdId", r.hold_type AS "holdType",
            h.status = 'open' AS "holdOpen", r.status, r.current_step AS "currentStep", r.plan,
            t.status AS "taskStatus", t.step_no AS "stepNo", t.roles,
            EXISTS (SELECT 1 FROM approval_signatures s WHERE s.request_id = r.id AND s.signer_id = $2) AS "signedBefore"
       FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id
       JOIN orders o ON o.id = r.order_id JOIN order_holds h ON h.id = r.hold_id
      WHERE t.id = $1 ${forUpdate}`,
    [taskId, actor.userId]);
  const row = rows[0];
  if (!row) throw notFound('approval task', taskId);
  // The order's approval is decided only by someone who may see the order (a territory).
  assertVisible(actor, row.customerId, 'approval task', taskId);
  const capacity = signingCapacity(actor.roles, row.roles, actor.userId ? await activeDelegators(tx, actor.userId, localToday(now)) : []);
  if (!capacity) throw new DomainError('FORBIDDEN', `this task is decided by: ${row.roles.join(', ')}`, { details: { roles: row.roles } });
  const refuse = (why: string) => new DomainError('INVALID_STATE', `cannot decide: ${why}`);
  if (row.taskStatus !== 'pending') throw refuse(`the task is ${row.taskStatus}`);
  if (row.status !== 'open') throw refuse(`the approval is ${row.status}`);
  if (!row.holdOpen) throw refuse('the hold is no longer open');
  if (row.version !== row.orderVersion) throw refuse('the order was amended since; its approval is asked again');
  if (row.stepNo !== row.currentStep) throw refuse(`step ${row.currentStep} comes first`);
  // Each approval of a request is a different person's (segregation of duties).
  if (row.signedBefore) throw new DomainError('FORBIDDEN', 'you already signed this approval; another person signs this step');
  const { taskStatus, stepNo, roles, signedBefore: _s, version: _v, customerId: _c, ...request } = row;
  return { id: taskId, stepNo, roles, status: taskStatus, request, capacity };
}
