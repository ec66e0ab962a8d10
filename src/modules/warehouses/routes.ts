import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { DeactivateInput } from '../catalog/device-schemas.ts';
import { doc } from '../../platform/schema-doc.ts';
import { createBin } from './create-bin.ts';
import { createWarehouse } from './create-warehouse.ts';
import { createZone } from './create-zone.ts';
import { getWarehouse } from './get-warehouse.ts';
import { listBins } from './list-bins.ts';
import { listWarehouses } from './list-warehouses.ts';
import { deactivateBin, updateBin } from './update-bin.ts';
import { deactivateWarehouse, updateWarehouse } from './update-warehouse.ts';
import { deactivateZone, updateZone } from './update-zone.ts';
import { BinInput, BinListQuery, BinPatch, WarehouseInput, WarehouseListQuery, WarehousePatch, ZoneInput, ZonePatch } from './warehouse-schemas.ts';

const tags = ['warehouses'];
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const ZoneParams = Type.Object({ id: IdParams.properties.id, zoneId: uuid('zone id', '库区 ID') });
const BinParams = Type.Object({ id: IdParams.properties.id, binId: uuid('bin id', '货位 ID') });

export function registerWarehouseRoutes(app: App, { db }: AppDeps): void {
  const read = { permission: 'warehouses.read' };
  const write = { permission: 'warehouses.write' };

  app.post('/api/v1/warehouses', { config: write, schema: { tags, body: WarehouseInput } },
    async (req, reply) => reply.status(201).send(await createWarehouse(db, actorOf(req), req.body, req.id)));

  app.get('/api/v1/warehouses', { config: read, schema: { tags, querystring: WarehouseListQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listWarehouses(tx, { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/warehouses/:id', { config: read, schema: { tags, params: IdParams } }, async (req) => getWarehouse(db, req.params.id));

  app.patch('/api/v1/warehouses/:id', { config: write, schema: { tags, params: IdParams, body: WarehousePatch } },
    async (req) => updateWarehouse(db, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/warehouses/:id/deactivate', { config: write, schema: { tags, params: IdParams, body: DeactivateInput } },
    async (req) => deactivateWarehouse(db, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/warehouses/:id/zones', { config: write, schema: { tags, params: IdParams, body: ZoneInput } },
    async (req, reply) => reply.status(201).send(await createZone(db, actorOf(req), req.params.id, req.body, req.id)));

  app.patch('/api/v1/warehouses/:id/zones/:zoneId', { config: write, schema: { tags, params: ZoneParams, body: ZonePatch } },
    async (req) => updateZone(db, actorOf(req), req.params.id, req.params.zoneId, req.body, req.id));

  app.post('/api/v1/warehouses/:id/zones/:zoneId/deactivate', { config: write, schema: { tags, params: ZoneParams, body: DeactivateInput } },
    async (req) => deactivateZone(db, actorOf(req), req.params.id, req.params.zoneId, req.body, req.id));

  app.get('/api/v1/warehouses/:id/bins', { config: read, schema: { tags, params: IdParams, querystring: BinListQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listBins(tx, req.params.id, { ...filters, limit, offset }))), limit, offset };
  });

  app.post('/api/v1/warehouses/:id/bins', { config: write, schema: { tags, params: IdParams, body: BinInput } },
    async (req, reply) => reply.status(201).send(await createBin(db, actorOf(req), req.params.id, req.body, req.id)));

  app.patch('/api/v1/warehouses/:id/bins/:binId', { config: write, schema: { tags, params: BinParams, body: BinPatch } },
    async (req) => updateBin(db, actorOf(req), req.params.id, req.params.binId, req.body, req.id));

  app.post('/api/v1/warehouses/:id/bins/:binId/deactivate', { config: write, schema: { tags, params: BinParams, body: DeactivateInput } },
    async (req) => deactivateBin(db, actorOf(req), req.params.id, req.params.binId, req.body, req.id));
}
