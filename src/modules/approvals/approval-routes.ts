import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { ApprovalListQuery, DecisionBody, DelegationBody, TaskParams } from './approval-schemas.ts';
import { decideTask } from './decide-task.ts';
import { getApproval, listApprovals } from './get-approval.ts';
import { listInbox } from './list-inbox.ts';
import { createDelegation, listDelegations, revokeDelegation } from './manage-delegations.ts';
import { verifySignature } from './verify-signature.ts';
import { DecisionAnswer, InboxAnswer } from './approval-answer-schemas.ts';

export function registerApprovalTaskRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/approvals/inbox', { config: { permission: 'approvals.decide' }, schema: { tags: ['approvals'], response: { 200: InboxAnswer } } },
    async (req) => readTx(db, (tx) => listInbox(tx, actorOf(req))));

  app.get('/api/v1/approvals', { config: { permission: 'approvals.read' }, schema: { tags: ['approvals'], querystring: ApprovalListQuery } },
    async (req) => readTx(db, (tx) => listApprovals(tx, { ...req.query, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 })));

  app.get('/api/v1/approvals/:id', { config: { permission: 'approvals.read' }, schema: { tags: ['approvals'], params: IdParams } },
    async (req) => readTx(db, (tx) => getApproval(tx, req.params.id)));

  app.post('/api/v1/approvals/tasks/:taskId/decide', {
    config: { permission: 'approvals.decide' }, schema: { tags: ['approvals'], params: TaskParams, body: DecisionBody, response: { 200: DecisionAnswer } },
  }, async (req) => decideTask(db, actorOf(req), req.params.taskId, req.body, { sessionToken: req.sessionToken, requestId: req.id }));

  app.get('/api/v1/approvals/signatures/:id/verify', { config: { permission: 'approvals.read' }, schema: { tags: ['approvals'], params: IdParams } },
    async (req) => readTx(db, (tx) => verifySignature(tx, req.params.id)));

  app.get('/api/v1/delegations', { config: { permission: 'approvals.decide' }, schema: { tags: ['approvals'] } },
    async (req) => readTx(db, (tx) => listDelegations(tx, actorOf(req))));

  app.post('/api/v1/delegations', { config: { permission: 'approvals.decide' }, schema: { tags: ['approvals'], body: DelegationBody } },
    async (req, reply) => reply.status(201).send(await createDelegation(db, actorOf(req), req.body, req.id)));

  app.post('/api/v1/delegations/:id/revoke', { config: { permission: 'approvals.decide' }, schema: { tags: ['approvals'], params: IdParams } },
    async (req) => revokeDelegation(db, actorOf(req), req.params.id, req.id));
}
