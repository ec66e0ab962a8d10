import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { FileFormat } from './read-records.ts';
import type { ImportKindName, ImportMode, RowError } from './import-types.ts';

export type BatchStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'dry_run';

export interface BatchCounts {
  rowsTotal: number;
  rowsImported: number;
  rowsFailed: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
}

export interface ImportBatch extends BatchCounts {
  id: string;
  kind: ImportKindName;
  fileName: string;
  fileFormat: FileFormat;
  mode: ImportMode;
  dryRun: boolean;
  status: BatchStatus;
  failure: string | null;
  actorName: string;
  requestId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export const BATCH_COLUMNS = `b.id, b.kind, b.file_name AS "fileName", b.file_format AS "fileFormat", b.mode, b.dry_run AS "dryRun",
  b.status, b.rows_total AS "rowsTotal", b.rows_imported AS "rowsImported", b.rows_failed AS "rowsFailed", b.created,
  b.updated, b.unchanged, b.error_count AS "errorCount", b.failure, b.actor_name AS "actorName", b.request_id AS "requestId",
  b.started_at AS "startedAt", b.finished_at AS "finishedAt"`;

export interface NewBatch {
  id: string;
  kind: ImportKindName;
  fileName: string;
  fileFormat: FileFormat;
  mode: ImportMode;
  dryRun: boolean;
  requestId: string | null;
}

/** The batch is on record before its first row is read: an import that dies still shows. */
export function startBatch(db: Database, actor: Actor, b: NewBatch): Promise<void> {
  return writeTx(db, { actor, requestId: b.id }, async (w) => {
    await w.tx.query(
      `INSERT INTO import_batches (id, kind, file_name, file_format, mode, dry_run, actor_type, actor_id, actor_name, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [b.id, b.kind, b.fileName, b.fileFormat, b.mode, b.dryRun, actor.type, actor.userId, actor.name, b.requestId],
    );
    w.audit({
      entityType: 'import_batch', entityId: b.id, action: 'started',
      changes: { kind: { new: b.kind }, fileName: { new: b.fileName }, mode: { new: b.mode }, dryRun: { new: b.dryRun } },
    });
  });
}

/** Adds what one committed chunk wrote, in the chunk's own transaction: the batch says exactly what landed. */
export async function addLanded(w: Work, id: string, c: Pick<BatchCounts, 'rowsImported' | 'created' | 'updated' | 'unchanged'>): Promise<void> {
  await w.tx.query(
    `UPDATE import_batches SET rows_imported = rows_imported + $2, created = created + $3, updated = updated + $4, unchanged = unchanged + $5
      WHERE id = $1`,
    [id, c.rowsImported, c.created, c.updated, c.unchanged],
  );
  w.audit({ entityType: 'import_batch', entityId: id, action: 'rows_landed', changes: { rowsImported: { new: c.rowsImported } } });
}

const ERROR_SLICE = 5000;

/** Closes the batch with its final counts and stores its error report, in slices of a few thousand. */
export async function finishBatch(w: Work, id: string, status: BatchStatus, counts: BatchCounts, errors: readonly RowError[], failure: string | null = null): Promise<void> {
  await w.tx.query(
    `UPDATE import_batches SET status = $2, rows_total = $3, rows_imported = $4, rows_failed = $5, created = $6, updated = $7,
            unchanged = $8, error_count = $9, failure = $10, finished_at = now()
      WHERE id = $1`,
    [id, status, counts.rowsTotal, counts.rowsImported, counts.rowsFailed, counts.created, counts.updated, counts.unchanged, counts.errorCount, failure],
  );
  for (let from = 0; from < errors.length; from += ERROR_SLICE) {
    const slice = errors.slice(from, from + ERROR_SLICE).map((e, i) => ({ ...e, seq: from + i + 1 }));
    await w.tx.query(
      `INSERT INTO import_batch_errors (batch_id, seq, row_number, column_name, field, value, code, message)
       SELECT $1, e.seq, e.row, e."column", e.field, e.value, e.code, e.message
         FROM jsonb_to_recordset($2::jsonb) AS e(seq int, row int, "column" text, field text, value text, code text, message text)`,
      [id, JSON.stringify(slice)],
    );
  }
  w.audit({
    entityType: 'import_batch', entityId: id, action: 'finished',
    changes: { status: { old: 'running', new: status }, ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { new: v }])) },
    reason: failure,
  });
}

export async function loadBatch(tx: Sql, id: string): Promise<ImportBatch> {
  const { rows } = await tx.query<ImportBatch>(`SELECT ${BATCH_COLUMNS} FROM import_batches b WHERE b.id = $1`, [id]);
  if (!rows[0]) throw notFound('import batch', id);
  return rows[0];
}

/** The batch's error report in file order (the first `limit` errors when given). */
export async function loadBatchErrors(tx: Sql, id: string, limit: number | null = null): Promise<RowError[]> {
  await loadBatch(tx, id);
  const { rows } = await tx.query<RowError>(
    `SELECT row_number AS row, column_name AS "column", field, value, code, message FROM import_batch_errors WHERE batch_id = $1
      ORDER BY seq LIMIT $2`,
    [id, limit],
  );
  return rows;
}

/** The batches among these ids (request ids of audit records, source_ref of records), by id. */
export async function findBatches(tx: Sql, ids: readonly string[]): Promise<Map<string, ImportBatch>> {
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (wanted.length === 0) return new Map();
  const { rows } = await tx.query<ImportBatch>(`SELECT ${BATCH_COLUMNS} FROM import_batches b WHERE b.id = ANY($1::uuid[])`, [wanted]);
  return new Map(rows.map((b) => [b.id, b]));
}
