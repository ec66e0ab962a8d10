import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { getLotGenealogy } from './get-lot-genealogy.ts';
import { issueComponents } from './issue-components.ts';
import { IssueInput, OutputInput } from './production-schemas.ts';
import { releaseWorkOrder } from './release-work-order.ts';
import { reportOutput } from './report-output.ts';
import { getWorkOrderExecution } from './work-order-records.ts';

const tags = ['production'];
const P = '/api/v1/production';
const execute = { permission: 'production.execute' };

/** Work-order execution (release, issue, report output) and lot genealogy. */
export function registerProductionRoutes(app: App, { db }: AppDeps): void {
  const ctx = (requestId: string) => ({ today: shippingDates().today, now: new Date(), requestId });

  app.get(`${P}/work-orders/:id`, { config: { permission: 'planning.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getWorkOrderExecution(tx, req.params.id)));
  app.post(`${P}/work-orders/:id/release`, { config: execute, schema: { tags, params: IdParams } },
    async (req) => releaseWorkOrder(db, actorOf(req), req.params.id, req.id));
  app.post(`${P}/work-orders/:id/issues`, { config: execute, schema: { tags, params: IdParams, body: IssueInput } },
    async (req, reply) => reply.status(201).send(await issueComponents(db, actorOf(req), req.params.id, req.body, ctx(req.id))));
  app.post(`${P}/work-orders/:id/outputs`, { config: execute, schema: { tags, params: IdParams, body: OutputInput } },
    async (req, reply) => reply.status(201).send(await reportOutput(db, actorOf(req), req.params.id, req.body, ctx(req.id))));
  app.get('/api/v1/lots/:id/genealogy', { config: { permission: 'trace.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getLotGenealogy(tx, req.params.id)));
}
