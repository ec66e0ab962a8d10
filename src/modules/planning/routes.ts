import { Type } from 'typebox';
import type { App } from '../../platform/http/create-server.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { actorOf } from '../../platform/http/authenticate.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import { notFound } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { BomInput, CalendarInput, FirmInput, LoadQuery, PlanningParameterInput, PriorityOverrideInput, RoutingInput, RunInput, ScheduleInput, WorkCentreInput, WorkCentrePatch, WorkOrderInput } from './planning-schemas.ts';
import { createWorkCentre } from './create-work-centre.ts';
import { setWorkCentreCalendar } from './set-work-centre-calendar.ts';
import { updateWorkCentre } from './update-work-centre.ts';
import { listWorkCentres } from './list-work-centres.ts';
import { createBom } from './create-bom.ts';
import { createRouting } from './create-routing.ts';
import { getProductStructure } from './get-product-structure.ts';
import { setPlanningParameters } from './set-planning-parameters.ts';
import { setOrderPriority } from './set-order-priority.ts';
import { runPlanning } from './run-planning.ts';
import { getLatestPlan, getWorkOrder, listPlanningRuns } from './list-planning-output.ts';
import { firmPlannedOrder } from './firm-planned-order.ts';
import { createWorkOrder } from './create-work-order.ts';
import { runSchedule } from './run-schedule.ts';
import { getLoad } from './get-load.ts';
import { LoadAnswer, PlanAnswer } from './planning-answer-schemas.ts';

const read = { permission: 'planning.read' } as const;
const write = { permission: 'planning.write' } as const;
const tags = ['planning'];
const P = '/api/v1/planning';

/** Master data for making, planning runs, firming, finite-capacity scheduling and the load. */
export function registerPlanningRoutes(app: App, { db }: AppDeps): void {
  app.post(`${P}/work-centres`, { config: write, schema: { tags, body: WorkCentreInput } },
    async (req, reply) => reply.status(201).send(await createWorkCentre(db, actorOf(req), req.body, req.id)));
  app.get(`${P}/work-centres`, { config: read, schema: { tags } }, async () => ({ items: await readTx(db, (tx) => listWorkCentres(tx, { from: localToday() })) }));
  app.patch(`${P}/work-centres/:id`, { config: write, schema: { tags, params: IdParams, body: WorkCentrePatch } },
    async (req) => updateWorkCentre(db, actorOf(req), req.params.id, req.body, req.id));
  app.put(`${P}/work-centres/:id/calendar`, { config: write, schema: { tags, params: IdParams, body: CalendarInput } },
    async (req) => setWorkCentreCalendar(db, actorOf(req), req.params.id, req.body, req.id));

  app.post(`${P}/boms`, { config: write, schema: { tags, body: BomInput } },
    async (req, reply) => reply.status(201).send(await createBom(db, actorOf(req), req.body, req.id)));
  app.post(`${P}/routings`, { config: write, schema: { tags, body: RoutingInput } },
    async (req, reply) => reply.status(201).send(await createRouting(db, actorOf(req), req.body, req.id)));
  app.get(`${P}/devices/:id/structure`, { config: read, schema: { tags, params: IdParams } },
    async (req) => readTx(db, (tx) => getProductStructure(tx, req.params.id)));
  app.put(`${P}/parameters/:id`, { config: write, schema: { tags, params: IdParams, body: PlanningParameterInput } },
    async (req) => setPlanningParameters(db, actorOf(req), req.params.id, req.body, req.id));
  app.put(`${P}/order-priorities/:id`, { config: write, schema: { tags, params: IdParams, body: PriorityOverrideInput } },
    async (req) => setOrderPriority(db, actorOf(req), req.params.id, req.body, req.id));

  app.post(`${P}/runs`, { config: write, schema: { tags, body: Type.Optional(RunInput) } },
    async (req, reply) => reply.status(201).send(await runPlanning(db, actorOf(req), { today: localToday(), horizonDays: req.body?.horizonDays ?? 180, trigger: 'manual' }, req.id)));
  app.get(`${P}/runs`, { config: read, schema: { tags, querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }) } },
    async (req) => ({ items: await readTx(db, (tx) => listPlanningRuns(tx, req.query.limit ?? 20)) }));
  app.get(`${P}/plan`, { config: read, schema: { tags, querystring: Type.Object({ kind: Type.Optional(Type.Union([Type.Literal('make'), Type.Literal('buy')])) }), response: { 200: PlanAnswer } } },
    async (req) => readTx(db, (tx) => getLatestPlan(tx, req.query)));
  app.post(`${P}/planned-orders/:id/firm`, { config: write, schema: { tags, params: IdParams, body: Type.Optional(FirmInput) } },
    async (req, reply) => reply.status(201).send(await firmPlannedOrder(db, actorOf(req), req.params.id, req.body ?? {}, req.id)));

  app.post(`${P}/work-orders`, { config: write, schema: { tags, body: WorkOrderInput } },
    async (req, reply) => reply.status(201).send(await createWorkOrder(db, actorOf(req), req.body, req.id)));
  app.get(`${P}/work-orders/:id`, { config: read, schema: { tags, params: IdParams } }, async (req) => {
    const wo = await readTx(db, (tx) => getWorkOrder(tx, req.params.id));
    if (!wo) throw notFound('work order', req.params.id);
    return wo;
  });
  app.post(`${P}/schedule`, { config: write, schema: { tags, body: Type.Optional(ScheduleInput) } }, async (req) => {
    const dates = shippingDates();
    return runSchedule(db, actorOf(req), { startDate: req.body?.startDate ?? dates.today, horizonDays: req.body?.horizonDays ?? 365, earliestShipDate: dates.earliestShipDate }, req.id);
  });
  app.get(`${P}/load`, { config: read, schema: { tags, querystring: LoadQuery, response: { 200: LoadAnswer } } }, async (req) => readTx(db, (tx) => getLoad(tx, req.query)));
}
