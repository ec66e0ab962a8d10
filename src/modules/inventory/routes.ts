import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { idempotentWrite, requestHash } from '../../platform/idempotency.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { addLotDocument } from './add-lot-document.ts';
import { registerAllocationRoutes } from './allocation-routes.ts';
import { changeLotStatus } from './change-lot-status.ts';
import { getLot } from './get-lot.ts';
import { getSerialHistory } from './get-serial-history.ts';
import { LotDocumentInput, NearExpiryQuery, ReasonedDecision, ReceiptInput, SignedDecision, StockQuery, TransferInput } from './inventory-schemas.ts';
import { listLots } from './list-lots.ts';
import { listNearExpiry } from './list-near-expiry.ts';
import { listStock } from './list-stock.ts';
import { receiveStockIn } from './receive-stock.ts';
import { shippingDates } from './shipping-clock.ts';
import { transferStock } from './transfer-stock.ts';
import { LotAnswer, NearExpiryAnswer, StockPage } from './inventory-answer-schemas.ts';

const tags = ['inventory'];
const LotQuery = Type.Object({
  deviceId: StockQuery.properties.deviceId, lotNumber: StockQuery.properties.lotNumber, status: StockQuery.properties.status,
  limit: StockQuery.properties.limit, offset: StockQuery.properties.offset,
}, { additionalProperties: false });
const SerialParams = Type.Object({ serial: Type.String({ pattern: '^[!-~]{1,20}$' }) });

/** Stock, lots, serials, receiving and the quality decisions on lots; allocation in allocation-routes.ts. */
export function registerInventoryRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  registerAllocationRoutes(app, deps);
  const read = { permission: 'inventory.read' };
  const write = { permission: 'inventory.write' };
  const quality = { permission: 'quality.release' };

  app.post('/api/v1/inventory/receipts', { config: write, schema: { tags, body: ReceiptInput } }, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const r = await idempotentWrite(db, { actor: actorOf(req), requestId: req.id },
      { key: typeof key === 'string' ? key : undefined, requestHash: requestHash('POST', '/api/v1/inventory/receipts', req.body), status: 201 },
      (w) => receiveStockIn(w, req.body, { today: shippingDates().today, now: new Date() }));
    if (r.replayed) void reply.header('idempotent-replayed', 'true');
    return reply.status(r.status).send(r.body);
  });

  app.get('/api/v1/inventory/stock', { config: read, schema: { tags, querystring: StockQuery, response: { 200: StockPage } } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listStock(tx, { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/inventory/near-expiry', { config: read, schema: { tags, querystring: NearExpiryQuery, response: { 200: NearExpiryAnswer } } },
    async (req) => readTx(db, (tx) => listNearExpiry(tx, { today: req.query.today ?? shippingDates().today, warehouseId: req.query.warehouseId })));

  app.get('/api/v1/inventory/lots', { config: read, schema: { tags, querystring: LotQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listLots(tx, { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/inventory/lots/:id', { config: read, schema: { tags, params: IdParams, response: { 200: LotAnswer } } }, async (req) => readTx(db, (tx) => getLot(tx, req.params.id)));

  app.post('/api/v1/inventory/lots/:id/documents', { config: { permission: ['inventory.write', 'quality.release'] }, schema: { tags, params: IdParams, body: LotDocumentInput } }, async (req, reply) => {
    return reply.status(201).send(await addLotDocument(db, actorOf(req), req.params.id, req.body, req.id));
  });

  for (const action of ['release', 'reject'] as const) {
    app.post(`/api/v1/inventory/lots/:id/${action}`, { config: quality, schema: { tags, params: IdParams, body: SignedDecision } }, async (req) => {
      const { password, meaning, reason } = req.body;
      return changeLotStatus(db, actorOf(req), req.params.id, action, { reason, signature: { password, meaning } }, { ...shippingDates(), requestId: req.id });
    });
  }
  for (const action of ['block', 'recall'] as const) {
    app.post(`/api/v1/inventory/lots/:id/${action}`, { config: quality, schema: { tags, params: IdParams, body: ReasonedDecision } },
      async (req) => changeLotStatus(db, actorOf(req), req.params.id, action, { reason: req.body.reason }, { ...shippingDates(), requestId: req.id }));
  }

  app.get('/api/v1/inventory/serials/:serial', {
    config: read, schema: { tags, params: SerialParams, querystring: Type.Object({ deviceId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }) },
  }, async (req) => readTx(db, (tx) => getSerialHistory(tx, actorOf(req), req.params.serial, req.query.deviceId)));

  app.post('/api/v1/inventory/transfers', { config: write, schema: { tags, body: TransferInput } },
    async (req, reply) => reply.status(201).send(await transferStock(db, actorOf(req), req.body, req.id)));
}
