import { DomainError, isDomainError } from '../../platform/errors.ts';

/**
 * Runs a check for one row of a batch (an import, an upsert): its DomainError keeps code and
 * field, and gains the row number in the message and in `details.row` (0-based).
 */
export function forRow<T>(row: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const details = { row, ...(typeof e.details === 'object' && e.details !== null ? e.details : {}) };
    throw new DomainError(e.code, `row ${row}: ${e.message}`, { ...(e.field ? { field: e.field } : {}), details });
  }
}
