import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { PartyInput, PartyKind } from './party-schemas.ts';
import { ActivationInput, PartyPatch } from './party-patch-schemas.ts';
import { createParty } from './create-party.ts';
import { getParty } from './get-party.ts';
import { listParties } from './list-parties.ts';
import { updateParty } from './update-party.ts';
import { setPartyActive } from './set-party-active.ts';
import { registerPartyChildRoutes } from './party-child-routes.ts';
import { registerLicenceRoutes } from './licence-routes.ts';
import { registerItemXrefRoutes } from './item-xref-routes.ts';
import { PartyDetailAnswer, PartyPage } from './party-answer-schemas.ts';

const read = { permission: 'parties.read' } as const;
const write = { permission: 'parties.write' } as const;
const tags = ['parties'];

export function registerPartyRoutes(app: App, deps: AppDeps): void {
  const { db, crypto } = deps;
  app.post('/api/v1/parties', { config: write, schema: { tags, body: PartyInput } },
    async (req, reply) => reply.status(201).send(await createParty(db, crypto, actorOf(req), req.body, req.id)));

  app.get('/api/v1/parties', {
    config: read,
    schema: {
      tags,
      querystring: Type.Object({
        kind: Type.Optional(PartyKind),
        q: Type.Optional(Type.String({ maxLength: 100 })),
        active: Type.Optional(Type.Boolean()),
        ...PageQuery,
      }),
      response: { 200: PartyPage },
    },
  }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    const page = await readTx(db, (tx) => listParties(tx, actorOf(req), { limit, offset, ...filters }));
    return { ...page, limit, offset };
  });

  app.get('/api/v1/parties/:id', { config: read, schema: { tags, params: IdParams, response: { 200: PartyDetailAnswer } } },
    async (req) => getParty(db, crypto, actorOf(req), req.params.id, req.id));

  app.patch('/api/v1/parties/:id', { config: write, schema: { tags, params: IdParams, body: PartyPatch } },
    async (req) => updateParty(db, crypto, actorOf(req), req.params.id, req.body, req.id));

  app.post('/api/v1/parties/:id/deactivate', { config: write, schema: { tags, params: IdParams, body: ActivationInput } },
    async (req) => setPartyActive(db, actorOf(req), req.params.id, false, req.body, req.id));

  app.post('/api/v1/parties/:id/reactivate', { config: write, schema: { tags, params: IdParams, body: ActivationInput } },
    async (req) => setPartyActive(db, actorOf(req), req.params.id, true, req.body, req.id));

  registerPartyChildRoutes(app, deps);
  registerLicenceRoutes(app, deps);
  registerItemXrefRoutes(app, deps);
}
