import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { allocateOrder } from '../../src/modules/inventory/allocate-order.ts';
import { confirmedOrder, inDays, receiveReleased, today } from '../../src/modules/inventory/stock.fixture.ts';
import { planningDevice, planningWorld, type PlanningWorld } from '../../src/modules/planning/planning.fixture.ts';

let t: TestApp;
let planner: HttpClient;
let world: PlanningWorld;
let centreId: string;

beforeAll(async () => {
  t = await startTestApp();
  world = await planningWorld(t.db, t.crypto);
  planner = await t.userClient('planner');
  await receiveReleased(t.db, [
    { deviceId: world.kit.id, lotNumber: 'KIT-1', expiresOn: inDays(400), quantity: 10, binId: world.bins['AMB-1'] },
    { deviceId: world.part.id, lotNumber: 'PART-1', expiresOn: inDays(400), quantity: 30, binId: world.bins['AMB-1'] },
  ]);
}, 180_000);
afterAll(async () => t?.close());

describe('planning master data', { timeout: 180_000 }, () => {
  it('creates a work centre with its calendar, and refuses bad input naming the field', async () => {
    const created = await planner.post('/api/v1/planning/work-centres', { code: 'ASSY', nameZh: '装配线', nameEn: 'Assembly', calendar: [{ date: inDays(3), holiday: true }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    centreId = created.body.id;
    const again = await planner.post('/api/v1/planning/work-centres', { code: 'ASSY', nameZh: '装配线' });
    expect([again.status, again.body.error.field]).toEqual([409, 'code']);
    const tooMany = await planner.post('/api/v1/planning/work-centres', { code: 'X', nameZh: 'x', shifts: 4 });
    expect([tooMany.status, tooMany.body.error.field]).toEqual([400, 'shifts']);
    const overDay = await planner.post('/api/v1/planning/work-centres', { code: 'Y', nameZh: 'y', shifts: 3, minutesPerShift: 600 });
    expect([overDay.status, overDay.body.error.field]).toEqual([400, 'minutesPerShift']);
    const holidayShift = await planner.request('PUT', `/api/v1/planning/work-centres/${centreId}/calendar`, { days: [{ date: inDays(4), holiday: true, shifts: 1 }] });
    expect([holidayShift.status, holidayShift.body.error.field]).toEqual([400, 'days.0.shifts']);
    const patched = await planner.request('PATCH', `/api/v1/planning/work-centres/${centreId}`, { workingWeekdays: [1, 2, 3, 4, 5, 6] });
    expect(patched.body).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5, 6], shifts: 1, minutesPerShift: 480 });
    expect((await planner.request('PATCH', `/api/v1/planning/work-centres/${centreId}`, { workingWeekdays: [1, 2, 3, 4, 5] })).status).toBe(200);
    const overPatch = await planner.request('PATCH', `/api/v1/planning/work-centres/${centreId}`, { shifts: 3, minutesPerShift: 500 });
    expect([overPatch.status, overPatch.body.error.field]).toEqual([400, 'minutesPerShift']);
    const badDay = await planner.request('PATCH', `/api/v1/planning/work-centres/${centreId}`, { workingWeekdays: [8] });
    expect([badDay.status, badDay.body.error.field]).toEqual([400, 'workingWeekdays.0']);
    expect((await planner.request('PATCH', `/api/v1/planning/work-centres/${centreId}`, {})).status).toBe(400);
    const list = await planner.get('/api/v1/planning/work-centres');
    expect(list.body.items).toEqual([expect.objectContaining({ code: 'ASSY', calendar: [expect.objectContaining({ date: inDays(3), holiday: true })] })]);
  });

  it('saves a routing and a BOM, refusing bought parents, unknown parts, zero quantities and cycles', async () => {
    const routing = await planner.post('/api/v1/planning/routings', { deviceId: world.kit.id, operations: [{ seq: 10, workCentreId: centreId, setupMinutes: 60, runMinutesPerUnit: 200 }] });
    expect(routing.status, JSON.stringify(routing.body)).toBe(201);
    const badCentre = await planner.post('/api/v1/planning/routings', { deviceId: world.kit.id, revision: 'B', operations: [{ seq: 10, workCentreId: world.kit.id, runMinutesPerUnit: 1 }] });
    expect([badCentre.status, badCentre.body.error.field]).toEqual([400, 'operations.0.workCentreId']);

    const bom = await planner.post('/api/v1/planning/boms', { deviceId: world.kit.id, lines: [{ componentDeviceId: world.part.id, quantityPer: 2 }] });
    expect(bom.status, JSON.stringify(bom.body)).toBe(201);
    const bought = await planner.post('/api/v1/planning/boms', { deviceId: world.part.id, lines: [{ componentDeviceId: world.gauze.id, quantityPer: 1 }] });
    expect([bought.status, bought.body.error.field]).toEqual([400, 'deviceId']);
    const zero = await planner.post('/api/v1/planning/boms', { deviceId: world.kit.id, lines: [{ componentDeviceId: world.part.id, quantityPer: 0 }] });
    expect([zero.status, zero.body.error.field]).toEqual([400, 'lines.0.quantityPer']);
    const unknown = await planner.post('/api/v1/planning/boms', { deviceId: world.kit.id, lines: [{ componentDeviceId: centreId, quantityPer: 1 }] });
    expect([unknown.status, unknown.body.error.field]).toEqual([400, 'lines.0.componentDeviceId']);

    const tray = await planningDevice(t.db, 'TRAY-E2E', 'make', 2);
    expect((await planner.post('/api/v1/planning/boms', { deviceId: tray.id, lines: [{ componentDeviceId: world.kit.id, quantityPer: 1 }] })).status).toBe(201);
    const cycle = await planner.post('/api/v1/planning/boms', { deviceId: world.kit.id, revision: 'B', lines: [{ componentDeviceId: world.part.id, quantityPer: 2 }, { componentDeviceId: tray.id, quantityPer: 1 }] });
    expect([cycle.status, cycle.body.error.field]).toEqual([400, 'lines']);
    expect(cycle.body.error.message).toContain('cycle');

    const structure = await planner.get(`/api/v1/planning/devices/${world.kit.id}/structure`);
    expect(structure.body).toMatchObject({ bom: { revision: 'A', lines: [{ componentDeviceId: world.part.id, quantityPer: 2 }] }, routing: { operations: [{ seq: 10, runMinutesPerUnit: 200 }] } });
    const params = await planner.request('PUT', `/api/v1/planning/parameters/${world.part.id}`, { minOrderQty: 100, orderMultiple: 0 });
    expect([params.status, params.body.error.field]).toEqual([400, 'orderMultiple']);
    expect((await planner.request('PUT', `/api/v1/planning/parameters/${world.part.id}`, { minOrderQty: 100 })).body).toMatchObject({ minOrderQty: 100, orderMultiple: 1 });
    expect((await planner.request('PUT', `/api/v1/planning/parameters/${centreId}`, { minOrderQty: 1 })).status).toBe(404);
  });
});

