import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/modules/approvals/approval-test-kit.fixture.ts';
import { inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let w: StockWorld;
let admin: HttpClient;
let wh: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  w = await stockWorld(t.db, t.crypto);
  [admin, wh] = await Promise.all([t.userClient('admin'), t.userClient('warehouse')]);
  await receiveReleased(t.db, [{ deviceId: w.gauze.id, lotNumber: 'TRG-1', expiresOn: inDays(400), quantity: 50, binId: w.bins['AMB-1'] }]);
}, 180_000);
afterAll(() => t?.close());

describe('the create_pick_list trigger action', { timeout: 180_000 }, () => {
  it('is refused on a topic that names no order', async () => {
    const res = await admin.post('/api/v1/triggers', { name: 'bad', topic: 'shipment.shipped', actions: [{ type: 'create_pick_list' }] });
    expect([res.status, res.body.error.field]).toEqual([400, 'actions.0.type']);
  });

  it('makes a pick list when an order becomes allocated, once however often the event is delivered', async () => {
    const trigger = await admin.post('/api/v1/triggers', { name: 'pick on allocation', topic: 'order.status_changed', filter: { to: ['allocated'] }, actions: [{ type: 'create_pick_list' }] });
    expect(trigger.status, JSON.stringify(trigger.body)).toBe(201);
    const order = await admin.post('/api/v1/orders', { customerId: w.hospital.id, requestedDate: inDays(7), lines: [{ deviceId: w.gauze.id, quantity: 12 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect((await wh.post(`/api/v1/orders/${order.body.id}/allocate`)).body.status).toBe('allocated');
    await drainOutbox(t);
    const lists = await wh.get(`/api/v1/pick-lists?orderId=${order.body.id}`);
    expect(lists.body).toMatchObject({ total: 1, items: [{ kind: 'order', status: 'open', units: 12, lines: 1 }] });
    const created = await t.db.query<{ actor_name: string }>(`SELECT actor_name FROM audit_log WHERE entity_type = 'pick_list' AND action = 'created' AND entity_id = $1`, [lists.body.items[0].id]);
    expect(created.rows).toEqual([{ actor_name: 'triggers' }]);

    await t.db.query(`UPDATE outbox_events SET status = 'pending', available_at = now() WHERE topic = 'trigger.action'`);
    await t.db.query(`DELETE FROM outbox_handled WHERE handler = 'triggers.action'`);
    await drainOutbox(t);
    expect((await wh.get(`/api/v1/pick-lists?orderId=${order.body.id}`)).body.total).toBe(1);
  });
});
