import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { AuditEntry } from '../../platform/audit/audit-record.ts';
import type { DomainEvent } from '../../platform/outbox/domain-event.ts';
import { writeEvents } from '../../platform/outbox/write-events.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { addLanded, finishBatch, type BatchCounts, type BatchStatus } from './batch-store.ts';
import type { RowError } from './import-types.ts';
import type { RowTally, ValidRow } from './validate-records.ts';

export type Landed = Pick<BatchCounts, 'rowsImported' | 'created' | 'updated' | 'unchanged'>;

export interface ChunkOutcome {
  landed: Landed;
  errors: RowError[];
}

export interface ImportRun {
  db: Database;
  actor: Actor;
  batchId: string;
  tally: RowTally;
  chunks: AsyncGenerator<ValidRow[]>;
  writeChunk(w: Work, chunk: ValidRow[]): Promise<ChunkOutcome>;
  onProgress(): void;
}

export interface Outcome {
  status: BatchStatus;
  landed: Landed;
  failure: string | null;
}

class RolledBack extends Error {}

const none = (): Landed => ({ rowsImported: 0, created: 0, updated: 0, unchanged: 0 });
const add = (sum: Landed, l: Landed): void => {
  sum.rowsImported += l.rowsImported;
  sum.created += l.created;
  sum.updated += l.updated;
  sum.unchanged += l.unchanged;
};
const countsOf = (run: ImportRun, landed: Landed): BatchCounts =>
  ({ rowsTotal: run.tally.total, rowsFailed: run.tally.failedRows.size, errorCount: run.tally.errors.length, ...landed });
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Closes the batch in its own transaction (after the rows' transaction rolled back or failed). */
const closeBatch = (run: ImportRun, status: BatchStatus, landed: Landed, failure: string | null): Promise<void> =>
  writeTx(run.db, { actor: run.actor, requestId: run.batchId }, (w) => finishBatch(w, run.batchId, status, countsOf(run, landed), run.tally.inFileOrder(), failure));

/**
 * Writes one chunk of the long transaction and appends its audit records and events at once, in
 * that transaction, rather than holding them to commit: a 100,000-row import then needs a third
 * of the memory and runs a fifth faster (measured). The price: the audit chain's head stays
 * locked from the first chunk to commit, so other writes wait for a big all-or-nothing import;
 * valid-rows mode, committing chunk by chunk, does not hold it.
 */
async function writeChunkFlushed(run: ImportRun, w: Work, chunk: ValidRow[]): Promise<ChunkOutcome> {
  const audits: AuditEntry[] = [];
  const events: DomainEvent[] = [];
  const r = await run.writeChunk({ ...w, audit: (a) => void audits.push(a), emit: (e) => void events.push(e) }, chunk);
  await writeEvents(w.tx, events);
  await appendAudit(w.tx, w.actor, w.requestId, audits);
  return r;
}

/**
 * Every chunk in one transaction, committed with the batch's closing only when no row failed:
 * all-or-nothing. A dry run rolls back whatever happened, after counting what would have been
 * written. Not retried: the rows come from a stream that cannot be read twice.
 */
export async function importInOneTransaction(run: ImportRun, dryRun: boolean): Promise<Outcome> {
  const landed = none();
  try {
    await writeTx(run.db, { actor: run.actor, requestId: run.batchId }, async (w) => {
      for await (const chunk of run.chunks) {
        const r = await writeChunkFlushed(run, w, chunk);
        add(landed, r.landed);
        r.errors.forEach((e) => run.tally.add(e));
        run.onProgress();
      }
      if (dryRun || run.tally.errors.length) throw new RolledBack();
      await finishBatch(w, run.batchId, 'succeeded', countsOf(run, landed), []);
    }, { retries: 0 });
    return { status: 'succeeded', landed, failure: null };
  } catch (e) {
    const rolledBack = e instanceof RolledBack;
    const outcome: Outcome = rolledBack && dryRun
      ? { status: 'dry_run', landed, failure: null }
      : { status: 'failed', landed: none(), failure: rolledBack ? null : messageOf(e) };
    await closeBatch(run, outcome.status, outcome.landed, outcome.failure);
    if (!rolledBack) throw e;
    return outcome;
  }
}

/**
 * Valid-rows mode: each chunk commits on its own with the batch's running counts, so the batch
 * says exactly what landed even if the import stops half-way; refused rows are only reported.
 */
export async function importChunkByChunk(run: ImportRun): Promise<Outcome> {
  const landed = none();
  try {
    for await (const chunk of run.chunks) {
      const r = await writeTx(run.db, { actor: run.actor, requestId: run.batchId }, async (w) => {
        const outcome = await run.writeChunk(w, chunk);
        await addLanded(w, run.batchId, outcome.landed);
        return outcome;
      });
      add(landed, r.landed);
      r.errors.forEach((e) => run.tally.add(e));
      run.onProgress();
    }
  } catch (e) {
    await closeBatch(run, landed.rowsImported > 0 ? 'partial' : 'failed', landed, messageOf(e));
    throw e;
  }
  const status = run.tally.errors.length === 0 ? 'succeeded' : landed.rowsImported > 0 ? 'partial' : 'failed';
  await closeBatch(run, status, landed, null);
  return { status, landed, failure: null };
}
