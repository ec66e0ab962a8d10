import type { AuditEntry } from '../../platform/audit/audit-record.ts';
import type { DomainEvent } from '../../platform/outbox/domain-event.ts';
import type { LateWrite, Work } from '../../platform/unit-of-work.ts';

/**
 * Runs one part of a larger write (one order of an interchange) so that its failure undoes only
 * that part: its rows go with a ROLLBACK TO SAVEPOINT, and its audit entries, events and late
 * writes, held back until it succeeds, are never handed to the enclosing unit of work.
 */
export async function withSavepoint<T>(w: Work, name: string, fn: (part: Work) => Promise<T>): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`savepoint name ${name} is no plain SQL identifier`);
  const audits: AuditEntry[] = [];
  const events: DomainEvent[] = [];
  const late: LateWrite[] = [];
  const part: Work = {
    tx: w.tx,
    actor: w.actor,
    requestId: w.requestId,
    audit: (e) => void audits.push(e),
    emit: (e) => void events.push(e),
    atCommit: (l) => void late.push(l),
  };
  await w.tx.query(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await fn(part);
  } catch (e) {
    await w.tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await w.tx.query(`RELEASE SAVEPOINT ${name}`);
    throw e;
  }
  await w.tx.query(`RELEASE SAVEPOINT ${name}`);
  audits.forEach((a) => w.audit(a));
  events.forEach((e) => w.emit(e));
  late.forEach((l) => w.atCommit(l));
  return result;
}
