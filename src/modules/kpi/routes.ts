import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { readerFor } from '../../platform/http/read-replica.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { computeKpi } from './compute-kpi.ts';
import { kpiRequest } from './kpi-request.ts';
import { KpiParams, KpiQuery } from './kpi-schemas.ts';
import { listKpis } from './list-kpis.ts';
import { KpiAnswerSchema } from './kpi-answer-schemas.ts';

const config = { permission: 'kpi.read' };
const tags = ['kpi'];

/** The numbers every dashboard reads: one route per KPI, each answer with its formula and counts. */
export function registerKpiRoutes(app: App, { db: primary, replica }: AppDeps): void {
  app.get('/api/v1/kpi', { config, schema: { tags } }, async () => ({ items: listKpis() }));

  app.get('/api/v1/kpi/:name', { config, schema: { tags, params: KpiParams, querystring: KpiQuery, response: { 200: KpiAnswerSchema } } }, async (req) => {
    const now = new Date();
    const q = kpiRequest(req.query, now, actorOf(req));
    return readTx(await readerFor({ primary, replica }, req), (tx) => computeKpi(tx, req.params.name, q, now));
  });
}
