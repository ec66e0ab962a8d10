import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import type { OutboxEvent } from '../../platform/outbox/domain-event.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { approvalTaskMessage, escalationMessage, refusedSignatureMessage, ruleMessage, type Message } from './event-messages.ts';
import { notifyUsers } from './notify-users.ts';
import { resolveRecipients } from './resolve-recipients.ts';
import { nothingToWrite, writeIfNeeded } from './write-if-needed.ts';

const MESSAGES: Record<string, (p: Record<string, unknown>) => Message> = {
  'approval.task_opened': approvalTaskMessage,
  'approval.escalated': escalationMessage,
  'notification.requested': ruleMessage,
  'approval.signature_refused': refusedSignatureMessage,
};

/** Delivers one event's notification to the roles it names (and their delegates), once per user. */
export function deliverEventNotification(db: Database, event: OutboxEvent) {
  const message = MESSAGES[event.topic]!(event.payload);
  const roles = Array.isArray(event.payload.roles) ? (event.payload.roles as string[]) : [];
  return writeIfNeeded(db, { actor: systemActor('notifications') }, async (w) => {
    const users = await resolveRecipients(w.tx, { roles });
    const sent = await notifyUsers(w, users, {
      sourceKey: `event:${event.id}`, kind: event.topic, message, entityType: event.entityType, entityId: event.entityId,
      data: { orderId: event.payload.orderId ?? (event.entityType === 'order' ? event.entityId : undefined), approvalId: event.payload.approvalId },
    });
    if (sent === 0) nothingToWrite();
    return sent;
  });
}

/** New approval tasks, escalations, refused signatures and the rules' notify actions become in-app notifications. */
export const notificationHandler: EventHandler = {
  name: 'notifications.deliver',
  topics: Object.keys(MESSAGES),
  handle: async (event, db) => void (await deliverEventNotification(db, event)),
};
