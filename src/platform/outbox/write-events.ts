import type { Sql } from '../../db/types.ts';
import type { DomainEvent } from './domain-event.ts';

/** Inserts the events in one statement, inside the caller's transaction. */
export async function writeEvents(tx: Sql, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(
    `INSERT INTO outbox_events (topic, entity_type, entity_id, payload)
     SELECT e."topic", e."entityType", e."entityId", coalesce(e."payload", '{}'::jsonb)
       FROM jsonb_to_recordset($1::jsonb) AS e("topic" text, "entityType" text, "entityId" text, "payload" jsonb)`,
    [JSON.stringify(events)],
  );
}
