import type { Sql } from '../../db/types.ts';
import type { Actor } from '../actor.ts';
import type { DomainEvent } from '../outbox/domain-event.ts';
import { hashAuditRecord, type AuditEntry, type AuditRecord } from './audit-record.ts';

/**
 * Rows for a data-modifying statement run as part of the closing statement: `sql` gets the
 * placeholder of the json array of all rows given under the same key (so one statement per key
 * writes each row it touches once).
 */
export interface LateWrite {
  key: string;
  rows: readonly unknown[];
  sql: (rowsJson: string) => string;
}

/**
 * Appends entries to the chain inside the caller's transaction. Locking the head row serialises
 * appenders for the rest of their transaction, which is why the unit of work calls this last.
 * Entries cost two round trips whatever their number (the head lock, then one statement).
 * Returns the sequence numbers given.
 */
export async function appendAudit(
  tx: Sql,
  actor: Actor,
  requestId: string | null,
  entries: readonly AuditEntry[],
  /** Outbox events of the same transaction, written in the same statement as the entries. */
  events: readonly DomainEvent[] = [],
  /** Writes to rows many transactions update, in the same statement (see Work.atCommit). */
  late: readonly LateWrite[] = [],
): Promise<number[]> {
  if (entries.length === 0) return [];
  const head = (
    await tx.query<{ last_seq: number; last_hash: string; now: Date }>(
      `SELECT last_seq, last_hash, date_trunc('milliseconds', clock_timestamp()) AS now
         FROM audit_chain_head WHERE id FOR UPDATE`,
    )
  ).rows[0]!;
  const at = head.now.toISOString();
  let prevHash = head.last_hash;
  const rows = entries.map((e, i) => {
    const record: AuditRecord = {
      seq: head.last_seq + i + 1,
      at,
      actorType: actor.type,
      actorId: actor.tokenId ? `${actor.userId}/${actor.tokenId}` : actor.userId,
      actorName: actor.name,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      changes: e.changes ?? {},
      reason: e.reason ?? null,
      requestId,
      signature: e.signature ?? null,
      prevHash,
    };
    const hash = hashAuditRecord(record);
    prevHash = hash;
    return { ...record, hash };
  });
  const last = rows[rows.length - 1]!;
  // One round trip for the rows, the outbox events of the same transaction, its late writes and the new chain head.
  const params: unknown[] = [JSON.stringify(rows), last.seq, last.hash, JSON.stringify(events)];
  const byKey = new Map<string, { sql: LateWrite['sql']; rows: unknown[] }>();
  for (const l of late) {
    const k = byKey.get(l.key) ?? byKey.set(l.key, { sql: l.sql, rows: [] }).get(l.key)!;
    k.rows.push(...l.rows);
  }
  const lateCtes = [...byKey.values()].map((l, i) => `late${i} AS (${l.sql(`$${params.push(JSON.stringify(l.rows))}::jsonb`)}), `);
  await tx.query(
    `WITH ${lateCtes.join('')}events AS (
       INSERT INTO outbox_events (topic, entity_type, entity_id, payload)
       SELECT e."topic", e."entityType", e."entityId", coalesce(e."payload", '{}'::jsonb)
         FROM jsonb_to_recordset($4::jsonb) AS e("topic" text, "entityType" text, "entityId" text, "payload" jsonb)
     ), records AS (
       INSERT INTO audit_log (seq, at, actor_type, actor_id, actor_name, entity_type, entity_id, action,
                              changes, reason, request_id, signature, prev_hash, hash)
       SELECT r."seq", r."at", r."actorType", r."actorId", r."actorName", r."entityType", r."entityId",
              r."action", r."changes", r."reason", r."requestId", r."signature", r."prevHash", r."hash"
         FROM jsonb_to_recordset($1::jsonb) AS r("seq" bigint, "at" timestamptz, "actorType" text,
              "actorId" text, "actorName" text, "entityType" text, "entityId" text, "action" text,
              "changes" jsonb, "reason" text, "requestId" text, "signature" jsonb, "prevHash" text, "hash" text)
     )
     UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE id`,
    params,
  );
  return rows.map((r) => r.seq);
}
