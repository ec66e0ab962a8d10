import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { countNotifications, listNotifications } from './list-notifications.ts';
import { markAllRead, markRead } from './mark-read.ts';

/** Each signed-in user reads only their own notifications. */
export function registerNotificationRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/notifications', {
    config: { permission: 'authenticated' },
    schema: { tags: ['notifications'], querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...PageQuery }) },
  }, async (req) => readTx(db, (tx) => listNotifications(tx, actorOf(req), { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));

  app.get('/api/v1/notifications/unread-count', { config: { permission: 'authenticated' }, schema: { tags: ['notifications'] } },
    async (req) => readTx(db, async (tx) => ({ unread: (await countNotifications(tx, actorOf(req))).unread })));

  app.post('/api/v1/notifications/:id/read', { config: { permission: 'authenticated' }, schema: { tags: ['notifications'], params: IdParams } },
    async (req) => markRead(db, actorOf(req), req.params.id, req.id));

  app.post('/api/v1/notifications/read-all', { config: { permission: 'authenticated' }, schema: { tags: ['notifications'] } },
    async (req) => markAllRead(db, actorOf(req), req.id));
}
