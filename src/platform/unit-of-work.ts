import type { Database, Sql, TransactionOptions } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { DomainError } from './errors.ts';
import type { AuditEntry } from './audit/audit-record.ts';
import { appendAudit, type LateWrite } from './audit/append-audit.ts';

export type { LateWrite };
import type { DomainEvent } from './outbox/domain-event.ts';

export interface WriteContext {
  actor: Actor;
  requestId?: string | null;
}

/** What a use case gets to change the world: the transaction, and the two things every write must leave. */
export interface Work {
  tx: Sql;
  actor: Actor;
  requestId: string | null;
  audit(entry: AuditEntry): void;
  emit(event: DomainEvent): void;
  /**
   * Rows for a write to rows many transactions update (running totals): made in the closing
   * statement, after the audit chain head is locked, so those row locks are held only while the
   * transaction commits and never waited for (whoever holds one holds the head too). The rows of
   * every call with the same key go to that key's one statement.
   */
  atCommit(write: LateWrite): void;
}

/**
 * Runs a write use case in one transaction with its audit records and outbox events. A write that
 * records no audit entry is refused and rolled back: forgetting the audit trail fails the first
 * test that exercises the write. Serialization failures re-run the whole use case.
 */
export function writeTx<T>(
  db: Database,
  ctx: WriteContext,
  fn: (w: Work) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    const events: DomainEvent[] = [];
    const late: LateWrite[] = [];
    const work: Work = {
      tx,
      actor: ctx.actor,
      requestId: ctx.requestId ?? null,
      audit: (e) => void entries.push(e),
      emit: (e) => void events.push(e),
      atCommit: (w) => void late.push(w),
    };
    const result = await fn(work);
    if (entries.length === 0) {
      throw new DomainError('WRITE_WITHOUT_AUDIT', 'a write transaction tried to commit without an audit record');
    }
    // Last, because it locks the chain head until commit; the outbox events go in its statement.
    await appendAudit(tx, ctx.actor, work.requestId, entries, events, late);
    return result;
  }, opts);
}

/** Runs reads in one read-only transaction: the database itself refuses a write that slips in. */
export function readTx<T>(db: Database, fn: (tx: Sql) => Promise<T>, opts: Omit<TransactionOptions, 'readOnly'> = {}): Promise<T> {
  return db.transaction(fn, { ...opts, readOnly: true });
}
