import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { ContractPriceInput, ContractUpdate } from './contract-schemas.ts';
import { createContractIn } from './create-contract.ts';
import { replyCreated } from './created-reply.ts';
import { getContract } from './get-contract.ts';
import { listContracts } from './list-contracts.ts';
import { updateContract } from './update-contract.ts';
import { ContractPage, CreatedContract } from './pricing-answer-schemas.ts';

const tags = ['pricing'];

export function registerContractRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/v1/contracts', {
    config: { permission: 'pricing.read' },
    schema: {
      tags,
      querystring: Type.Object({
        customerId: Type.Optional(Type.String({ format: 'uuid' })),
        q: Type.Optional(Type.String({ maxLength: 100 })),
        active: Type.Optional(Type.Boolean()),
        ...PageQuery,
      }),
      response: { 200: ContractPage },
    },
  }, async (req) => {
    const { limit = 50, offset = 0, ...filters } = req.query;
    return { ...(await readTx(db, (tx) => listContracts(tx, actorOf(req), { ...filters, limit, offset }))), limit, offset };
  });

  app.post('/api/v1/contracts', { config: { permission: 'pricing.write' }, schema: { tags, body: ContractPriceInput, response: { 201: CreatedContract } } },
    async (req, reply) => replyCreated(db, req, reply, (w) => createContractIn(w, req.body)));

  app.get('/api/v1/contracts/:id', { config: { permission: 'pricing.read' }, schema: { tags, params: IdParams } },
    async (req) => getContract(db, actorOf(req), req.params.id));

  app.patch('/api/v1/contracts/:id', { config: { permission: 'pricing.write' }, schema: { tags, params: IdParams, body: ContractUpdate } },
    async (req) => updateContract(db, actorOf(req), req.params.id, req.body, req.id));
}
