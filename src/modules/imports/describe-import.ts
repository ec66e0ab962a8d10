import type { RowError } from './import-types.ts';
import type { ImportReport } from './run-import.ts';

const SHOWN = 20;

export const describeErrors = (errors: readonly RowError[], total = errors.length): string =>
  [
    ...errors.slice(0, SHOWN).map((e) => `  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message} (${e.code})`),
    ...(total > SHOWN ? [`  … ${total - SHOWN} more in the error report`] : []),
  ].join('\n');

/** What a person reads after `lotline import`. */
export function describeImport(r: ImportReport): string {
  const counts = `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
  const head = r.dryRun
    ? `dry run of ${r.fileName} (batch ${r.batchId}), nothing written: ${r.rowsTotal} row(s), ${r.rowsImported} would import (${counts})`
    : `imported ${r.fileName} as batch ${r.batchId}: ${r.rowsImported} of ${r.rowsTotal} row(s) (${counts})`;
  return r.errorCount ? `${head}\n${r.rowsFailed} row(s) in error:\n${describeErrors(r.errors, r.errorCount)}` : head;
}
