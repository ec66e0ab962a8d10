import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';
import { approve, drainOutbox, tasksFor } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

let t: TestApp;
let admin: HttpClient;
let cs: HttpClient;
let sales: HttpClient;
let finance: HttpClient;
let qa: HttpClient;
const later = addDays(localToday(), 14);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  cs = await t.userClient('customer_service');
  sales = await t.userClient('sales');
  finance = await t.userClient('finance');
  qa = await t.userClient('quality');
});
afterAll(() => t.close());

const placeStents = async (world: OrderWorld, quantity = 2) => {
  const res = await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: later, lines: [{ deviceId: world.stent.id, quantity }] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; status: string; holds: Array<{ type: string }> };
};
const status = async (orderId: string) => (await cs.get(`/api/v1/orders/${orderId}`)).body.status;

async function activate(steps: unknown[], holdType = 'compliance'): Promise<string> {
  const created = await admin.post('/api/v1/workflows', { holdType, steps });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const activated = await admin.post(`/api/v1/workflows/${created.body.id}/activate`);
  expect(activated.status).toBe(200);
  return created.body.id;
}

describe('sequential approval: a large discount needs sales, then finance', () => {
  it('releases the price hold only after both signed, in order', async () => {
    const world = await orderWorld(t.db, t.crypto);
    const contract = await sales.post('/api/v1/contracts', { contractNo: `BIG-${world.hospital.id.slice(-6)}`, customerId: world.hospital.id,
      validFrom: '2020-01-01', discountBp: 2500 });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    const order = await placeStents(world);
    expect(order).toMatchObject({ status: 'on_hold', holds: [{ type: 'price' }] });
    expect(await tasksFor(finance, order.id)).toEqual([]);

    const [salesTask] = await tasksFor(sales, order.id);
    expect(salesTask).toMatchObject({ step: { no: 1, of: 2 }, roles: ['sales'], hold: { type: 'price' } });
    const first = await approve(sales, salesTask.taskId);
    expect(first.body).toMatchObject({ approvalStatus: 'open', currentStep: 2, order: { status: null } });
    expect(await status(order.id)).toBe('on_hold');
    expect(await tasksFor(sales, order.id)).toEqual([]);

    const [financeTask] = await tasksFor(finance, order.id);
    expect(financeTask).toMatchObject({ step: { no: 2, of: 2 }, roles: ['finance'] });
    const second = await approve(finance, financeTask.taskId);
    expect(second.body).toMatchObject({ approvalStatus: 'approved', order: { status: 'confirmed' } });
    const detail = (await admin.get(`/api/v1/approvals/${salesTask.approvalId}`)).body;
    expect(detail.signatures.map((s: any) => [s.signerName, s.verification.ok])).toEqual([[sales.username, true], [finance.username, true]]);
  });

  it('does not let one person sign two steps of the same approval', async () => {
    const world = await orderWorld(t.db, t.crypto);
    await sales.post('/api/v1/contracts', { contractNo: `SOD-${world.hospital.id.slice(-6)}`, customerId: world.hospital.id, validFrom: '2020-01-01', discountBp: 2500 });
    const both = await t.userClient(['sales', 'finance']);
    const order = await placeStents(world);
    const [step1] = await tasksFor(both, order.id);
    expect((await approve(both, step1.taskId)).status).toBe(200);
    expect(await tasksFor(both, order.id)).toEqual([]);
    const [step2] = await tasksFor(finance, order.id);
    const res = await approve(both, step2.taskId);
    expect(res.status).toBe(403);
    expect(await status(order.id)).toBe('on_hold');
  });
});

