import type { Readable } from 'node:stream';
import type { Database } from '../../db/types.ts';
import { can, type Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { startBatch, type BatchCounts, type BatchStatus } from './batch-store.ts';
import { mapColumns, type ColumnMap } from './column-map.ts';
import { importKind } from './import-kinds.ts';
import type { ImportKind, ImportMode, ImportProvenance, KindDeps, RowError } from './import-types.ts';
import { isBlankRecord } from './build-row.ts';
import { readRecords, type FileFormat, type FileRecord } from './read-records.ts';
import { columnFor, RowTally, validChunks, type ValidRow } from './validate-records.ts';
import { fieldValue } from './field-value.ts';
import { importChunkByChunk, importInOneTransaction, type ChunkOutcome } from './write-strategies.ts';

export interface ImportFile {
  name: string;
  format: FileFormat;
  open(): Readable;
}

export interface ImportOptions {
  mode?: ImportMode;
  dryRun?: boolean;
  chunkSize?: number;
  /** The HTTP request that brought the file, kept on the batch. */
  requestId?: string | null;
  onProgress?: (rowsRead: number) => void;
}

export interface ImportReport extends BatchCounts {
  batchId: string;
  kind: string;
  fileName: string;
  mode: ImportMode;
  dryRun: boolean;
  status: BatchStatus;
  failure: string | null;
  /** The first errors; the whole report is GET /api/v1/imports/:id/errors.csv. */
  errors: RowError[];
}

const REPORTED_ERRORS = 100;

async function readHeading(records: AsyncIterator<FileRecord>, kind: ImportKind): Promise<ColumnMap> {
  for (let next = await records.next(); !next.done; next = await records.next()) {
    if (isBlankRecord(next.value.cells)) continue;
    return mapColumns(kind.schema, next.value.cells.map((c) => (c === null ? '' : String(c))));
  }
  throw new DomainError('IMPORT_FORMAT', 'the file is empty: expected a heading row, then one row per record', { field: 'file' });
}

/**
 * Imports one file of one kind as one audited batch. Rows are read as a stream, converted and
 * validated with the kind's schema, and written in chunks through the owning module's batch
 * upsert with provenance `import` / batch id (and the batch id as the audit records' request id).
 * All-or-nothing (the default) and dry runs use one transaction, committed only when every row
 * passed (never for a dry run); valid-rows mode commits chunk by chunk and skips the bad rows.
 */
export async function runImport(
  deps: KindDeps & { db: Database },
  actor: Actor,
  kindName: string,
  file: ImportFile,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const kind = importKind(kindName);
  if (!can(actor, kind.permission)) {
    throw new DomainError('FORBIDDEN', `importing ${kind.name} needs the permission ${kind.permission}`, { details: { permission: kind.permission } });
  }
  const mode = opts.mode ?? 'all-or-nothing';
  const dryRun = opts.dryRun ?? false;
  const records = readRecords(file.open(), file.format);
  try {
    const map = await readHeading(records, kind);
    const batchId = uuidv7();
    await startBatch(deps.db, actor, { id: batchId, kind: kind.name, fileName: file.name, fileFormat: file.format, mode, dryRun, requestId: opts.requestId ?? null });
    const tally = new RowTally();
    const provenance: ImportProvenance = { source: 'import', sourceRef: batchId };
    const writeChunk = async (w: Work, chunk: ValidRow[]): Promise<ChunkOutcome> => {
      const r = await kind.write(w, deps, chunk.map((c) => c.value), provenance);
      const errors = r.errors.map((e) => {
        const { row, value } = chunk[e.index]!;
        return { row, column: columnFor(map, e.field), field: e.field ?? null, value: fieldValue(value, e.field), code: e.code, message: e.message };
      });
      const landed = { rowsImported: chunk.length - new Set(r.errors.map((e) => e.index)).size, created: r.created, updated: r.updated, unchanged: r.unchanged };
      return { landed, errors };
    };
    const chunks = validChunks(records, kind, map, opts.chunkSize ?? 1000, tally);
    const run = { db: deps.db, actor, batchId, tally, chunks, writeChunk, onProgress: () => opts.onProgress?.(tally.total) };
    const { status, landed, failure } = mode === 'all-or-nothing' || dryRun
      ? await importInOneTransaction(run, dryRun)
      : await importChunkByChunk(run);
    const counts = { rowsTotal: tally.total, rowsFailed: tally.failedRows.size, errorCount: tally.errors.length, ...landed };
    return { batchId, kind: kind.name, fileName: file.name, mode, dryRun, status, failure, ...counts, errors: tally.inFileOrder().slice(0, REPORTED_ERRORS) };
  } finally {
    await records.return(undefined);
  }
}

/** An import that landed nothing because rows were in error is a failure for the API and the CLI: IMPORT_FAILED. */
export function throwIfFailed(report: ImportReport): ImportReport {
  if (report.status !== 'failed') return report;
  const what = report.failure ?? `${report.rowsFailed} of ${report.rowsTotal} row(s) in error; nothing was imported`;
  throw new DomainError('IMPORT_FAILED', `import ${report.batchId}: ${what}`, {
    details: { batchId: report.batchId, errorCount: report.errorCount, errors: report.errors },
  });
}
