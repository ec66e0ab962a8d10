import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { readTx, writeTx, type Work } from '../../platform/unit-of-work.ts';
import { checkSigner, markSessionSigned, type SignerCredentials } from './check-signer.ts';
import { closeRequest } from './close-request.ts';
import { loadTaskForDecision, type TaskForDecision } from './load-task.ts';
import { openStepTasks } from './open-step-tasks.ts';
import { recordSignature, type RecordedSignature } from './record-signature.ts';
import { releaseApprovedHold } from './release-approved-hold.ts';
import { assertDecisionFits } from './signature-binding.ts';
import type { Decision, SignatureMeaning } from './workflow-types.ts';

export interface DecisionInput extends SignerCredentials {
  decision: Decision;
  meaning: SignatureMeaning;
  comment?: string | undefined;
}

export interface DecisionResult {
  approvalId: string;
  taskId: string;
  decision: Decision;
  approvalStatus: string;
  currentStep: number;
  order: { id: string; number: string; status: string | null; events: string[] };
  signature: RecordedSignature;
}

/**
 * Decides an approval task with an electronic signature. The password is checked before any
 * lock is taken; the task is re-checked under lock; then, in one transaction: the task's
 * decision, the request's progress (next step, rejection, or approval releasing the hold and
 * confirming the order), and the signature with its audit record.
 */
export async function decideTask(
  db: Database, actor: Actor, taskId: string, input: DecisionInput, ctx: { sessionToken: string | null; requestId: string | null; now?: Date },
): Promise<DecisionResult> {
  assertDecisionFits(input);
  const now = ctx.now ?? new Date();
  await readTx(db, (tx) => loadTaskForDecision(tx, actor, taskId, now, false));
  const signer = await checkSigner(db, actor, ctx.sessionToken, input, { taskId, requestId: ctx.requestId });
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const task = await loadTaskForDecision(w.tx, actor, taskId, now, true);
    const onBehalfOf = task.capacity.onBehalfOf;
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await w.tx.query(
      `UPDATE approval_tasks SET status = $2, decided_by = $3, decided_by_name = $4, on_behalf_of = $5, decided_at = $6, comment = $7 WHERE id = $1`,
      [taskId, status, signer.userId, actor.name, onBehalfOf?.userId ?? null, now, input.comment ?? null]);
    w.audit({ entityType: 'approval_task', entityId: taskId, action: status, reason: input.comment ?? null,
      changes: { status: { old: 'pending', new: status }, ...(onBehalfOf ? { onBehalfOf: { new: onBehalfOf.name } } : {}) } });
    const outcome = await advance(w, task, input);
    const signature = await recordSignature(w, {
      signatureId: uuidv7(), approvalId: task.request.id, taskId, orderId: task.request.orderId, orderVersion: task.request.orderVersion,
      holdId: task.request.holdId, decision: input.decision, meaning: input.meaning, signerId: signer.userId, signerName: actor.name,
      onBehalfOf: onBehalfOf?.userId ?? null, signedAt: now.toISOString(),
    }, input.comment ?? null);
    await markSessionSigned(w.tx, signer);
    return {
      approvalId: task.request.id, taskId, decision: input.decision, approvalStatus: outcome.approvalStatus, currentStep: outcome.currentStep,
      order: { id: task.request.orderId, number: task.request.number, status: outcome.orderStatus, events: outcome.events }, signature,
    };
  });
}

/** What the decision does to the request: reject it, open the next step, or approve and release the hold. */
async function advance(w: Work, task: TaskForDecision, input: DecisionInput) {
  const req = task.request;
  const ref = { id: req.id, orderId: req.orderId, number: req.number, holdId: req.holdId, holdType: req.holdType };
  if (input.decision === 'reject') {
    await closeRequest(w, ref, 'rejected', input.comment ?? null);
    return { approvalStatus: 'rejected', currentStep: req.currentStep, orderStatus: null, events: [] };
  }
  const { rows } = await w.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM approval_tasks WHERE request_id = $1 AND step_no = $2 AND status = 'pending'`, [req.id, req.currentStep]);
  if (rows[0]!.n > 0) return { approvalStatus: 'open', currentStep: req.currentStep, orderStatus: null, events: [] };
  const next = req.plan.find((s) => s.stepNo === req.currentStep + 1);
  if (next) {
    await w.tx.query('UPDATE approval_requests SET current_step = $2 WHERE id = $1', [req.id, next.stepNo]);
    await openStepTasks(w, { requestId: req.id, orderId: req.orderId, number: req.number, holdId: req.holdId, holdType: req.holdType }, next);
    return { approvalStatus: 'open', currentStep: next.stepNo, orderStatus: null, events: [] };
  }
  await closeRequest(w, ref, 'approved', input.comment ?? null);
  const released = await releaseApprovedHold(w, req.orderId, req.holdId, input.comment?.trim() || `approved by electronic signature (approval ${req.id})`);
  return { approvalStatus: 'approved', currentStep: req.currentStep, orderStatus: released.status, events: released.events };
}
