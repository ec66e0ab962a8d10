import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { DateString, IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { LicenceInput, LicencePatch } from './licence-schemas.ts';
import { addLicence, removeLicence, updateLicence } from './party-licences.ts';
import { getPartyLicence, getPartyLicences } from './list-licences.ts';
import { listExpiringLicences } from './list-expiring-licences.ts';
import { getMayReceive } from './check-may-receive.ts';
import { ExpiringLicencePage } from './party-answer-schemas.ts';

const read = { permission: 'parties.read' } as const;
const write = { permission: 'parties.write' } as const;
const tags = ['licences'];
const uuid = Type.String({ format: 'uuid' });
const LicenceParams = Type.Object({ id: uuid, licenceId: uuid });
const ExpiringQuery = Type.Object({
  within: Type.Union([Type.Literal(30), Type.Literal(60), Type.Literal(90)], { description: 'days ahead: 30, 60 or 90' }),
  asOf: Type.Optional(DateString({ description: 'the day to count from (default: today)' })),
  kind: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('supplier')])),
  ...PageQuery,
});
const MayReceiveQuery = Type.Object({
  deviceId: uuid,
  date: DateString({ description: 'the day the goods would be received' }),
  shipToId: Type.Optional(Type.String({ format: 'uuid', description: 'the ship-to address (default: the default ship-to)' })),
});

/** Licences of customers and suppliers, the licences expiring soon, and the may-receive check. */
export function registerLicenceRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/parties/:id/licences', { config: read, schema: { tags, params: IdParams } },
    async (req) => ({ items: await getPartyLicences(db, actorOf(req), req.params.id) }));
  app.get('/api/v1/parties/:id/licences/:licenceId', { config: read, schema: { tags, params: LicenceParams } },
    async (req) => getPartyLicence(db, actorOf(req), req.params.id, req.params.licenceId));
  app.post('/api/v1/parties/:id/licences', { config: write, schema: { tags, params: IdParams, body: LicenceInput } },
    async (req, reply) => reply.status(201).send(await addLicence(db, actorOf(req), req.params.id, req.body, req.id)));
  app.patch('/api/v1/parties/:id/licences/:licenceId', { config: write, schema: { tags, params: LicenceParams, body: LicencePatch } },
    async (req) => updateLicence(db, actorOf(req), req.params.id, req.params.licenceId, req.body, req.id));
  app.delete('/api/v1/parties/:id/licences/:licenceId', { config: write, schema: { tags, params: LicenceParams } },
    async (req, reply) => reply.status(204).send(await removeLicence(db, actorOf(req), req.params.id, req.params.licenceId, req.id)));

  app.get('/api/v1/licences/expiring', { config: read, schema: { tags, querystring: ExpiringQuery, response: { 200: ExpiringLicencePage } } }, async (req) => {
    const { limit = 50, offset = 0, ...q } = req.query;
    return { ...(await readTx(db, (tx) => listExpiringLicences(tx, actorOf(req), { ...q, limit, offset }))), limit, offset };
  });

  app.get('/api/v1/parties/:id/may-receive', { config: read, schema: { tags, params: IdParams, querystring: MayReceiveQuery } },
    async (req) => getMayReceive(db, actorOf(req), req.params.id, req.query.deviceId, req.query.date, req.query.shipToId));
}
