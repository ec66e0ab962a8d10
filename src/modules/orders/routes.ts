import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery, DateString } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { readerFor } from '../../platform/http/read-replica.ts';
import { OrderInput } from './order-input.ts';
import { placeOrder } from './place-order.ts';
import { placeAndAllocate } from '../inventory/place-and-allocate.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { getOrder } from './get-order.ts';
import { listOrders } from './list-orders.ts';
import { releaseHold, runOrderCommand } from './order-commands.ts';
import { localToday } from './business-day.ts';
import { amendOrder } from './amend-order.ts';
import { diffVersions, listOrderVersions } from './order-versions.ts';
import { listAlerts } from './list-alerts.ts';
import { OrderAnswer, OrderCommandAnswer, OrderListAnswer, PlacedOrderResponses } from './order-answer-schemas.ts';

const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });

export function registerOrderRoutes(app: App, { db, replica }: AppDeps): void {
  app.post('/api/v1/orders', {
    config: { permission: 'orders.write' },
    schema: {
      tags: ['orders'],
      querystring: Type.Object({
        allocate: Type.Optional(Type.Boolean({ description: 'allocate FEFO and promise in the same transaction when the order confirms' })),
      }),
      body: OrderInput,
      response: PlacedOrderResponses,
    },
  }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const allocate = req.query.allocate === true;
    const place = { channel: actorOf(req).type === 'token' ? 'api' as const : 'console' as const, today: localToday() };
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', `/api/v1/orders${allocate ? '?allocate=true' : ''}`, req.body), status: 201 },
      (w) => allocate
        ? placeAndAllocate(w, req.body, place, { earliestShipDate: shippingDates().earliestShipDate })
        : placeOrder(w, req.body, place));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });

  app.get('/api/v1/orders', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['orders'],
      querystring: Type.Object({
        status: Type.Optional(Type.String({ maxLength: 20 })),
        customerId: Type.Optional(Type.String({ format: 'uuid' })),
        channel: Type.Optional(Type.String({ maxLength: 20 })),
        from: Type.Optional(DateString()),
        to: Type.Optional(DateString()),
        holdType: Type.Optional(Type.String({ maxLength: 20 })),
        deviceId: Type.Optional(Type.String({ format: 'uuid' })),
        lot: Type.Optional(Type.String({ maxLength: 40 })),
        q: Type.Optional(Type.String({ maxLength: 100 })),
        ...PageQuery,
      }),
      response: { 200: OrderListAnswer },
    },
  }, async (req) => readTx(await readerFor({ primary: db, replica }, req),
    (tx) => listOrders(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));

  app.get('/api/v1/orders/:id', { config: { permission: 'orders.read' }, schema: { tags: ['orders'], params: IdParams, response: { 200: OrderAnswer } } },
    async (req) => readTx(db, (tx) => getOrder(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/orders/:id/submit', { config: { permission: 'orders.write' }, schema: { tags: ['orders'], params: IdParams } },
    async (req) => runOrderCommand(db, actorOf(req), req.params.id, { type: 'submit' }, req.id));

  app.post('/api/v1/orders/:id/confirm', { config: { permission: 'orders.approve' }, schema: { tags: ['orders'], params: IdParams } },
    async (req) => runOrderCommand(db, actorOf(req), req.params.id, { type: 'confirm' }, req.id));

  app.post('/api/v1/orders/:id/cancel', { config: { permission: 'orders.write' }, schema: { tags: ['orders'], params: IdParams, body: Reason, response: { 200: OrderCommandAnswer } } },
    async (req) => runOrderCommand(db, actorOf(req), req.params.id, { type: 'cancel', reason: req.body.reason }, req.id));

  app.post('/api/v1/orders/:id/lines/:lineNo/cancel', {
    config: { permission: 'orders.write' },
    schema: { tags: ['orders'], params: Type.Object({ id: Type.String({ format: 'uuid' }), lineNo: Type.Integer({ minimum: 1 }) }), body: Reason },
  }, async (req) => runOrderCommand(db, actorOf(req), req.params.id, { type: 'cancel_line', lineNo: req.params.lineNo, reason: req.body.reason }, req.id));

  app.post('/api/v1/orders/:id/close', { config: { permission: 'orders.write' }, schema: { tags: ['orders'], params: IdParams } },
    async (req) => runOrderCommand(db, actorOf(req), req.params.id, { type: 'close' }, req.id));

  app.post('/api/v1/orders/:id/holds/:holdId/release', {
    config: { permission: 'orders.approve' },
    schema: {
      tags: ['orders'],
      params: Type.Object({ id: Type.String({ format: 'uuid' }), holdId: Type.String({ format: 'uuid' }) }),
      body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 1000 })) }),
    },
  }, async (req) => releaseHold(db, actorOf(req), req.params.id, req.params.holdId, req.body.comment, req.id));

  app.put('/api/v1/orders/:id', {
    config: { permission: 'orders.write' },
    schema: { tags: ['orders'], params: IdParams, body: Type.Intersect([OrderInput, Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) })]) },
  }, async (req) => amendOrder(db, actorOf(req), req.params.id, req.body, { today: localToday(), requestId: req.id }));

  app.get('/api/v1/orders/:id/versions', { config: { permission: 'orders.read' }, schema: { tags: ['orders'], params: IdParams } },
    async (req) => readTx(db, (tx) => listOrderVersions(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/orders/:id/diff', {
    config: { permission: 'orders.read' },
    schema: { tags: ['orders'], params: IdParams, querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }) },
  }, async (req) => readTx(db, (tx) => diffVersions(tx, actorOf(req), req.params.id, req.query.from, req.query.to)));

  app.get('/api/v1/order-alerts', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['orders'],
      querystring: Type.Object({
        open: Type.Optional(Type.Boolean()),
        severity: Type.Optional(Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')])),
        code: Type.Optional(Type.String({ maxLength: 40 })),
        ...PageQuery,
      }),
    },
  }, async (req) => readTx(db, (tx) => listAlerts(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));
}
