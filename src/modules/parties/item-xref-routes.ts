import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { ItemXrefInput, ItemXrefPatch } from './item-xref-schemas.ts';
import { addItemXref, removeItemXref, updateItemXref } from './item-xrefs.ts';
import { getItemXref, listItemXrefs } from './list-item-xrefs.ts';

const read = { permission: 'parties.read' } as const;
const write = { permission: 'parties.write' } as const;
const tags = ['parties'];
const XrefParams = Type.Object({ id: Type.String({ format: 'uuid' }), xrefId: Type.String({ format: 'uuid' }) });
const XrefQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 64, description: "part of the partner's item code" })),
  deviceId: Type.Optional(Type.String({ format: 'uuid' })),
  ...PageQuery,
});

/** A customer's or supplier's item codes mapped to our devices and packaging levels. */
export function registerItemXrefRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/parties/:id/item-xrefs', { config: read, schema: { tags, params: IdParams, querystring: XrefQuery } }, async (req) => {
    const { limit = 50, offset = 0, ...q } = req.query;
    return { ...(await listItemXrefs(db, actorOf(req), req.params.id, { ...q, limit, offset })), limit, offset };
  });
  app.get('/api/v1/parties/:id/item-xrefs/:xrefId', { config: read, schema: { tags, params: XrefParams } },
    async (req) => getItemXref(db, actorOf(req), req.params.id, req.params.xrefId));
  app.post('/api/v1/parties/:id/item-xrefs', { config: write, schema: { tags, params: IdParams, body: ItemXrefInput } },
    async (req, reply) => reply.status(201).send(await addItemXref(db, actorOf(req), req.params.id, req.body, req.id)));
  app.patch('/api/v1/parties/:id/item-xrefs/:xrefId', { config: write, schema: { tags, params: XrefParams, body: ItemXrefPatch } },
    async (req) => updateItemXref(db, actorOf(req), req.params.id, req.params.xrefId, req.body, req.id));
  app.delete('/api/v1/parties/:id/item-xrefs/:xrefId', { config: write, schema: { tags, params: XrefParams } },
    async (req, reply) => reply.status(204).send(await removeItemXref(db, actorOf(req), req.params.id, req.params.xrefId, req.id)));
}