describe('planning run, firming, scheduling and capable-to-promise', { timeout: 180_000 }, () => {
  let orderId: string;

  it('plans a make order for an order beyond stock and a buy order for its component, each pegged', async () => {
    orderId = await confirmedOrder(t.db, world, [{ deviceId: world.kit.id, quantity: 50 }]);
    // The 10 kits on hand are allocated; 40 are back-ordered and promised on the kit's (unknown) lead time.
    const allocated = await allocateOrder(t.db, systemActor('test'), orderId, { earliestShipDate: today() });
    expect(allocated.backOrders).toEqual([expect.objectContaining({ quantity: 40, promisedDate: null })]);
    const run = await planner.post('/api/v1/planning/runs', {});
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const plan = (await planner.get('/api/v1/planning/plan')).body;
    const make = plan.plannedOrders.find((p: { deviceId: string }) => p.deviceId === world.kit.id);
    const buy = plan.plannedOrders.find((p: { deviceId: string }) => p.deviceId === world.part.id);
    expect(make).toMatchObject({ kind: 'make', quantity: 40, status: 'planned', pegging: [{ type: 'order_line', ref: `${orderId}/1`, quantity: 40 }] });
    // 80 parts for 40 kits, 30 on hand: 50 net, raised to the minimum of 100.
    expect(buy).toMatchObject({ kind: 'buy', quantity: 100, pegging: [{ type: 'planned_order', ref: make.id, quantity: 50 }] });
    // 60 + 40 × 200 minutes is 17 shifts: more than the 14 days to the requested date.
    expect(plan.exceptions).toContainEqual(expect.objectContaining({ kind: 'late', refType: 'order_line', refId: `${orderId}/1` }));
    expect(plan.exceptions[0].messageZh).toMatch(/[\u4e00-\u9fff]/);

    const firmed = await planner.post(`/api/v1/planning/planned-orders/${make.id}/firm`, {});
    expect(firmed.status, JSON.stringify(firmed.body)).toBe(201);
    expect(firmed.body.workOrder.number).toMatch(/^WO-\d{4}-\d{6}$/);
    expect((await planner.post(`/api/v1/planning/planned-orders/${make.id}/firm`, {})).status).toBe(409);
    const buyFirm = await planner.post(`/api/v1/planning/planned-orders/${buy.id}/firm`, {});
    expect([buyFirm.status, buyFirm.body.error.code]).toEqual([409, 'INVALID_STATE']);
    const wo = await planner.get(`/api/v1/planning/work-orders/${firmed.body.workOrder.id}`);
    expect(wo.body).toMatchObject({ quantity: 40, status: 'planned', operations: [{ seq: 10, workCentreId: centreId, minutes: 8060 }] });

    const rerun = await planner.post('/api/v1/planning/runs', { horizonDays: 90 });
    expect(rerun.body).toMatchObject({ plannedOrders: { make: 0 } });
    const runs = await planner.get('/api/v1/planning/runs?limit=5');
    expect(runs.body.items.map((r: { status: string; trigger: string }) => [r.status, r.trigger])).toEqual([['completed', 'manual'], ['completed', 'manual']]);
    expect((await planner.get('/api/v1/planning/runs?limit=0')).body.error.field).toBe('querystring.limit');
  });

  it('schedules the work order within capacity, moves the line promise to its completion and raises an alert when past the requested date', async () => {
    const scheduled = await planner.post('/api/v1/planning/schedule', {});
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    expect(scheduled.body.lateWorkOrders).toHaveLength(1);
    expect(scheduled.body.latePromises).toEqual([expect.objectContaining({ orderId, lineNo: 1, requestedDate: inDays(14) })]);
    const { rows: [line] } = await t.db.query<{ promised: string; basis: { basis: string; workOrders: string[] } }>(
      'SELECT promised_date::text AS promised, promise_basis AS basis FROM order_lines WHERE order_id = $1', [orderId]);
    expect(line!.promised).toBe(scheduled.body.latePromises[0].promisedDate);
    expect(line!.basis).toMatchObject({ basis: 'production', workOrders: [scheduled.body.workOrders[0].id] });
    const alerts = await planner.get('/api/v1/order-alerts?code=PROMISE_LATE');
    expect(alerts.status, JSON.stringify(alerts.body)).toBe(200);
    expect(alerts.body.items).toEqual([expect.objectContaining({ orderId, lineNo: 1, code: 'PROMISE_LATE', severity: 'high' })]);

    const load = await planner.get(`/api/v1/planning/load?workCentreId=${centreId}`);
    expect(load.body.items.reduce((n: number, l: { loadMinutes: number }) => n + l.loadMinutes, 0)).toBe(8060);
    for (const l of load.body.items) expect(l.loadMinutes).toBeLessThanOrEqual(l.capacityMinutes);
    expect(load.body.items.find((l: { date: string }) => l.date === inDays(3))).toBeUndefined();

    const again = await planner.post('/api/v1/planning/schedule', {});
    expect(again.body.latePromises).toEqual([]);
  });

  it('refuses bad input and users without planning permissions', async () => {
    const buys = await planner.get('/api/v1/planning/plan?kind=buy');
    expect(buys.body.plannedOrders.every((p: { kind: string }) => p.kind === 'buy')).toBe(true);
    const badDate = await planner.post('/api/v1/planning/schedule', { startDate: 'tomorrow' });
    expect([badDate.status, badDate.body.error.field]).toEqual([400, 'startDate']);
    const badQuery = await planner.get('/api/v1/planning/load?from=soon');
    expect([badQuery.status, badQuery.body.error.field]).toEqual([400, 'querystring.from']);
    const badHorizon = await planner.post('/api/v1/planning/runs', { horizonDays: 0 });
    expect([badHorizon.status, badHorizon.body.error.field]).toEqual([400, 'horizonDays']);
    const badPriority = await planner.request('PUT', `/api/v1/planning/order-priorities/${orderId}`, { priority: 9, reason: 'x' });
    expect([badPriority.status, badPriority.body.error.field]).toEqual([400, 'priority']);
    const noReason = await planner.request('PUT', `/api/v1/planning/order-priorities/${orderId}`, { priority: 1 });
    expect([noReason.status, noReason.body.error.field]).toEqual([400, 'reason']);
    const set = await planner.request('PUT', `/api/v1/planning/order-priorities/${orderId}`, { priority: 1, reason: '医院急需' });
    expect(set.body).toEqual({ orderId, priority: 1 });
    const unknownOrder = await planner.request('PUT', `/api/v1/planning/order-priorities/${centreId}`, { priority: 1, reason: 'x' });
    expect(unknownOrder.status).toBe(404);
    const extra = await planner.post('/api/v1/planning/work-orders', { deviceId: world.kit.id, quantity: 5, dueDate: inDays(30), colour: 'red' });
    expect([extra.status, extra.body.error.field]).toEqual([400, 'colour']);
    const boughtWo = await planner.post('/api/v1/planning/work-orders', { deviceId: world.part.id, quantity: 5, dueDate: inDays(30) });
    expect([boughtWo.status, boughtWo.body.error.field]).toEqual([400, 'deviceId']);
    const sales = await t.userClient('sales');
    expect((await sales.post('/api/v1/planning/runs', {})).status).toBe(403);
    expect((await planner.post(`/api/v1/planning/planned-orders/${centreId}/firm`, {})).status).toBe(404);
  });
});
