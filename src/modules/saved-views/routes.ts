import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { SavedViewInput, SavedViewPatch, SavedViewQuery } from './saved-view-schemas.ts';
import { listSavedViews } from './list-saved-views.ts';
import { createSavedView } from './create-saved-view.ts';
import { updateSavedView } from './update-saved-view.ts';
import { deleteSavedView } from './delete-saved-view.ts';
import { SavedViewAnswer, SavedViewsAnswer } from './saved-view-answer-schemas.ts';

// Views of the order list are for whoever may read orders; a view is the user's own, so no further permission.
const config = { permission: 'orders.read' } as const;
const tags = ['saved-views'];

export function registerSavedViewRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/saved-views', { config, schema: { tags, querystring: SavedViewQuery, response: { 200: SavedViewsAnswer } } },
    async (req) => readTx(db, (tx) => listSavedViews(tx, actorOf(req), req.query.screen)));

  app.post('/api/v1/saved-views', { config, schema: { tags, body: SavedViewInput, response: { 201: SavedViewAnswer } } },
    async (req, reply) => reply.status(201).send(await createSavedView(db, actorOf(req), req.body, req.id)));

  app.patch('/api/v1/saved-views/:id', { config, schema: { tags, params: IdParams, body: SavedViewPatch, response: { 200: SavedViewAnswer } } },
    async (req) => updateSavedView(db, actorOf(req), req.params.id, req.body, req.id));

  app.delete('/api/v1/saved-views/:id', { config, schema: { tags, params: IdParams } },
    async (req, reply) => reply.status(204).send(await deleteSavedView(db, actorOf(req), req.params.id, req.id)));
}
