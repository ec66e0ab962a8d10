import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx, type Work } from '../../platform/unit-of-work.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { cancelPickList } from './cancel-pick-list.ts';
import { confirmDelivery } from './confirm-delivery.ts';
import { createPickListIn } from './create-pick-list.ts';
import { CancelInput, DeliveryBody, PackBody, PickListInput, PickListQuery, ReviewBody, ReviewClassesBody, ScanBody, ShipBody, ShipmentQuery } from './fulfillment-schemas.ts';
import { getPackage } from './get-package.ts';
import { getPickList, listPickLists } from './get-pick-list.ts';
import { getShipment, listShipments } from './get-shipment.ts';
import { packPackageIn } from './pack-package.ts';
import { reviewPackage } from './review-package.ts';
import { getReviewClasses, setReviewClasses } from './review-classes.ts';
import { scanPick } from './scan-pick.ts';
import { scanPickBatchIn } from './scan-pick-batch.ts';
import { BATCH_BODY_LIMIT, BatchScanBody } from './batch-scan-body.ts';
import { pickLanguage } from './scan-messages.ts';
import { checkShipInput, shipOrderIn } from './ship-order.ts';
import { AcceptedScanAnswer, CreatedPickListAnswer, DeliveredShipmentAnswer, PackageAnswer, PackedPackageAnswer, PickListAnswer, PickListPage, ReviewedPackageAnswer, ShipmentAnswer, ShipmentPage, ShippedOrderAnswer } from './fulfillment-answer-schemas.ts';

const tags = ['fulfillment'];
const pick = { permission: 'fulfillment.pick' };
const ship = { permission: 'fulfillment.ship' };

/** A write that honours the Idempotency-Key header: a retried request gets the first answer. */
async function once<T>(req: FastifyRequest, reply: FastifyReply, { db }: AppDeps, fn: (w: Work) => Promise<T>): Promise<FastifyReply> {
  const key = req.headers['idempotency-key'];
  const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
    { key: typeof key === 'string' ? key : undefined, requestHash: requestHash(req.method, req.url, req.body), status: 201 }, fn);
  if (r.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.status(r.status).send(r.body);
}

/** Warehouse execution: pick lists, scan-to-pick, packing, the outbound review, shipping and delivery. */
export function registerFulfillmentRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  app.post('/api/v1/pick-lists', { config: pick, schema: { tags, body: PickListInput, response: { 201: CreatedPickListAnswer } } },
    async (req, reply) => once(req, reply, deps, (w) => createPickListIn(w, req.body.orderIds)));

  app.get('/api/v1/pick-lists', { config: { permission: 'inventory.read' }, schema: { tags, querystring: PickListQuery, response: { 200: PickListPage } } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listPickLists(tx, actorOf(req), { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/pick-lists/:id', { config: { permission: 'inventory.read' }, schema: { tags, params: IdParams, response: { 200: PickListAnswer } } },
    async (req) => readTx(db, (tx) => getPickList(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/pick-lists/:id/cancel', { config: pick, schema: { tags, params: IdParams, body: CancelInput } },
    async (req) => cancelPickList(db, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/pick-lists/:id/scans', { config: pick, schema: { tags, params: IdParams, body: ScanBody, response: { 201: AcceptedScanAnswer } } }, async (req, reply) => {
    const language = pickLanguage(req.headers['accept-language'], actorOf(req).locale);
    const picked = await scanPick(db, actorOf(req), req.params.id, req.body, { shipDate: shippingDates().earliestShipDate, language, requestId: req.id });
    return reply.status(201).send(picked);
  });

  // Partial acceptance: accepted labels are picked, refused ones come back per index with the reason (201 either way).
  app.post('/api/v1/pick-lists/:id/scans/batch', { config: pick, bodyLimit: BATCH_BODY_LIMIT, schema: { tags, params: IdParams, body: BatchScanBody } }, async (req, reply) => {
    const language = pickLanguage(req.headers['accept-language'], actorOf(req).locale);
    return once(req, reply, deps, (w) => scanPickBatchIn(w, req.params.id, req.body, { shipDate: shippingDates().earliestShipDate, language }));
  });

  app.post('/api/v1/orders/:id/packages', { config: pick, schema: { tags, params: IdParams, body: PackBody, response: { 201: PackedPackageAnswer } } },
    async (req, reply) => once(req, reply, deps, (w) => packPackageIn(w, req.params.id, req.body)));

  app.get('/api/v1/packages/:id', { config: { permission: 'orders.read' }, schema: { tags, params: IdParams, response: { 200: PackageAnswer } } },
    async (req) => readTx(db, (tx) => getPackage(tx, actorOf(req), req.params.id)));

  app.post('/api/v1/packages/:id/review', { config: { permission: 'fulfillment.review' }, schema: { tags, params: IdParams, body: ReviewBody, response: { 200: ReviewedPackageAnswer } } },
    async (req) => reviewPackage(db, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/orders/:id/shipments', { config: ship, schema: { tags, params: IdParams, body: ShipBody, response: { 201: ShippedOrderAnswer } } }, async (req, reply) => {
    checkShipInput(req.body);
    return once(req, reply, deps, (w) => shipOrderIn(w, req.params.id, req.body, { today: shippingDates().today }));
  });

  app.post('/api/v1/shipments/:id/delivery', { config: ship, schema: { tags, params: IdParams, body: DeliveryBody, response: { 200: DeliveredShipmentAnswer } } },
    async (req) => confirmDelivery(db, actorOf(req), req.params.id, req.body, { now: new Date(), requestId: req.id }));

  app.get('/api/v1/shipments', { config: { permission: 'orders.read' }, schema: { tags, querystring: ShipmentQuery, response: { 200: ShipmentPage } } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listShipments(tx, actorOf(req), { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/shipments/:id', { config: { permission: 'orders.read' }, schema: { tags, params: IdParams, response: { 200: ShipmentAnswer } } },
    async (req) => readTx(db, (tx) => getShipment(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/fulfillment/review-classes', { config: { permission: 'inventory.read' }, schema: { tags } },
    async () => readTx(db, getReviewClasses));

  app.put('/api/v1/fulfillment/review-classes', { config: { permission: 'quality.release' }, schema: { tags, body: ReviewClassesBody } },
    async (req) => setReviewClasses(db, actorOf(req), req.body, req.id));
}
