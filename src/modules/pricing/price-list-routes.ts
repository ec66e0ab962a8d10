import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { addPriceListLineIn } from './add-price-list-line.ts';
import { createPriceListIn } from './create-price-list.ts';
import { replyCreated } from './created-reply.ts';
import { getPriceList } from './get-price-list.ts';
import { listPriceListLines } from './list-price-list-lines.ts';
import { listPriceLists } from './list-price-lists.ts';
import { ChannelSchema, PriceListInput, PriceListLineInput, PriceListLineUpdate, PriceListUpdate } from './price-list-schemas.ts';
import { removePriceListLine } from './remove-price-list-line.ts';
import { updatePriceListLine } from './update-price-list-line.ts';
import { updatePriceList } from './update-price-list.ts';
import { CreatedPriceList, PriceListPage } from './pricing-answer-schemas.ts';

const tags = ['pricing'];
const LineParams = Type.Object({ id: Type.String({ format: 'uuid' }), lineId: Type.String({ format: 'uuid' }) });
const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(ChannelSchema('lists limited to this channel', '渠道')),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  customerId: Type.Optional(Type.String({ format: 'uuid' })),
  active: Type.Optional(Type.Boolean()),
  ...PageQuery,
});

export function registerPriceListRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/price-lists', { config: { permission: 'pricing.read' }, schema: { tags, querystring: ListQuery, response: { 200: PriceListPage } } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listPriceLists(tx, actorOf(req), { ...filters, limit, offset }))), limit, offset };
  });

  app.post('/api/v1/price-lists', { config: { permission: 'pricing.write' }, schema: { tags, body: PriceListInput, response: { 201: CreatedPriceList } } },
    async (req, reply) => replyCreated(db, req, reply, (w) => createPriceListIn(w, req.body)));

  app.get('/api/v1/price-lists/:id', { config: { permission: 'pricing.read' }, schema: { tags, params: IdParams } },
    async (req) => getPriceList(db, actorOf(req), req.params.id));

  app.patch('/api/v1/price-lists/:id', { config: { permission: 'pricing.write' }, schema: { tags, params: IdParams, body: PriceListUpdate } },
    async (req) => updatePriceList(db, actorOf(req), req.params.id, req.body, req.id));

  app.get('/api/v1/price-lists/:id/lines', {
    config: { permission: 'pricing.read' },
    schema: { tags, params: IdParams, querystring: Type.Object({ deviceId: Type.Optional(Type.String({ format: 'uuid' })), ...PageQuery }) },
  }, async (req) => {
    const { limit = 50, offset = 0, deviceId } = req.query;
    const page = await readTx(db, (tx) => listPriceListLines(tx, actorOf(req), req.params.id, { limit, offset, ...(deviceId ? { deviceId } : {}) }));
    return { ...page, limit, offset };
  });

  app.post('/api/v1/price-lists/:id/lines', { config: { permission: 'pricing.write' }, schema: { tags, params: IdParams, body: PriceListLineInput } },
    async (req, reply) => replyCreated(db, req, reply, (w) => addPriceListLineIn(w, req.params.id, req.body)));

  app.patch('/api/v1/price-lists/:id/lines/:lineId', { config: { permission: 'pricing.write' }, schema: { tags, params: LineParams, body: PriceListLineUpdate } },
    async (req) => updatePriceListLine(db, actorOf(req), req.params.id, req.params.lineId, req.body, req.id));

  app.delete('/api/v1/price-lists/:id/lines/:lineId', { config: { permission: 'pricing.write' }, schema: { tags, params: LineParams } },
    async (req, reply) => {
      await removePriceListLine(db, actorOf(req), req.params.id, req.params.lineId, req.id);
      return reply.status(204).send();
    });
}
