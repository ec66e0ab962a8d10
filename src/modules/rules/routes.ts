import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { RuleSetInput } from './rule-schema.ts';
import { activateRuleSet, createRuleSetVersion, getRuleSet, listRuleSets } from './rule-set-admin.ts';
import { dryRunRuleSet } from '../orders/dry-run-rule-set.ts';
import { getOrderEvaluation } from '../orders/get-order-evaluation.ts';
import type { Rule } from './rule-types.ts';
import { DryRunAnswer, RuleSetAnswer, RuleSetsAnswer } from './rule-answer-schemas.ts';

export function registerRuleRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/rule-sets', { config: { permission: 'rules.read' }, schema: { tags: ['rules'], response: { 200: RuleSetsAnswer } } },
    async () => readTx(db, (tx) => listRuleSets(tx)));

  app.get('/api/v1/rule-sets/:id', { config: { permission: 'rules.read' }, schema: { tags: ['rules'], params: IdParams, response: { 200: RuleSetAnswer } } },
    async (req) => readTx(db, (tx) => getRuleSet(tx, req.params.id)));

  app.post('/api/v1/rule-sets', { config: { permission: 'rules.manage' }, schema: { tags: ['rules'], body: RuleSetInput } },
    async (req, reply) => reply.status(201).send(await createRuleSetVersion(db, actorOf(req), { ...req.body, rules: req.body.rules as Rule[] }, req.id)));

  app.post('/api/v1/rule-sets/:id/activate', { config: { permission: 'rules.manage' }, schema: { tags: ['rules'], params: IdParams } },
    async (req) => activateRuleSet(db, actorOf(req), req.params.id, req.id));

  app.post('/api/v1/rule-sets/:id/dry-run', {
    config: { permission: 'rules.manage' },
    schema: { tags: ['rules'], params: IdParams, body: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) }), response: { 200: DryRunAnswer } },
  }, async (req) => dryRunRuleSet(db, req.params.id, { limit: req.body.limit ?? 200 }));

  app.get('/api/v1/orders/:id/evaluation', { config: { permission: 'orders.read' }, schema: { tags: ['orders', 'rules'], params: IdParams } },
    async (req) => readTx(db, (tx) => getOrderEvaluation(tx, actorOf(req), req.params.id)));
}
