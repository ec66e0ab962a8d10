import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { ForecastConvertInput, ForecastImportInput, ForecastImportQuery, ForecastQuery } from './forecast-schemas.ts';
import { importForecasts } from './import-forecasts.ts';
import { readForecastCsv } from './read-forecast-csv.ts';
import { listForecasts } from './list-forecasts.ts';
import { convertForecasts } from './convert-forecasts.ts';

const tags = ['forecasts'];

export function registerForecastRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/v1/forecasts', { config: { permission: 'forecasts.import' }, schema: { tags, body: ForecastImportInput } }, async (req) => {
    const { forecasts, dryRun, sourceRef } = req.body;
    return importForecasts(db, actorOf(req), forecasts.map((f, row) => ({ ...f, row })),
      { dryRun, source: 'api', sourceRef, fieldOf: (e) => `forecasts.${e.row}.${e.column}`, requestId: req.id });
  });

  // A CSV upload: the body is the file itself (text/csv), parsed here rather than as JSON.
  void app.register(async (csv: App) => {
    csv.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
    csv.post('/api/v1/forecasts/import', {
      config: { permission: 'forecasts.import' },
      schema: {
        tags, consumes: ['text/csv'], querystring: ForecastImportQuery,
        body: Type.String({ description: 'the CSV file: a header row (customerCode or channel, deviceCode, period, quantity; Chinese headers accepted), one forecast per row' }),
      },
    }, async (req) => {
      const { rows, errors } = readForecastCsv(req.body);
      return importForecasts(db, actorOf(req), rows,
        { dryRun: req.query.dryRun, source: 'csv', sourceRef: req.query.sourceRef, earlierErrors: errors, fieldOf: (e) => e.column, requestId: req.id });
    });
  });

  app.get('/api/v1/forecasts', { config: { permission: 'planning.read' }, schema: { tags, querystring: ForecastQuery } },
    async (req) => readTx(db, (tx) => listForecasts(tx, req.query)));

  app.post('/api/v1/forecasts/convert', { config: { permission: 'planning.write' }, schema: { tags, body: ForecastConvertInput } }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', '/api/v1/forecasts/convert', req.body), status: 201 },
      (w) => convertForecasts(w, req.body, localToday()));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });
}
