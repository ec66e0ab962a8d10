import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { addPackaging } from './add-packaging.ts';
import { createDevice } from './create-device.ts';
import { DeactivateInput, DeviceInput, DeviceListQuery, DevicePatch, GTIN_INPUT_PATTERN, PackagingHibccInput, PackagingInput, RegistrationExpiryQuery, ScanInput } from './device-schemas.ts';
import { doc } from '../../platform/schema-doc.ts';
import { getDevice } from './get-device.ts';
import { listDevices } from './list-devices.ts';
import { listExpiringRegistrations, today } from './list-expiring-registrations.ts';
import { removePackaging } from './remove-packaging.ts';
import { resolveScan } from './resolve-scan.ts';
import { setPackagingHibcc } from './set-packaging-hibcc.ts';
import { deactivateDevice, updateDevice } from './update-device.ts';
import { DeviceDetailAnswer, DevicePage } from './device-answer-schemas.ts';

const tags = ['catalog'];
const GtinParams = Type.Object({
  id: IdParams.properties.id,
  gtin: Type.String({ pattern: GTIN_INPUT_PATTERN, ...doc('GTIN of the packaging level (8, 12, 13 or 14 digits)', '包装层级 GTIN') }),
});

export function registerCatalogRoutes(app: App, { db }: AppDeps): void {
  const read = { permission: 'catalog.read' };
  const write = { permission: 'catalog.write' };

  app.post('/api/v1/devices', { config: write, schema: { tags, body: DeviceInput, response: { 201: DeviceDetailAnswer } } },
    async (req, reply) => reply.status(201).send(await createDevice(db, actorOf(req), req.body, req.id)));

  app.get('/api/v1/devices', { config: read, schema: { tags, querystring: DeviceListQuery, response: { 200: DevicePage } } }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listDevices(tx, { ...filters, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/devices/registration-expiry', { config: read, schema: { tags, querystring: RegistrationExpiryQuery } }, async (req) => {
    const { within = 90, asOf = today(), limit = 50, offset = 0 } = req.query;
    return { ...(await readTx(db, (tx) => listExpiringRegistrations(tx, { within, asOf, limit, offset }))), within, asOf, limit, offset };
  });

  app.get('/api/v1/devices/:id', { config: read, schema: { tags, params: IdParams, response: { 200: DeviceDetailAnswer } } }, async (req) => getDevice(db, req.params.id));

  app.patch('/api/v1/devices/:id', { config: write, schema: { tags, params: IdParams, body: DevicePatch } },
    async (req) => updateDevice(db, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/devices/:id/deactivate', { config: write, schema: { tags, params: IdParams, body: DeactivateInput } },
    async (req) => deactivateDevice(db, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/devices/:id/packaging', { config: write, schema: { tags, params: IdParams, body: PackagingInput } },
    async (req, reply) => reply.status(201).send(await addPackaging(db, actorOf(req), req.params.id, req.body, req.id)));

  app.patch('/api/v1/devices/:id/packaging/:gtin', { config: write, schema: { tags, params: GtinParams, body: PackagingHibccInput, response: { 200: DeviceDetailAnswer } } },
    async (req) => setPackagingHibcc(db, actorOf(req), req.params.id, req.params.gtin, req.body, req.id));

  app.delete('/api/v1/devices/:id/packaging/:gtin', { config: write, schema: { tags, params: GtinParams } },
    async (req) => removePackaging(db, actorOf(req), req.params.id, req.params.gtin, req.id));

  app.post('/api/v1/udi/resolve', { config: { permission: 'udi.parse' }, schema: { tags: ['udi'], body: ScanInput } },
    async (req) => resolveScan(db, req.body.scan));
}
