import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { Type } from 'typebox';
import { localToday } from '../orders/business-day.ts';
import { portalOrganisation } from '../portal/portal-actor.ts';
import { createReturn } from './create-return.ts';
import { getReturn } from './get-return.ts';
import { listReturns } from './list-returns.ts';
import { ReturnInput } from './return-schemas.ts';

const config = { permission: 'portal.use' } as const;
const tags = ['portal'];

/**
 * The hospital portal's returns: a hospital asks to return units of its own shipments and sees
 * its own RMAs only; another organisation's shipment or RMA is not found (org-scope).
 */
export function registerPortalReturnRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/v1/portal/returns', { config, schema: { tags, body: ReturnInput } }, async (req, reply) => {
    portalOrganisation(actorOf(req));
    const key = req.headers['idempotency-key'];
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', '/api/v1/portal/returns', req.body), status: 201 },
      (w) => createReturn(w, req.body, localToday()));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });

  app.get('/api/v1/portal/returns', { config, schema: { tags, querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }) } }, async (req) => {
    portalOrganisation(actorOf(req));
    const { limit = 50, offset = 0 } = req.query;
    return { ...(await readTx(db, (tx) => listReturns(tx, actorOf(req), { limit, offset }))), limit, offset };
  });

  app.get('/api/v1/portal/returns/:id', { config, schema: { tags, params: IdParams } }, async (req) => {
    portalOrganisation(actorOf(req));
    return readTx(db, (tx) => getReturn(tx, actorOf(req), req.params.id));
  });
}
