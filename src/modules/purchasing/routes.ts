import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { changePurchaseOrderStatus } from './change-purchase-order-status.ts';
import { changeRequisitionStatus } from './change-requisition-status.ts';
import { convertRequisitions } from './convert-requisitions.ts';
import { createPurchaseOrder } from './create-purchase-order.ts';
import { createRequisition } from './create-requisition.ts';
import { decideInspection } from './decide-inspection.ts';
import { listInspections, loadInspection } from './inspection-records.ts';
import { listPurchaseOrders, listRequisitions } from './list-purchasing.ts';
import { getPurchaseOrder } from './purchase-order-records.ts';
import {
  CancelInput, ConvertInput, InspectionDecisionInput, InspectionQuery, InspectionResultInput, PoReceiptInput, PurchaseOrderInput, PurchaseOrderQuery,
  RequisitionInput, RequisitionQuery, SamplingPlanInput,
} from './purchasing-schemas.ts';
import { receivePurchaseOrder } from './receive-purchase-order.ts';
import { loadRequisition } from './requisition-records.ts';
import { setSamplingPlan } from './sampling-plans.ts';
import { recordInspectionResult } from './record-inspection-result.ts';

const tags = ['purchasing'];
const read = { permission: 'planning.read' };
const write = { permission: 'planning.write' };
const quality = { permission: 'quality.release' };
const stockRead = { permission: 'inventory.read' };

/** Requisitions, purchase orders, receipts against them and incoming inspection. */
export function registerPurchasingRoutes(app: App, { db }: AppDeps): void {
  const ctx = (id: string) => ({ today: shippingDates().today, requestId: id });

  app.post('/api/v1/purchasing/requisitions', { config: write, schema: { tags, body: RequisitionInput } },
    async (req, reply) => reply.status(201).send(await createRequisition(db, actorOf(req), req.body, ctx(req.id))));
  app.get('/api/v1/purchasing/requisitions', { config: read, schema: { tags, querystring: RequisitionQuery } }, async (req) => {
    const { limit = 50, offset = 0, status } = req.query;
    return { ...(await readTx(db, (tx) => listRequisitions(tx, { status, limit, offset }))), limit, offset };
  });
  app.get('/api/v1/purchasing/requisitions/:id', { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => loadRequisition(tx, req.params.id)));
  app.post('/api/v1/purchasing/requisitions/:id/approve', { config: write, schema: { tags, params: IdParams } },
    async (req) => changeRequisitionStatus(db, actorOf(req), req.params.id, 'approve', {}, req.id));
  app.post('/api/v1/purchasing/requisitions/:id/cancel', { config: write, schema: { tags, params: IdParams, body: CancelInput } },
    async (req) => changeRequisitionStatus(db, actorOf(req), req.params.id, 'cancel', req.body, req.id));
  app.post('/api/v1/purchasing/requisitions/convert', { config: write, schema: { tags, body: ConvertInput } },
    async (req, reply) => reply.status(201).send({ purchaseOrders: await convertRequisitions(db, actorOf(req), req.body, ctx(req.id)) }));

  app.post('/api/v1/purchase-orders', { config: write, schema: { tags, body: PurchaseOrderInput } },
    async (req, reply) => reply.status(201).send(await createPurchaseOrder(db, actorOf(req), req.body, ctx(req.id))));
  app.get('/api/v1/purchase-orders', { config: read, schema: { tags, querystring: PurchaseOrderQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listPurchaseOrders(tx, { ...filters, limit, offset }))), limit, offset };
  });
  app.get('/api/v1/purchase-orders/:id', { config: read, schema: { tags, params: IdParams } }, async (req) => readTx(db, (tx) => getPurchaseOrder(tx, req.params.id)));
  for (const action of ['approve', 'send'] as const) {
    app.post(`/api/v1/purchase-orders/:id/${action}`, { config: write, schema: { tags, params: IdParams } },
      async (req) => changePurchaseOrderStatus(db, actorOf(req), req.params.id, action, {}, ctx(req.id)));
  }
  app.post('/api/v1/purchase-orders/:id/cancel', { config: write, schema: { tags, params: IdParams, body: CancelInput } },
    async (req) => changePurchaseOrderStatus(db, actorOf(req), req.params.id, 'cancel', req.body, ctx(req.id)));

  app.post('/api/v1/purchase-orders/:id/receipts', { config: { permission: 'inventory.write' }, schema: { tags, params: IdParams, body: PoReceiptInput } }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', `/api/v1/purchase-orders/${req.params.id}/receipts`, req.body), status: 201 },
      (w) => receivePurchaseOrder(w, req.params.id, req.body, { today: shippingDates().today, now: new Date() }));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });
  app.get('/api/v1/purchase-orders/:id/inspections', { config: stockRead, schema: { tags, params: IdParams } },
    async (req) => ({ items: await readTx(db, async (tx) => listInspections(tx, { purchaseOrderId: (await getPurchaseOrder(tx, req.params.id)).id })) }));

  app.put('/api/v1/purchasing/sampling-plans', { config: quality, schema: { tags, body: SamplingPlanInput } },
    async (req) => setSamplingPlan(db, actorOf(req), req.body, req.id));
  app.get('/api/v1/purchasing/inspections', { config: stockRead, schema: { tags, querystring: InspectionQuery } },
    async (req) => ({ items: await readTx(db, (tx) => listInspections(tx, req.query)) }));
  app.get('/api/v1/purchasing/inspections/:id', { config: stockRead, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => loadInspection(tx, req.params.id)));
  app.post('/api/v1/purchasing/inspections/:id/result', { config: quality, schema: { tags, params: IdParams, body: InspectionResultInput } },
    async (req) => recordInspectionResult(db, actorOf(req), req.params.id, req.body, ctx(req.id)));
  app.post('/api/v1/purchasing/inspections/:id/decision', { config: quality, schema: { tags, params: IdParams, body: InspectionDecisionInput } },
    async (req) => decideInspection(db, actorOf(req), req.params.id, req.body, { ...shippingDates(), requestId: req.id }));
}

