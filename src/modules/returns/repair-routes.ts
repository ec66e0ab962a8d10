import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { getRepair } from './get-repair.ts';
import { diagnoseRepair, issueRepairPart, recordRepairResult } from './repair-steps.ts';
import { RepairDiagnosisInput, RepairPartInput, RepairResultInput, RepairShipInput } from './return-schemas.ts';
import { shipRepair } from './ship-repair.ts';

const tags = ['returns'];
// Repairs move stock (parts issued, a unit scrapped or shipped back): the stock permission.
const write = { permission: 'inventory.write' };

export function registerRepairRoutes(app: App, { db }: AppDeps): void {
  const run = <T>(req: { id: string }, actor: ReturnType<typeof actorOf>, fn: Parameters<typeof writeTx<T>>[2]) => writeTx(db, { actor, requestId: req.id }, fn);

  app.get('/api/v1/repairs/:id', { config: { permission: 'returns.read' }, schema: { tags, params: IdParams } },
    async (req) => readTx(db, async (tx) => {
      const repair = await getRepair(tx, req.params.id);
      assertVisible(actorOf(req), repair.customerId, 'repair', req.params.id);
      return repair;
    }));
  app.post('/api/v1/repairs/:id/diagnosis', { config: write, schema: { tags, params: IdParams, body: RepairDiagnosisInput } },
    async (req) => run(req, actorOf(req), (w) => diagnoseRepair(w, req.params.id, req.body.diagnosis)));
  app.post('/api/v1/repairs/:id/parts', { config: write, schema: { tags, params: IdParams, body: RepairPartInput } },
    async (req) => run(req, actorOf(req), (w) => issueRepairPart(w, req.params.id, req.body, localToday())));
  app.post('/api/v1/repairs/:id/result', { config: write, schema: { tags, params: IdParams, body: RepairResultInput } },
    async (req) => run(req, actorOf(req), (w) => recordRepairResult(w, req.params.id, req.body)));
  app.post('/api/v1/repairs/:id/ship', { config: write, schema: { tags, params: IdParams, body: RepairShipInput } },
    async (req) => run(req, actorOf(req), (w) => shipRepair(w, req.params.id, req.body, localToday())));
}
