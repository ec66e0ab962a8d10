import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { PartyInput } from './party-schemas.ts';
import { createParty } from './create-party.ts';
import { getParty } from './get-party.ts';
import { listParties } from './list-parties.ts';

export function registerPartyRoutes(app: App, { db, crypto }: AppDeps): void {
  app.post('/api/v1/parties', { config: { permission: 'parties.write' }, schema: { tags: ['parties'], body: PartyInput } },
    async (req, reply) => reply.status(201).send(await createParty(db, crypto, actorOf(req), req.body, req.id)));

  app.get('/api/v1/parties', {
    config: { permission: 'parties.read' },
    schema: {
      tags: ['parties'],
      querystring: Type.Object({
        kind: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('supplier'), Type.Literal('carrier')])),
        q: Type.Optional(Type.String({ maxLength: 100 })),
        ...PageQuery,
      }),
    },
  }, async (req) => {
    const { limit = 50, offset = 0, kind, q } = req.query;
    const page = await readTx(db, (tx) => listParties(tx, actorOf(req), { limit, offset, ...(kind ? { kind } : {}), ...(q ? { q } : {}) }));
    return { ...page, limit, offset };
  });

  app.get('/api/v1/parties/:id', { config: { permission: 'parties.read' }, schema: { tags: ['parties'], params: IdParams } },
    async (req) => getParty(db, crypto, actorOf(req), req.params.id, req.id));
}
