import type { Database, Sql } from '../../db/types.ts';
import { GENESIS_HASH, hashAuditRecord, type AuditRecord } from './audit-record.ts';

export type ChainVerdict =
  | { ok: true; records: number; lastSeq: number; lastHash: string }
  | { ok: false; records: number; brokenSeq: number; reason: string };

interface Row {
  seq: number;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: Record<string, unknown>;
  reason: string | null;
  request_id: string | null;
  signature: AuditRecord['signature'];
  prev_hash: string;
  hash: string;
}

const PAGE = 5000;

/** Walks the whole chain in sequence order and names the first record that does not verify. */
export function verifyAuditChain(db: Database, onProgress: (checked: number) => void = () => {}): Promise<ChainVerdict> {
  // One snapshot for the whole walk, so writers appending meanwhile cannot make the head disagree.
  return db.transaction((tx) => walkChain(tx, onProgress), { readOnly: true, isolation: 'repeatable read' });
}

async function walkChain(db: Sql, onProgress: (checked: number) => void): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const { rows } = await db.query<Row>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq,
      PAGE,
    ]);
    for (const r of rows) {
      const fail = (reason: string): ChainVerdict => ({ ok: false, records, brokenSeq: r.seq, reason });
      if (r.seq !== expectedSeq) return { ok: false, records, brokenSeq: expectedSeq, reason: 'record missing' };
      if (r.prev_hash !== expectedPrev) return fail('prev_hash does not match the previous record');
      const recomputed = hashAuditRecord({
        seq: r.seq,
        at: r.at.toISOString(),
        actorType: r.actor_type,
        actorId: r.actor_id,
        actorName: r.actor_name,
        entityType: r.entity_type,
        entityId: r.entity_id,
        action: r.action,
        changes: r.changes,
        reason: r.reason,
        requestId: r.request_id,
        signature: r.signature,
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) return fail('content does not match its hash (the record was altered)');
      expectedPrev = r.hash;
      expectedSeq++;
      records++;
    }
    onProgress(records);
    if (rows.length < PAGE) break;
  }
  const head = (await db.query<{ last_seq: number; last_hash: string }>('SELECT last_seq, last_hash FROM audit_chain_head'))
    .rows[0]!;
  if (head.last_seq !== records || head.last_hash !== expectedPrev) {
    return { ok: false, records, brokenSeq: records + 1, reason: 'chain head does not match the last record (records removed)' };
  }
  return { ok: true, records, lastSeq: records, lastHash: expectedPrev };
}
