import { Readable } from 'node:stream';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { validatorCompiler } from '../../platform/http/validators.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadBatch, loadBatchErrors } from './batch-store.ts';
import { errorReportCsv } from './error-report-csv.ts';
import { BatchListQuery, IMPORT_BODY_LIMIT, IMPORT_CONTENT_TYPES, ImportKindParams, ImportQuery } from './import-schemas.ts';
import { listImportBatches } from './list-import-batches.ts';
import { sniffFormat } from './read-records.ts';
import { runImport, throwIfFailed } from './run-import.ts';
import { BatchAnswer, BatchPage, ImportReportAnswer } from './import-answer-schemas.ts';

const tags = ['imports'];
const permission = 'import.run';
const FileBody = { type: 'string', format: 'binary', description: 'the file itself: CSV (UTF-8) or XLSX (first worksheet), a heading row first' } as const;

export function registerImportRoutes(app: App, { db, crypto }: AppDeps): void {
  // The body is the file, not JSON: these parsers and the 50 MB limit apply to this route only.
  void app.register(async (files: App) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser(IMPORT_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    files.post('/api/v1/imports/:kind', {
      config: { permission },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { tags, consumes: IMPORT_CONTENT_TYPES, params: ImportKindParams, querystring: ImportQuery, body: FileBody, response: { 201: ImportReportAnswer } },
      // The file's rows are validated by the import itself, row by row; the parameters as usual.
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
    }, async (req, reply) => {
      const bytes = req.body as unknown as Buffer;
      const format = sniffFormat(bytes);
      const { mode, dryRun, fileName = `upload.${format}` } = req.query;
      const report = throwIfFailed(await runImport({ db, crypto }, actorOf(req), req.params.kind,
        { name: fileName, format, open: () => Readable.from([bytes]) }, { mode, dryRun, requestId: req.id }));
      return reply.status(201).header('location', `/api/v1/imports/${report.batchId}`).send(report);
    });
  });

  app.get('/api/v1/imports', { config: { permission }, schema: { tags, querystring: BatchListQuery, response: { 200: BatchPage } } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listImportBatches(tx, { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/imports/:id', { config: { permission }, schema: { tags, params: IdParams, response: { 200: BatchAnswer } } }, async (req) =>
    readTx(db, async (tx) => ({ ...(await loadBatch(tx, req.params.id)), errors: await loadBatchErrors(tx, req.params.id, 100) })));

  app.get('/api/v1/imports/:id/errors.csv', { config: { permission }, schema: { tags, params: IdParams } }, async (req, reply) => {
    const errors = await readTx(db, (tx) => loadBatchErrors(tx, req.params.id));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.csv"`)
      .send(errorReportCsv(errors));
  });
}
