import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import type { OutboxEvent } from '../../platform/outbox/domain-event.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { nothingToWrite, writeIfNeeded } from '../notifications/write-if-needed.ts';
import { isInternalTopic, matchesFilter } from './match-trigger.ts';
import { ACTION_TOPIC, type TriggerFilter, type TriggeredEvent } from './trigger-types.ts';

interface Listening {
  id: string;
  name: string;
  filter: TriggerFilter;
  actions: Array<{ id: string; type: string }>;
}

/**
 * Matches one event to the enabled triggers of its topic and writes one `trigger.action` outbox
 * event per action, so each action is retried (and dead-lettered) on its own, and a failing
 * webhook never holds back the transition or the other actions. An event delivered twice fans
 * out once (trigger_dispatches).
 */
export async function fanOutTriggers(db: Database, event: OutboxEvent): Promise<number> {
  if (isInternalTopic(event.topic)) return 0;
  const { rows } = await db.query<Listening>(
    `SELECT t.id, t.name, t.filter, json_agg(json_build_object('id', a.id, 'type', a.type) ORDER BY a.position) AS actions
       FROM triggers t JOIN trigger_actions a ON a.trigger_id = t.id AND a.removed_at IS NULL
      WHERE t.topic = $1 AND t.enabled AND t.deleted_at IS NULL
      GROUP BY t.id, t.name, t.filter`, [event.topic]);
  const matching = rows.filter((t) => matchesFilter(t.filter, event.payload));
  if (matching.length === 0) return 0;
  const triggered: TriggeredEvent = {
    id: event.id, topic: event.topic, entityType: event.entityType, entityId: event.entityId, payload: event.payload,
    createdAt: event.createdAt.toISOString(),
  };
  const sent = await writeIfNeeded(db, { actor: systemActor('triggers') }, async (w) => {
    const fresh = await w.tx.query<{ trigger_id: string }>(
      `INSERT INTO trigger_dispatches (event_id, trigger_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING trigger_id`,
      [event.id, matching.map((t) => t.id)]);
    if (fresh.rows.length === 0) nothingToWrite();
    let n = 0;
    for (const t of matching.filter((m) => fresh.rows.some((f) => f.trigger_id === m.id))) {
      for (const a of t.actions) {
        w.emit({ topic: ACTION_TOPIC, entityType: 'trigger_action', entityId: a.id, payload: { triggerId: t.id, trigger: t.name, type: a.type, event: triggered } });
        n++;
      }
      w.audit({ entityType: 'trigger', entityId: t.id, action: 'fired',
        changes: { eventId: { new: event.id }, topic: { new: event.topic }, actions: { new: t.actions.map((a) => a.type) } } });
    }
    return n;
  });
  return sent ?? 0;
}

export const triggerFanOutHandler: EventHandler = {
  name: 'triggers.fan_out',
  topics: '*',
  handle: async (event, db) => void (await fanOutTriggers(db, event)),
};
