import type { BatchResult } from '../parties/batch-outcome.ts';
import type { ChunkResult } from './import-types.ts';

/** The parties module's batch outcome (rejected rows included) as the import counts it. */
export function fromBatchResult(r: BatchResult): ChunkResult {
  const errors = r.rows.flatMap((o) =>
    o.action === 'rejected' && o.error ? [{ index: o.row, code: o.error.code, message: o.error.message, field: o.error.field }] : []);
  return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors };
}
