import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';
import { drainOutbox } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

let t: TestApp;
let world: OrderWorld;
let admin: HttpClient;
let cs: HttpClient;
let qa: HttpClient;
let finance: HttpClient;
const later = addDays(localToday(), 14);

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
  admin = await t.userClient('admin');
  cs = await t.userClient('customer_service');
  qa = await t.userClient('quality');
  finance = await t.userClient('finance');
});
afterAll(() => t.close());

const place = async (deviceId: string) =>
  (await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: later, lines: [{ deviceId, quantity: 1 }] })).body;
const unread = async (c: HttpClient) => (await c.get('/api/v1/notifications/unread-count')).body.unread as number;
const notes = async (c: HttpClient, q = '') => (await c.get(`/api/v1/notifications${q}`)).body;

describe('in-app notifications', () => {
  it('tells quality of a new approval task, once however often the event is delivered', async () => {
    const order = await place(world.stent.id);
    await drainOutbox(t);
    const list = await notes(qa);
    const mine = list.items.filter((n: any) => n.kind === 'approval.task_opened' && n.data.orderId === order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ messageEn: `Approval needed: order ${order.number} is on a compliance hold (step 1)`,
      messageZh: `待审批：订单 ${order.number} 因合规原因被冻结（第1步）`, readAt: null });
    expect(mine[0].message).toBe(mine[0].messageZh); // users are zh-CN by default
    expect(list.unread).toBe(await unread(qa));
    await t.db.query(`UPDATE outbox_events SET status = 'pending', available_at = now() WHERE topic = 'approval.task_opened'`);
    await t.db.query(`DELETE FROM outbox_handled WHERE handler = 'notifications.deliver'`);
    await drainOutbox(t);
    expect((await notes(qa)).items.filter((n: any) => n.kind === 'approval.task_opened' && n.data.orderId === order.id)).toHaveLength(1);
    expect((await notes(cs)).items.some((n: any) => n.kind === 'approval.task_opened')).toBe(false);
  });

  it('delivers a notify trigger to its roles and users with the template filled, and counts unread', async () => {
    const created = await admin.post('/api/v1/triggers', { name: 'holds to finance', topic: 'order.hold_placed',
      actions: [{ type: 'notify', roles: ['finance'], users: [cs.username], message: { en: '{{number}}: {{holdType}} hold', zh: '{{number}}：{{holdType}} 冻结' } }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = await unread(finance);
    const order = await place(world.stent.id);
    await drainOutbox(t);
    expect(await unread(finance)).toBe(before + 1);
    const [note] = (await notes(finance, '?unread=true')).items.filter((n: any) => n.kind === 'order.hold_placed');
    expect(note).toMatchObject({ messageEn: `${order.number}: compliance hold`, messageZh: `${order.number}：compliance 冻结`, entityId: order.id });
    expect((await notes(cs)).items.some((n: any) => n.messageEn === `${order.number}: compliance hold`)).toBe(true);
    await admin.request('DELETE', `/api/v1/triggers/${created.body.id}`);
  });

  it('gives an in_app action a standard message about the event', async () => {
    const created = await admin.post('/api/v1/triggers', { name: 'cs sees confirmations', topic: 'order.status_changed', filter: { to: ['confirmed'] },
      actions: [{ type: 'in_app', roles: ['customer_service'] }] });
    const order = await place(world.gauze.id);
    await drainOutbox(t);
    expect((await notes(cs)).items.map((n: any) => n.messageEn)).toContain(`${order.number}: order.status_changed → confirmed`);
    await admin.request('DELETE', `/api/v1/triggers/${created.body.id}`);
  });

  it('marks one read, then all, each user only their own', async () => {
    const list = await notes(qa, '?unread=true');
    expect(list.total).toBeGreaterThan(1);
    const first = list.items[0];
    expect((await qa.post(`/api/v1/notifications/${first.id}/read`)).body).toEqual({ id: first.id, read: true });
    expect(await unread(qa)).toBe(list.total - 1);
    expect((await qa.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(200);
    expect(await unread(qa)).toBe(list.total - 1);
    expect((await cs.post(`/api/v1/notifications/${first.id}/read`)).status).toBe(404);
    expect((await qa.post('/api/v1/notifications/not-an-id/read')).status).toBe(400);
    expect((await qa.post('/api/v1/notifications/read-all')).body).toEqual({ marked: list.total - 1 });
    expect(await unread(qa)).toBe(0);
    expect((await qa.post('/api/v1/notifications/read-all')).body).toEqual({ marked: 0 });
    expect((await notes(qa, '?unread=true')).items).toEqual([]);
    expect((await t.anonymous().get('/api/v1/notifications')).status).toBe(401);
  });

  it('turns a rule’s notify action into notifications for its roles', async () => {
    const set = await admin.post('/api/v1/rule-sets', { effectiveFrom: '2020-01-01', rules: [{
      code: 'notify.big_order', name: { en: 'Big order', zh: '大订单' }, scope: 'order',
      when: { cmp: '>', left: { fact: 'order.totalMinor' }, right: { value: 0 } },
      then: [{ type: 'notify', roles: ['finance'], message: { en: 'a new order to watch', zh: '需关注的新订单' } }],
    }] });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    await admin.post(`/api/v1/rule-sets/${set.body.id}/activate`);
    const order = await place(world.gauze.id);
    await drainOutbox(t);
    const [note] = (await notes(finance)).items.filter((n: any) => n.kind === 'notification.requested');
    expect(note).toMatchObject({ messageEn: `${order.number}: a new order to watch`, messageZh: `${order.number}：需关注的新订单`, entityId: order.id });
  });
});
