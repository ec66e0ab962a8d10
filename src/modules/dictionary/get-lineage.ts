import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { auditHistory, type AuditView } from '../audit/entity-history.ts';
import { findBatches, type ImportBatch } from '../imports/batch-store.ts';
import { recordProvenance, type RecordProvenance } from './record-provenance.ts';

export interface BatchRef {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  actorName: string;
  startedAt: Date;
}

/** One audited change of the record, with the channel it came through. */
export interface LineageEntry {
  seq: number;
  at: Date;
  action: string;
  actor: string;
  /** import:<kind> (with the batch), api (a signed-in user: console or API), api_token, system:<name> */
  source: string;
  importBatch: BatchRef | null;
  requestId: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
}

/** Where a field's current value came from: its last audited change. */
export interface FieldOrigin {
  field: string;
  value: unknown;
  at: Date;
  actor: string;
  source: string;
  importBatchId: string | null;
  seq: number;
}

export interface Lineage {
  entity: string;
  id: string;
  provenance: RecordProvenance & { importBatch: BatchRef | null };
  fields: FieldOrigin[];
  history: LineageEntry[];
}

const HISTORY_LIMIT = 1000;

const ref = (b: ImportBatch | undefined): BatchRef | null =>
  b ? { id: b.id, kind: b.kind, fileName: b.fileName, status: b.status, actorName: b.actorName, startedAt: b.startedAt } : null;

function sourceOf(h: AuditView, batch: BatchRef | null): string {
  if (batch) return `import:${batch.kind}`;
  if (h.actorType === 'token') return 'api_token';
  if (h.actorType === 'system') return `system:${h.actorName}`;
  return 'api';
}

/**
 * A record's lineage: its provenance columns (which channel created it, which import batch, who
 * last changed it) and its audit history, each change with who, when and through which channel,
 * and for each field the change its current value came from — so a wrong value leads to the
 * import batch (file, row report) or the user that wrote it.
 */
export async function getLineage(db: Database, actor: Actor, entity: string, id: string): Promise<Lineage> {
  const history = await readTx(db, (tx) => auditHistory(tx, { entity, id, limit: HISTORY_LIMIT }));
  const provenance = await recordProvenance(db, actor, entity, id, history);
  const batchIds = [...history.map((h) => h.requestId ?? ''), provenance.source === 'import' ? (provenance.sourceRef ?? '') : ''];
  const batches = await readTx(db, (tx) => findBatches(tx, batchIds));
  const entries = history.map((h): LineageEntry => {
    const importBatch = ref(batches.get(h.requestId ?? ''));
    return {
      seq: h.seq, at: h.at, action: h.action, actor: h.actorName, source: sourceOf(h, importBatch), importBatch,
      requestId: h.requestId, reason: h.reason, changes: h.changes,
    };
  });
  const origins = new Map<string, FieldOrigin>();
  for (const e of entries) {
    for (const [field, change] of Object.entries(e.changes)) {
      origins.set(field, {
        field, value: (change as { new?: unknown } | null)?.new ?? null, at: e.at, actor: e.actor, source: e.source,
        importBatchId: e.importBatch?.id ?? null, seq: e.seq,
      });
    }
  }
  return {
    entity, id,
    provenance: { ...provenance, importBatch: provenance.source === 'import' ? ref(batches.get(provenance.sourceRef ?? '')) : null },
    fields: [...origins.values()],
    history: entries,
  };
}
