import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { HoldType } from '../rules/rule-types.ts';
import { loadActiveWorkflow } from './load-active-workflow.ts';
import { loadOrderSummary } from './order-summary.ts';
import { openStepTasks } from './open-step-tasks.ts';
import { planApproval } from './plan-approval.ts';

export interface PlacedHold {
  orderId: string;
  holdId: string;
  holdType: HoldType;
  origin: Record<string, unknown>;
}

/**
 * Opens the approval request of a hold just placed, in the transaction that placed it: the
 * active workflow of its type is planned for this hold and order total, and the first step's
 * tasks are created. Called by the order shell for every `order.hold_placed`, and again for a
 * new round when an amended order still has the hold.
 */
export async function openApproval(w: Work, hold: PlacedHold): Promise<{ approvalId: string }> {
  const order = await loadOrderSummary(w.tx, hold.orderId);
  const workflow = await loadActiveWorkflow(w.tx, hold.holdType);
  const roles = Array.isArray(hold.origin.approvalRoles) ? (hold.origin.approvalRoles as string[]) : [];
  const plan = planApproval(workflow.steps, { approvalRoles: roles, orderTotalMinor: order.totalMinor, currency: order.currency });
  const id = uuidv7();
  const { rows } = await w.tx.query<{ round: number }>(
    `INSERT INTO approval_requests (id, order_id, order_version, hold_id, hold_type, round, workflow_id, workflow_version, plan,
       order_total_minor, currency, opened_by)
     SELECT $1, $2, $3, $4, $5, coalesce(max(round), 0) + 1, $6, $7, $8, $9, $10, $11 FROM approval_requests WHERE hold_id = $4
     RETURNING round`,
    [id, order.id, order.version, hold.holdId, hold.holdType, workflow.id, workflow.version, JSON.stringify(plan),
      order.totalMinor, order.currency, w.actor.name],
  );
  w.audit({ entityType: 'approval_request', entityId: id, action: 'opened', changes: {
    orderId: { new: order.id }, orderVersion: { new: order.version }, holdId: { new: hold.holdId }, holdType: { new: hold.holdType },
    round: { new: rows[0]!.round }, workflow: { new: { id: workflow.id, version: workflow.version } }, plan: { new: plan },
  } });
  w.emit({ topic: 'approval.opened', entityType: 'approval_request', entityId: id,
    payload: { orderId: order.id, number: order.number, holdId: hold.holdId, holdType: hold.holdType, steps: plan.length } });
  await openStepTasks(w, { requestId: id, orderId: order.id, number: order.number, holdId: hold.holdId, holdType: hold.holdType }, plan[0]!);
  return { approvalId: id };
}
