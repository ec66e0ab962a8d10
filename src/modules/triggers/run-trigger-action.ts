import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { OutboxEvent } from '../../platform/outbox/domain-event.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { resolveRecipients } from '../notifications/resolve-recipients.ts';
import { nothingToWrite, writeIfNeeded } from '../notifications/write-if-needed.ts';
import { renderTemplate } from './match-trigger.ts';
import { sendWebhook } from './send-webhook.ts';
import { webhookSecretAad } from './sensitive-columns.ts';
import { runGenerateDocumentsAction } from '../shipping-docs/generate-documents-action.ts';
import { runCreatePickListAction } from '../fulfillment/create-pick-list-action.ts';
import { ACTION_TOPIC, type Recipients, type TriggeredEvent } from './trigger-types.ts';

interface ActionRow {
  type: 'webhook' | 'notify' | 'in_app' | 'generate_documents' | 'create_pick_list';
  config: { url?: string; message?: { en: string; zh: string } } & Recipients;
  secret_enc: string | null;
}

const standardMessage = (e: TriggeredEvent) => {
  const subject = typeof e.payload.number === 'string' ? e.payload.number : `${e.entityType ?? 'record'} ${e.entityId ?? ''}`.trim();
  const to = typeof e.payload.to === 'string' ? ` → ${e.payload.to}` : '';
  return { en: `${subject}: ${e.topic}${to}`, zh: `${subject}：${e.topic}${to}` };
};

function notifyFromAction(db: Database, event: OutboxEvent, action: ActionRow, source: TriggeredEvent) {
  const m = action.config.message;
  const message = m ? { en: renderTemplate(m.en, source), zh: renderTemplate(m.zh, source) } : standardMessage(source);
  return writeIfNeeded(db, { actor: systemActor('triggers') }, async (w) => {
    const users = await resolveRecipients(w.tx, action.config);
    const sent = await notifyUsers(w, users, {
      sourceKey: `trigger-action:${event.id}`, kind: source.topic, message, entityType: source.entityType, entityId: source.entityId,
      data: { triggerId: event.payload.triggerId, eventId: source.id },
    });
    if (sent === 0) nothingToWrite();
    return sent;
  });
}

/**
 * Runs one action of a trigger for one event: a webhook POST of the event JSON, signed with the
 * action's secret, or in-app notifications. Throwing leaves the outbox to retry it. An action
 * removed since (trigger replaced or deleted) is skipped.
 */
export async function runTriggerAction(db: Database, crypto: FieldCrypto, event: OutboxEvent): Promise<void> {
  const actionId = event.entityId;
  if (!actionId) return;
  const { rows } = await db.query<ActionRow>('SELECT type, config, secret_enc FROM trigger_actions WHERE id = $1 AND removed_at IS NULL', [actionId]);
  const action = rows[0];
  if (!action) return;
  const source = event.payload.event as TriggeredEvent;
  if (action.type === 'generate_documents') return runGenerateDocumentsAction(db, event.id, source);
  if (action.type === 'create_pick_list') return runCreatePickListAction(db, source);
  if (action.type === 'webhook') {
    const secret = crypto.decrypt(action.secret_enc!, webhookSecretAad(actionId));
    await sendWebhook({ url: action.config.url!, secret, body: JSON.stringify(source), eventId: source.id, topic: source.topic });
    return;
  }
  await notifyFromAction(db, event, action, source);
}

export const triggerActionHandler = (crypto: FieldCrypto): EventHandler => ({
  name: 'triggers.action',
  topics: [ACTION_TOPIC],
  handle: (event, db) => runTriggerAction(db, crypto, event),
});
