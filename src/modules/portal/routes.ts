import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { DateString, IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { CartLineInput, CartSubmitInput } from './cart-schemas.ts';
import { listCatalogue } from './list-catalogue.ts';
import { getCart } from './get-cart.ts';
import { setCartLineQuantity } from './set-cart-line.ts';
import { clearCart } from './clear-cart.ts';
import { submitCart } from './submit-cart.ts';
import { reorderIntoCart } from './reorder-into-cart.ts';
import { getPortalOrder, listPortalOrders } from './portal-orders.ts';
import { CartAnswer, CatalogueAnswer, PortalOrderAnswer, PortalOrderListAnswer, SubmittedCartResponses } from './portal-answer-schemas.ts';

const config = { permission: 'portal.use' } as const;
const tags = ['portal'];
const idempotencyKey = (h: unknown): string | undefined => (typeof h === 'string' ? h : undefined);

export function registerPortalRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/portal/catalogue', {
    config, schema: { tags, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }), response: { 200: CatalogueAnswer } },
  }, async (req) => readTx(db, (tx) => listCatalogue(tx, actorOf(req), { q: req.query.q, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 }, localToday())));

  app.get('/api/v1/portal/cart', { config, schema: { tags, response: { 200: CartAnswer } } }, async (req) => getCart(db, actorOf(req)));

  app.put('/api/v1/portal/cart/lines', { config, schema: { tags, body: CartLineInput, response: { 200: CartAnswer } } },
    async (req) => setCartLineQuantity(db, actorOf(req), req.body, req.id));

  app.delete('/api/v1/portal/cart', { config, schema: { tags } }, async (req, reply) => {
    await clearCart(db, actorOf(req), req.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/portal/cart/submit', { config, schema: { tags, body: CartSubmitInput, response: SubmittedCartResponses } }, async (req, reply) => {
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: idempotencyKey(req.headers['idempotency-key']), requestHash: requestHash('POST', '/api/v1/portal/cart/submit', req.body), status: 201 },
      (w) => submitCart(w, actorOf(req), req.body, localToday()));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.body.alreadySubmitted ? 200 : r.status).send(r.body);
  });

  app.post('/api/v1/portal/orders/:id/reorder', { config, schema: { tags, params: IdParams } }, async (req, reply) => {
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: idempotencyKey(req.headers['idempotency-key']), requestHash: requestHash('POST', `/api/v1/portal/orders/${req.params.id}/reorder`, null), status: 200 },
      (w) => reorderIntoCart(w, actorOf(req), req.params.id, localToday()));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });

  app.get('/api/v1/portal/orders', {
    config,
    schema: {
      tags,
      querystring: Type.Object({
        status: Type.Optional(Type.String({ maxLength: 20 })), from: Type.Optional(DateString()), to: Type.Optional(DateString()),
        q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery,
      }),
      response: { 200: PortalOrderListAnswer },
    },
  }, async (req) => readTx(db, (tx) => listPortalOrders(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));

  app.get('/api/v1/portal/orders/:id', { config, schema: { tags, params: IdParams, response: { 200: PortalOrderAnswer } } },
    async (req) => readTx(db, (tx) => getPortalOrder(tx, actorOf(req), req.params.id)));
}
