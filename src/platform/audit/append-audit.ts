import type { Sql } from '../../db/types.ts';
import type { Actor } from '../actor.ts';
import { hashAuditRecord, type AuditEntry, type AuditRecord } from './audit-record.ts';

/**
 * Appends entries to the chain inside the caller's transaction. Locking the head row serialises
 * appenders for the rest of their transaction, which is why the unit of work calls this last.
 * Returns the sequence numbers given.
 */
export async function appendAudit(
  tx: Sql,
  actor: Actor,
  requestId: string | null,
  entries: readonly AuditEntry[],
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
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor_type, actor_id, actor_name, entity_type, entity_id, action,
                            changes, reason, request_id, signature, prev_hash, hash)
     SELECT r."seq", r."at", r."actorType", r."actorId", r."actorName", r."entityType", r."entityId",
            r."action", r."changes", r."reason", r."requestId", r."signature", r."prevHash", r."hash"
       FROM jsonb_to_recordset($1::jsonb) AS r("seq" bigint, "at" timestamptz, "actorType" text,
            "actorId" text, "actorName" text, "entityType" text, "entityId" text, "action" text,
            "changes" jsonb, "reason" text, "requestId" text, "signature" jsonb, "prevHash" text, "hash" text)`,
    [JSON.stringify(rows)],
  );
  const last = rows[rows.length - 1]!;
  await tx.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id', [last.seq, last.hash]);
  return rows.map((r) => r.seq);
}
