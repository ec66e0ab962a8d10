import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { invalid } from '../../platform/errors.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { readerFor } from '../../platform/http/read-replica.ts';
import { lotByGtin } from './find-lot.ts';
import { traceCustomerLots } from './trace-customer-lots.ts';
import { traceLot } from './trace-lot.ts';
import { traceOrder } from './trace-order.ts';
import { traceScan } from './trace-scan.ts';
import { traceSerial } from './trace-serial.ts';
import { CustomerLotsQuery, LotTraceQuery, OrderRefParams, ScanTraceQuery, SerialTraceQuery } from './trace-schemas.ts';
import { LotTraceAnswer, OrderTraceAnswer, ScanTraceAnswer, SerialTraceAnswer } from './trace-answer-schemas.ts';

const config = { permission: 'trace.read' };
const tags = ['trace'];

/** Traceability both ways: lot → consignees, order → lots/serials/UDIs, serial history, scan, customer → lots. */
export function registerTraceRoutes(app: App, { db: primary, replica }: AppDeps): void {
  // Trace is read-only and may lag a moment: the replica serves it when there is one.
  const reader = (req: Parameters<typeof readerFor>[1]) => readerFor({ primary, replica }, req);

  app.get('/api/v1/trace/lots', { config, schema: { tags, querystring: LotTraceQuery, response: { 200: LotTraceAnswer } } }, async (req) => {
    const { gtin, lot, lotId } = req.query;
    if (lotId === undefined && gtin === undefined) throw invalid('gtin', 'give gtin and lot, or lotId');
    if (lotId === undefined && lot === undefined) throw invalid('lot', 'give the lot number with the gtin');
    return readTx(await reader(req), async (tx) => traceLot(tx, actorOf(req), lotId ?? (await lotByGtin(tx, gtin!, lot!))));
  });

  app.get('/api/v1/trace/lots/:id', { config, schema: { tags, params: IdParams, response: { 200: LotTraceAnswer } } },
    async (req) => readTx(await reader(req), (tx) => traceLot(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/trace/orders/:id', { config, schema: { tags, params: OrderRefParams, response: { 200: OrderTraceAnswer } } },
    async (req) => readTx(await reader(req), (tx) => traceOrder(tx, actorOf(req), req.params.id)));

  app.get('/api/v1/trace/serials', { config, schema: { tags, querystring: SerialTraceQuery, response: { 200: SerialTraceAnswer } } },
    async (req) => readTx(await reader(req), (tx) => traceSerial(tx, actorOf(req), req.query.gtin, req.query.serial)));

  app.get('/api/v1/trace/scan', { config, schema: { tags, querystring: ScanTraceQuery, response: { 200: ScanTraceAnswer } } },
    async (req) => readTx(await reader(req), (tx) => traceScan(tx, actorOf(req), req.query.code)));

  app.get('/api/v1/trace/customers/:id/lots', { config, schema: { tags, params: IdParams, querystring: CustomerLotsQuery } }, async (req) => {
    const { held = false, limit = 50, offset = 0 } = req.query;
    return readTx(await reader(req), (tx) => traceCustomerLots(tx, actorOf(req), req.params.id, { held, limit, offset }));
  });
}
