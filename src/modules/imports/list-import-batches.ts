import type { Sql } from '../../db/types.ts';
import { BATCH_COLUMNS, type BatchStatus, type ImportBatch } from './batch-store.ts';

export interface BatchQuery {
  kind?: string | undefined;
  status?: BatchStatus | undefined;
  limit: number;
  offset: number;
}

/** Import batches, newest first. */
export async function listImportBatches(tx: Sql, q: BatchQuery): Promise<{ items: ImportBatch[]; total: number }> {
  const where = `($1::text IS NULL OR b.kind = $1) AND ($2::text IS NULL OR b.status = $2)`;
  const params = [q.kind ?? null, q.status ?? null];
  const { rows } = await tx.query<ImportBatch>(
    `SELECT ${BATCH_COLUMNS} FROM import_batches b WHERE ${where} ORDER BY b.started_at DESC, b.id DESC LIMIT $3 OFFSET $4`,
    [...params, q.limit, q.offset],
  );
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_batches b WHERE ${where}`, params);
  return { items: rows, total: total.rows[0]!.n };
}
