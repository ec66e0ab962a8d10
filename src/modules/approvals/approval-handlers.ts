import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { escalateOverdueApprovals } from './escalate-overdue-approvals.ts';
import { reopenApprovalsForVersion, withdrawApprovals } from './follow-order.ts';
import { ESCALATION_DUE } from './schedule-escalation.ts';

/** The escalation timer falls due: escalate whatever is overdue by then (idempotent). */
export const approvalEscalationHandler: EventHandler = {
  name: 'approvals.escalate',
  topics: [ESCALATION_DUE],
  async handle(event, db) {
    const due = typeof event.payload.dueAt === 'string' ? new Date(event.payload.dueAt) : new Date(0);
    // The event is only claimed once the database clock passed dueAt; this clock may lag a little.
    await escalateOverdueApprovals(db, new Date(Math.max(Date.now(), due.getTime())));
  },
};

/** Keeps approval requests in step with their order: holds released elsewhere, cancellations, amendments. */
export const approvalOrderFollowHandler: EventHandler = {
  name: 'approvals.follow_order',
  topics: ['order.hold_released', 'order.cancelled', 'order.version_created'],
  async handle(event, db) {
    if (event.entityType !== 'order' || !event.entityId) return;
    if (event.topic === 'order.hold_released' && typeof event.payload.holdId === 'string') {
      await withdrawApprovals(db, event.entityId, event.payload.holdId, 'the hold was released outside the approval');
    } else if (event.topic === 'order.cancelled') {
      await withdrawApprovals(db, event.entityId, null, 'the order was cancelled');
    } else if (event.topic === 'order.version_created') {
      await reopenApprovalsForVersion(db, event.entityId);
    }
  },
};

export const approvalHandlers: readonly EventHandler[] = [approvalEscalationHandler, approvalOrderFollowHandler];
