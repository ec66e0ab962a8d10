import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { activateWorkflow, createWorkflowVersion, getWorkflow, listWorkflows } from './workflow-admin.ts';
import { WorkflowInput } from './workflow-schema.ts';
import { WorkflowsAnswer } from './approval-answer-schemas.ts';

export function registerWorkflowRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/workflows', { config: { permission: 'rules.manage' }, schema: { tags: ['approvals'], response: { 200: WorkflowsAnswer } } },
    async () => readTx(db, (tx) => listWorkflows(tx)));

  app.get('/api/v1/workflows/:ref', {
    config: { permission: 'rules.manage' },
    schema: { tags: ['approvals'], params: Type.Object({ ref: Type.String({ maxLength: 40, description: 'a version id, or a hold type for what is in force' }) }) },
  }, async (req) => readTx(db, (tx) => getWorkflow(tx, req.params.ref)));

  app.post('/api/v1/workflows', { config: { permission: 'rules.manage' }, schema: { tags: ['approvals'], body: WorkflowInput } },
    async (req, reply) => reply.status(201).send(await createWorkflowVersion(db, actorOf(req), req.body, req.id)));

  app.post('/api/v1/workflows/:id/activate', { config: { permission: 'rules.manage' }, schema: { tags: ['approvals'], params: IdParams } },
    async (req) => activateWorkflow(db, actorOf(req), req.params.id, req.id));
}
