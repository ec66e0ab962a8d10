import { isDomainError } from '../../platform/errors.ts';
import type { AuditEntry } from '../../platform/audit/audit-record.ts';
import type { DomainEvent } from '../../platform/outbox/domain-event.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { ChunkRowError } from './import-types.ts';

const rowOf = (e: unknown): number | null => {
  const row = isDomainError(e) ? (e.details as { row?: unknown } | undefined)?.row : undefined;
  return typeof row === 'number' ? row : null;
};

/**
 * Runs a module's batch upsert that stops at the first bad row (a DomainError naming
 * `details.row`): inside a savepoint, so a refused attempt leaves nothing behind, the bad row
 * becomes a row error and the batch runs again without it. The audit records and events of the
 * attempt that passes are handed on to the import's unit of work.
 */
export async function upsertSkippingBadRows<Row, R>(
  w: Work,
  rows: readonly Row[],
  upsert: (w: Work, rows: Row[]) => Promise<R>,
): Promise<{ result: R | null; errors: ChunkRowError[] }> {
  let remaining = rows.map((row, index) => ({ row, index }));
  const errors: ChunkRowError[] = [];
  while (remaining.length > 0) {
    const audits: AuditEntry[] = [];
    const events: DomainEvent[] = [];
    const attempt: Work = { ...w, audit: (a) => void audits.push(a), emit: (e) => void events.push(e) };
    await w.tx.query('SAVEPOINT import_rows');
    try {
      const result = await upsert(attempt, remaining.map((r) => r.row));
      await w.tx.query('RELEASE SAVEPOINT import_rows');
      audits.forEach((a) => w.audit(a));
      events.forEach((e) => w.emit(e));
      return { result, errors };
    } catch (e) {
      await w.tx.query('ROLLBACK TO SAVEPOINT import_rows');
      const bad = rowOf(e);
      if (bad === null || !isDomainError(e) || !remaining[bad]) throw e;
      errors.push({ index: remaining[bad].index, code: e.code, message: e.message.replace(/^row \d+: /, ''), ...(e.field ? { field: e.field } : {}) });
      remaining = remaining.filter((_, i) => i !== bad);
    }
  }
  return { result: null, errors };
}