describe('workflow definitions are data', () => {
  it('lists what is in force per hold type, built-in until a version is activated', async () => {
    const res = await admin.get('/api/v1/workflows');
    expect(res.status).toBe(200);
    expect(res.body.inForce).toContainEqual({ holdType: 'stock', version: 0, builtIn: true });
    expect(res.body.builtIn.price.map((s: any) => s.approvals[0].role)).toEqual(['sales', 'finance']);
    expect((await admin.get('/api/v1/workflows/credit')).body).toMatchObject({ id: 'built-in', steps: [{ approvals: [{ role: 'finance' }] }] });
  });

  it('refuses malformed definitions naming the field, and users without rules.manage', async () => {
    const cases: Array<[unknown, string]> = [
      [{ holdType: 'cosmic', steps: [{ approvals: [{ role: 'quality' }] }] }, 'holdType'],
      [{ holdType: 'credit', steps: [] }, 'steps'],
      [{ holdType: 'credit', steps: [{ approvals: [] }] }, 'steps.0.approvals'],
      [{ holdType: 'credit', steps: [{ approvals: [{ role: 'Finance!' }] }] }, 'steps.0.approvals.0.role'],
      [{ holdType: 'credit', steps: [{ approvals: [{ role: 'finance', aboveTotalMinor: -1 }] }] }, 'steps.0.approvals.0.aboveTotalMinor'],
      [{ holdType: 'credit', steps: [{ approvals: [{ role: 'finance' }], escalation: { afterHours: 0, role: 'admin', mode: 'notify' } }] }, 'steps.0.escalation.afterHours'],
      [{ holdType: 'credit', steps: [{ approvals: [{ role: 'finance' }], escalation: { afterHours: 4, role: 'admin', mode: 'shout' } }] }, 'steps.0.escalation.mode'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/workflows', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }
    expect((await sales.post('/api/v1/workflows', { holdType: 'credit', steps: [{ approvals: [{ role: 'finance' }] }] })).status).toBe(403);
    expect((await admin.post('/api/v1/workflows/00000000-0000-7000-8000-000000000000/activate')).status).toBe(404);
  });

  it('versions a definition: activating retires the version before, and an active one is not activated again', async () => {
    const v1 = await activate([{ approvals: [{ role: 'finance' }] }], 'stock');
    const v2 = await activate([{ approvals: [{ role: 'planner' }] }], 'stock');
    const list = (await admin.get('/api/v1/workflows')).body;
    expect(list.items.filter((w: any) => w.holdType === 'stock').map((w: any) => [w.version, w.status])).toEqual([[2, 'active'], [1, 'retired']]);
    expect(list.inForce).toContainEqual({ holdType: 'stock', version: 2, builtIn: false });
    expect((await admin.post(`/api/v1/workflows/${v1}/activate`)).status).toBe(409);
    expect((await admin.get(`/api/v1/workflows/${v2}`)).body).toMatchObject({ status: 'active', steps: [{ approvals: [{ role: 'planner' }] }] });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'workflow_definition' AND entity_id = $1 ORDER BY seq`, [v2]);
    expect(audit.rows.map((r: any) => r.action)).toEqual(['created', 'activated']);
  });
});

describe('parallel approvals and amount thresholds', () => {
  it('needs both approvals of a step, in any order, before the hold is released', async () => {
    await activate([{ name: 'joint review', approvals: [{ role: 'quality' }, { role: 'sales' }] }]);
    const order = await placeStents(await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' }));
    const [salesTask] = await tasksFor(sales, order.id);
    const [qaTask] = await tasksFor(qa, order.id);
    expect(salesTask.step).toEqual({ no: 1, of: 1 });
    expect(qaTask.approvalId).toBe(salesTask.approvalId);
    expect((await approve(sales, salesTask.taskId)).body).toMatchObject({ approvalStatus: 'open', currentStep: 1 });
    expect(await status(order.id)).toBe('on_hold');
    expect((await approve(qa, qaTask.taskId, { meaning: 'released' })).body).toMatchObject({ approvalStatus: 'approved', order: { status: 'confirmed' } });
  });

  it('asks finance only above the amount set for it', async () => {
    await activate([{ approvals: [{ role: 'quality' }, { role: 'finance', aboveTotalMinor: 5_000_000, currency: 'CNY' }] }]);
    const world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
    const small = await placeStents(world, 2);
    const large = await placeStents(world, 5);
    expect(await tasksFor(finance, small.id)).toEqual([]);
    expect(await tasksFor(finance, large.id)).toHaveLength(1);
    await approve(qa, (await tasksFor(qa, small.id))[0].taskId);
    expect(await status(small.id)).toBe('confirmed');
  });
});

describe('delegation while away', () => {
  it('puts a quality task in the delegate’s inbox, signed on behalf of the user away, until revoked', async () => {
    await activate([{ approvals: [{ role: 'quality' }] }]);
    const away = await t.userClient('quality');
    const stand = await t.userClient('customer_service');
    const today = localToday();
    const given = await away.post('/api/v1/delegations', { delegate: stand.username, validFrom: today, validTo: addDays(today, 7), reason: 'annual leave' });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
    const first = await placeStents(world);
    const [task] = await tasksFor(stand, first.id);
    expect(task.onBehalfOf).toMatchObject({ name: away.username });
    const res = await stand.post(`/api/v1/approvals/tasks/${task.taskId}/decide`,
      { decision: 'approve', meaning: 'released', username: stand.username, password: TEST_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sig = (await admin.get(`/api/v1/approvals/${task.approvalId}`)).body.signatures[0];
    expect(sig).toMatchObject({ signerName: stand.username, onBehalfOf: away.userId, verification: { ok: true } });

    const second = await placeStents(world);
    expect(await tasksFor(stand, second.id)).toHaveLength(1);
    expect((await away.post(`/api/v1/delegations/${given.body.id}/revoke`)).status).toBe(200);
    expect(await tasksFor(stand, second.id)).toEqual([]);
    expect((await stand.get('/api/v1/delegations')).body.items[0]).toMatchObject({ user: away.username, delegate: stand.username });
  });

  it('refuses delegations that cannot work, naming the field', async () => {
    const me = await t.userClient('quality');
    const warehouse = await t.userClient('warehouse');
    const today = localToday();
    const cases: Array<[HttpClient, Record<string, unknown>, number, string]> = [
      [me, { delegate: me.username, validFrom: today, validTo: today }, 400, 'delegate'],
      [me, { delegate: 'nobody-here', validFrom: today, validTo: today }, 400, 'delegate'],
      [me, { delegate: cs.username, validFrom: today, validTo: addDays(today, -1) }, 400, 'validTo'],
      [me, { delegate: cs.username, validFrom: today, validTo: today, roles: ['finance'] }, 400, 'roles'],
      [me, { delegate: cs.username, validFrom: '2026-02-30', validTo: today }, 400, 'validFrom'],
      [qa, { delegate: cs.username, validFrom: today, validTo: today, user: me.username }, 403, 'user'],
    ];
    for (const [client, body, code, field] of cases) {
      const res = await client.post('/api/v1/delegations', body);
      expect(res.status, JSON.stringify([body, res.body])).toBe(code);
      expect(res.body.error.field).toBe(field);
    }
    const toWarehouse = await me.post('/api/v1/delegations', { delegate: warehouse.username, validFrom: today, validTo: today });
    expect(toWarehouse.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'delegate' });
  });
});

describe('approvals follow their order', () => {
  it('refuses to release a compliance hold by hand, and withdraws the approvals of a cancelled order', async () => {
    await activate([{ approvals: [{ role: 'quality' }] }]);
    const world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
    const byHand = await placeStents(world);
    const hold = (await cs.get(`/api/v1/orders/${byHand.id}`)).body.holds[0];
    expect((await qa.post(`/api/v1/orders/${byHand.id}/holds/${hold.id}/release`, { comment: 'released on paper' })).status).toBe(409);
    const cancelled = await placeStents(world);
    expect((await cs.post(`/api/v1/orders/${cancelled.id}/cancel`, { reason: 'customer withdrew' })).status).toBe(200);
    await drainOutbox(t);
    expect(await tasksFor(qa, byHand.id)).toHaveLength(1);
    for (const id of [cancelled.id]) {
      expect(await tasksFor(qa, id)).toEqual([]);
      const [approval] = (await admin.get(`/api/v1/approvals?orderId=${id}`)).body.items;
      expect(approval.status).toBe('withdrawn');
      expect((await admin.get(`/api/v1/approvals/${approval.id}`)).body.tasks.map((x: any) => x.status)).toEqual(['cancelled']);
    }
  });
});
