import { Type } from 'typebox';
import { Answer, Nullable, Page, Timestamp } from '../../platform/http/schemas.ts';

/** The answers of the import routes (run-import.ts ImportReport, batch-store.ts ImportBatch and RowError). */

const Counts = {
  rowsTotal: Type.Integer(),
  rowsImported: Type.Integer(),
  rowsFailed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errorCount: Type.Integer(),
};

export const RowErrorSchema = Type.Object({
  row: Type.Integer({ description: 'the row as a spreadsheet numbers it (heading = 1); 0 for the file as a whole' }),
  column: Nullable(Type.String()),
  field: Nullable(Type.String()),
  value: Nullable(Type.String()),
  code: Type.String(),
  message: Type.String(),
});

const Batch = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  fileName: Type.String(),
  fileFormat: Type.String(),
  mode: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.String(),
  failure: Nullable(Type.String()),
  actorName: Type.String(),
  requestId: Nullable(Type.String()),
  startedAt: Timestamp(),
  finishedAt: Nullable(Timestamp()),
  ...Counts,
});

export const BatchPage = Answer(Page(Batch));

export const BatchAnswer = Answer(Type.Object({ ...Batch.properties, errors: Type.Array(RowErrorSchema, { description: 'the first 100 errors' }) }));

export const ImportReportAnswer = Answer(Type.Object({
  batchId: Type.String(),
  kind: Type.String(),
  fileName: Type.String(),
  mode: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.String(),
  failure: Nullable(Type.String()),
  ...Counts,
  errors: Type.Array(RowErrorSchema, { description: 'the first errors; the whole report is GET /api/v1/imports/{id}/errors.csv' }),
}));
