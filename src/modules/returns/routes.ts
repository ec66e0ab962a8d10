import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { cancelReturn } from './cancel-return.ts';
import { registerComplaintRoutes } from './complaint-routes.ts';
import { createReturn } from './create-return.ts';
import { disposeReturnLine } from './dispose-return-line.ts';
import { getReturn } from './get-return.ts';
import { listReturns } from './list-returns.ts';
import { registerPortalReturnRoutes } from './portal-return-routes.ts';
import { receiveReturn } from './receive-return.ts';
import { registerRepairRoutes } from './repair-routes.ts';
import { CancelInput, DispositionInput, ReturnInput, ReturnQuery, ReturnReceiptInput } from './return-schemas.ts';

const tags = ['returns'];

/** Returns (RMA), their receipt and disposition; repairs, complaints and the portal's returns beside. */
export function registerReturnRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  registerRepairRoutes(app, deps);
  registerComplaintRoutes(app, deps);
  registerPortalReturnRoutes(app, deps);

  app.post('/api/v1/returns', { config: { permission: 'returns.write' }, schema: { tags, body: ReturnInput } }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', '/api/v1/returns', req.body), status: 201 },
      (w) => createReturn(w, req.body, localToday()));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });

  app.get('/api/v1/returns', { config: { permission: 'returns.read' }, schema: { tags, querystring: ReturnQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listReturns(tx, actorOf(req), { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/returns/:id', { config: { permission: 'returns.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getReturn(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/returns/:id/cancel', { config: { permission: 'returns.write' }, schema: { tags, params: IdParams, body: CancelInput } },
    async (req) => writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => cancelReturn(w, req.params.id, req.body.reason)));

  app.post('/api/v1/returns/:id/receipts', { config: { permission: 'inventory.write' }, schema: { tags, params: IdParams, body: ReturnReceiptInput } },
    async (req, reply) => reply.status(201).send(await writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => receiveReturn(w, req.params.id, req.body))));

  // Disposition is a quality decision, like taking goods out of quarantine (transferStock).
  app.post('/api/v1/returns/lines/:id/disposition', { config: { permission: 'quality.release' }, schema: { tags, params: IdParams, body: DispositionInput } },
    async (req, reply) => reply.status(201).send(await writeTx(db, { actor: actorOf(req), requestId: req.id }, (w) => disposeReturnLine(w, req.params.id, req.body, localToday()))));
}
