import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { PageQuery } from '../../platform/http/schemas.ts';
import { listOutbox, retryDeadEvent } from './outbox-queries.ts';

export function registerOutboxRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/outbox', {
    config: { permission: 'outbox.read' },
    schema: {
      tags: ['outbox'],
      querystring: Type.Object({
        status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('dead')])),
        ...PageQuery,
      }),
    },
  }, async (req) => listOutbox(db, { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0, ...(req.query.status ? { status: req.query.status } : {}) }));

  app.post('/api/v1/outbox/:id/retry', {
    config: { permission: 'outbox.manage' },
    schema: { tags: ['outbox'], params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) },
  }, async (req) => {
    await retryDeadEvent(db, actorOf(req), req.params.id, req.id);
    return { ok: true };
  });
}
