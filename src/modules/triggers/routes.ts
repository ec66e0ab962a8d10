import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { getTrigger, listTriggers } from './get-trigger.ts';
import { createTrigger, deleteTrigger, replaceTrigger } from './save-trigger.ts';
import { TriggerInput } from './trigger-schema.ts';

export function registerTriggerRoutes(app: App, { db, crypto }: AppDeps): void {
  app.get('/api/v1/triggers', {
    config: { permission: 'rules.manage' },
    schema: { tags: ['triggers'], querystring: Type.Object({ topic: Type.Optional(Type.String({ maxLength: 80 })) }) },
  }, async (req) => readTx(db, (tx) => listTriggers(tx, req.query)));

  app.get('/api/v1/triggers/:id', { config: { permission: 'rules.manage' }, schema: { tags: ['triggers'], params: IdParams } },
    async (req) => readTx(db, (tx) => getTrigger(tx, req.params.id)));

  app.post('/api/v1/triggers', { config: { permission: 'rules.manage' }, schema: { tags: ['triggers'], body: TriggerInput } },
    async (req, reply) => reply.status(201).send(await createTrigger(db, crypto, actorOf(req), req.body, req.id)));

  app.put('/api/v1/triggers/:id', { config: { permission: 'rules.manage' }, schema: { tags: ['triggers'], params: IdParams, body: TriggerInput } },
    async (req) => replaceTrigger(db, crypto, actorOf(req), req.params.id, req.body, req.id));

  app.delete('/api/v1/triggers/:id', { config: { permission: 'rules.manage' }, schema: { tags: ['triggers'], params: IdParams } },
    async (req) => deleteTrigger(db, actorOf(req), req.params.id, req.id));
}
