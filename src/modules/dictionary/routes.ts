import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { doc } from '../../platform/schema-doc.ts';
import { buildDictionary } from './build-dictionary.ts';
import { getLineage } from './get-lineage.ts';

const tags = ['dictionary'];

const DictionaryQuery = Type.Object({
  entity: Type.Optional(Type.String({ pattern: '^[a-z_]{1,40}$', ...doc('only this entity (device, party, licence …)', '实体') })),
});

const LineageParams = Type.Object({
  entity: Type.String({ pattern: '^[a-z_]{1,40}$', ...doc('the entity: device, party, licence, price_list, price_list_line, contract, warehouse, warehouse_zone, warehouse_bin', '实体') }),
  id: Type.String({ format: 'uuid', ...doc('the record id', '记录 ID') }),
});

export function registerDictionaryRoutes(app: App, { db }: AppDeps): void {
  // Built once: the schemas do not change while the server runs.
  const dictionary = buildDictionary();

  app.get('/api/v1/dictionary', { config: { permission: 'authenticated' }, schema: { tags, querystring: DictionaryQuery } }, async (req) => ({
    entities: req.query.entity ? dictionary.filter((e) => e.entity === req.query.entity) : dictionary,
  }));

  app.get('/api/v1/dictionary/lineage/:entity/:id', { config: { permission: 'audit.read' }, schema: { tags, params: LineageParams } },
    async (req) => getLineage(db, actorOf(req), req.params.entity, req.params.id));
}
