import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { drainOutboxOnce } from '../../src/platform/outbox/outbox-worker.ts';
import { readTx } from '../../src/platform/unit-of-work.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createWarehouse } from '../../src/modules/warehouses/create-warehouse.ts';
import { releaseOnOrderChange } from '../../src/modules/inventory/release-on-order-change.ts';
import { verifyLedger } from '../../src/modules/inventory/verify-ledger.ts';
import { shippingDates } from '../../src/modules/inventory/shipping-clock.ts';
import { inDays, receiveReleased, stockWorld, type LotSpec, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';

let t: TestApp;
let wh: HttpClient;
let cs: HttpClient;
let qa: HttpClient;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  [wh, cs, qa, admin] = await Promise.all([t.userClient('warehouse'), t.userClient('customer_service'), t.userClient('quality'), t.userClient('admin')]);
});
afterAll(() => t.close());

const placeOrder = async (w: StockWorld, lines: Array<{ deviceId: string; quantity: number }>, more: Record<string, unknown> = {}) => {
  const res = await cs.post('/api/v1/orders', { customerId: w.hospital.id, requestedDate: inDays(7), lines, ...more });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};
const allocate = (orderId: string, client = wh) => client.post(`/api/v1/orders/${orderId}/allocate`);
const order = async (id: string) => (await cs.get(`/api/v1/orders/${id}`)).body;
const lots = (r: { body: { allocations: Array<{ lotId: string; quantity: number }> } }, names: Record<string, string>) =>
  r.body.allocations.map((a) => `${names[a.lotId]}:${a.quantity}`);
const heldOn = async (lotId: string) => (await wh.get(`/api/v1/inventory/stock?lotId=${lotId}`)).body.items.reduce((n: number, s: any) => n + s.allocated, 0);
const drain = async () => {
  while ((await drainOutboxOnce(t.db, [releaseOnOrderChange], { workerId: 'test' })).claimed > 0);
};
const stockOf = async (w: StockWorld, specs: Array<Omit<LotSpec, 'deviceId' | 'binId'> & { binId?: string }>) => {
  const ids = await receiveReleased(t.db, specs.map((s) => ({ deviceId: w.gauze.id, binId: w.bins['AMB-1'], ...s })));
  return Object.fromEntries(specs.map((s, i) => [s.lotNumber, ids[i]!])) as Record<string, string>;
};
const names = (ids: Record<string, string>) => Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));

describe('allocating an order', () => {
  it('takes the earliest expiry first across lots and bins, back-orders the rest and promises every line', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const ids = await stockOf(w, [
      { lotNumber: 'GB', expiresOn: inDays(300), quantity: 10 },
      { lotNumber: 'GA', expiresOn: inDays(100), quantity: 5, binId: w.bins['AMB-2'] },
      { lotNumber: 'GC', expiresOn: inDays(200), quantity: 4 },
    ]);
    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 25 }, { deviceId: w.stent.id, quantity: 2 }]);
    const res = await allocate(id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(lots(res, names(ids))).toEqual(['GA:5', 'GC:4', 'GB:10']);
    expect(res.body.backOrders).toEqual([
      { lineNo: 1, quantity: 6, promisedDate: null, basis: 'lead_time' },
      { lineNo: 2, quantity: 2, promisedDate: null, basis: 'lead_time' },
    ]);
    expect(res.body).toMatchObject({ status: 'confirmed', shipDate: inDays(7), promisedDate: null });
    const detail = await order(id);
    expect(detail.lines.map((l: any) => [l.allocated, l.promiseBasis.basis, l.promiseBasis.fromStock, l.promiseBasis.lotIds.length])).toEqual([
      [19, 'lead_time', 19, 3], [0, 'lead_time', 0, 0],
    ]);
    const listed = await wh.get(`/api/v1/orders/${id}/allocations`);
    expect(listed.body.items.map((a: any) => [a.lotNumber, a.binCode, a.quantity])).toEqual([['GC', 'AMB-1', 4], ['GB', 'AMB-1', 10], ['GA', 'AMB-2', 5]]);

    const byLot = await wh.get('/api/v1/orders?lot=GC');
    expect(byLot.body.items.map((o: any) => o.id)).toEqual([id]);
    expect((await wh.get('/api/v1/orders?lot=NO-SUCH-LOT')).body.total).toBe(0);

    const again = await allocate(id);
    expect([again.body.allocations, again.body.backOrders.map((b: any) => b.quantity)]).toEqual([[], [6, 2]]);
    expect(await readTx(t.db, verifyLedger)).toEqual([]);
  });

  it('promises the requested date and marks the order allocated when stock covers it', async () => {
    const w = await stockWorld(t.db, t.crypto);
    await stockOf(w, [{ lotNumber: 'GX', expiresOn: inDays(400), quantity: 10 }]);
    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 10 }], { requestedDate: inDays(9) });
    const res = await allocate(id, cs);
    expect(res.body).toMatchObject({ status: 'allocated', promisedDate: inDays(9), backOrders: [] });
    const detail = await order(id);
    expect(detail).toMatchObject({ status: 'allocated', promisedDate: inDays(9) });
    expect(detail.lines[0]).toMatchObject({ allocated: 10, promisedDate: inDays(9), promiseBasis: { basis: 'stock', shipDate: inDays(9) } });
    const events = await t.db.query<{ topic: string }>(`SELECT topic FROM outbox_events WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(events.rows.map((e) => e.topic)).toEqual(expect.arrayContaining(['order.allocated', 'order.status_changed']));
  });

  it('never allocates quarantined, blocked, recalled, rejected, expired or short-dated stock (invariant 1)', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const party = (await admin.get(`/api/v1/parties/${w.hospital.id}`)).body;
    expect((await admin.request('PATCH', `/api/v1/parties/${w.hospital.id}`, { version: party.version, minShelfLifeDays: 200 })).status).toBe(200);
    const ids = await stockOf(w, [
      { lotNumber: 'BLOCKED', expiresOn: inDays(400), quantity: 5 },
      { lotNumber: 'RECALLED', expiresOn: inDays(400), quantity: 5 },
      { lotNumber: 'EXPIRING', expiresOn: inDays(5), quantity: 5 },
      { lotNumber: 'SHORT', expiresOn: inDays(150), quantity: 5 },
      { lotNumber: 'GOOD', expiresOn: inDays(400), quantity: 2 },
    ]);
    const quarantined = await wh.post('/api/v1/inventory/receipts', { binId: w.bins['AMB-2'], lines: [
      { deviceId: w.gauze.id, lotNumber: 'QUARANTINE', expiresOn: inDays(400), quantity: 5 },
      { deviceId: w.gauze.id, lotNumber: 'REJECTED', expiresOn: inDays(400), quantity: 5 },
    ] });
    const rejected = quarantined.body.lines[1].lotId;
    await wh.post(`/api/v1/inventory/lots/${rejected}/documents`, { kind: 'inspection_report', reference: 'IR-REJ' });
    expect((await qa.post(`/api/v1/inventory/lots/${rejected}/reject`, { password: TEST_PASSWORD, meaning: 'failed inspection' })).status).toBe(200);
    expect((await qa.post(`/api/v1/inventory/lots/${ids.BLOCKED}/block`, { reason: 'investigation QE-7' })).body.status).toBe('blocked');
    expect((await qa.post(`/api/v1/inventory/lots/${ids.RECALLED}/recall`, { reason: 'recall notice R-1' })).body.status).toBe('recalled');

    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 10 }], { requestedDate: inDays(10) });
    const res = await allocate(id);
    expect(lots(res, names(ids))).toEqual(['GOOD:2']);
    expect(res.body.backOrders.map((b: any) => b.quantity)).toEqual([8]);
  });

  it('refuses an order that is not confirmed, and a user who may neither write orders nor stock', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const draft = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 1 }], { submit: false });
    expect((await allocate(draft)).body.error.code).toBe('INVALID_STATE');
    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 1 }]);
    expect((await allocate(id, await t.userClient('auditor'))).status).toBe(403);
    expect((await allocate('00000000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});

describe('giving stock back', () => {
  it('releases a cancelled line’s and then a cancelled order’s allocations (outbox handler)', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const ids = await stockOf(w, [{ lotNumber: 'GC1', expiresOn: inDays(300), quantity: 20 }]);
    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 6 }, { deviceId: w.gauze.id, quantity: 4 }]);
    await allocate(id);
    expect(await heldOn(ids.GC1!)).toBe(10);
    expect((await cs.post(`/api/v1/orders/${id}/lines/2/cancel`, { reason: 'not needed' })).status).toBe(200);
    expect(await heldOn(ids.GC1!)).toBe(10);
    await drain();
    expect(await heldOn(ids.GC1!)).toBe(6);
    expect((await order(id)).lines.map((l: any) => l.allocated)).toEqual([6, 0]);
    expect((await order(id)).status).toBe('allocated');

    await cs.post(`/api/v1/orders/${id}/cancel`, { reason: 'customer cancelled' });
    await drain();
    expect(await heldOn(ids.GC1!)).toBe(0);
    expect((await wh.get(`/api/v1/orders/${id}/allocations`)).body.items).toEqual([]);
    expect((await order(id)).timeline.map((e: any) => e.action)).toContain('allocations_released');
    await drain();
    expect(await readTx(t.db, verifyLedger)).toEqual([]);
  });

  it('releases the old version’s allocations when the order is amended', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const ids = await stockOf(w, [{ lotNumber: 'GAM', expiresOn: inDays(300), quantity: 20 }]);
    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 5 }]);
    await allocate(id);
    const amended = await cs.request('PUT', `/api/v1/orders/${id}`, {
      customerId: w.hospital.id, requestedDate: inDays(7), lines: [{ deviceId: w.gauze.id, quantity: 3 }], reason: 'fewer units',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    expect(await heldOn(ids.GAM!)).toBe(5);
    const res = await allocate(id);
    expect(res.body).toMatchObject({ releasedUnits: 5, status: 'allocated' });
    expect(await heldOn(ids.GAM!)).toBe(3);
    await drain();
    expect(await heldOn(ids.GAM!)).toBe(3);
    expect(await readTx(t.db, verifyLedger)).toEqual([]);
  });

  it('takes back a recalled lot’s allocations and re-allocates the orders from other lots', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const ids = await stockOf(w, [{ lotNumber: 'L1', expiresOn: inDays(100), quantity: 5 }, { lotNumber: 'L2', expiresOn: inDays(300), quantity: 10 }]);
    const a = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 5 }]);
    const b = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 4 }]);
    expect(lots(await allocate(a), names(ids))).toEqual(['L1:5']);
    expect(lots(await allocate(b), names(ids))).toEqual(['L2:4']);

    const recall = await qa.post(`/api/v1/inventory/lots/${ids.L1}/recall`, { reason: 'recall notice 2026-17' });
    expect(recall.body).toMatchObject({ status: 'recalled', releasedUnits: 5 });
    expect(recall.body.reallocations).toEqual([expect.objectContaining({ orderId: a, releasedUnits: 5, reallocatedUnits: 5, backOrderedUnits: 0, status: 'allocated' })]);
    expect((await wh.get(`/api/v1/orders/${a}/allocations`)).body.items.map((x: any) => [x.lotNumber, x.quantity])).toEqual([['L2', 5]]);
    expect(await heldOn(ids.L1!)).toBe(0);

    const block = await qa.post(`/api/v1/inventory/lots/${ids.L2}/block`, { reason: 'complaint under investigation' });
    expect(block.body.reallocations.map((r: any) => [r.orderId === a ? 'a' : 'b', r.reallocatedUnits, r.backOrderedUnits, r.status]).sort()).toEqual([
      ['a', 0, 5, 'confirmed'], ['b', 0, 4, 'confirmed'],
    ]);
    const topics = await t.db.query<{ topic: string }>(`SELECT topic FROM outbox_events WHERE entity_id = ANY($1::text[]) ORDER BY id`, [[ids.L1, ids.L2]]);
    expect(topics.rows.map((e) => e.topic)).toEqual(['inventory.lot_status_changed', 'inventory.lot_status_changed']);
    expect(await readTx(t.db, verifyLedger)).toEqual([]);
  });
});

describe('customer preferences and promises', () => {
  it('serves a line from one lot when the customer asks, from the ship-to’s warehouse only', async () => {
    const w = await stockWorld(t.db, t.crypto);
    const far = await createWarehouse(t.db, systemActor('test'), {
      code: `FAR-${w.warehouseId.slice(-6)}`, nameZh: '远仓', zones: [{ code: 'AMB', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }],
      bins: [{ code: 'F-1', zoneCode: 'AMB' }],
    });
    const ids = await stockOf(w, [
      { lotNumber: 'NEAR-A', expiresOn: inDays(200), quantity: 3 },
      { lotNumber: 'NEAR-B', expiresOn: inDays(300), quantity: 10 },
      { lotNumber: 'FAR-A', expiresOn: inDays(150), quantity: 10, binId: far.bins[0]!.id },
    ]);
    const sales = await t.userClient('sales');
    expect((await cs.request('PUT', `/api/v1/inventory/allocation-preferences/${w.hospital.id}`, { singleLotPerLine: true })).status).toBe(403);
    const set = await sales.request('PUT', `/api/v1/inventory/allocation-preferences/${w.hospital.id}`, {
      singleLotPerLine: true, shipToWarehouses: [{ shipToId: w.hospital.shipToId, warehouseIds: [w.warehouseId] }],
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await cs.get(`/api/v1/inventory/allocation-preferences/${w.hospital.id}`)).body).toEqual({
      customerId: w.hospital.id, singleLotPerLine: true, shipToWarehouses: [{ shipToId: w.hospital.shipToId, warehouseIds: [w.warehouseId] }],
    });
    const id = await placeOrder(w, [{ deviceId: w.gauze.id, quantity: 8 }]);
    expect(lots(await allocate(id), names(ids))).toEqual(['NEAR-B:8']);
  });

  it('promises lines at order entry from free stock, else after the device’s lead time', async () => {
    const w = await stockWorld(t.db, t.crypto);
    await stockOf(w, [{ lotNumber: 'P1', expiresOn: inDays(300), quantity: 5 }]);
    const device = (await admin.get(`/api/v1/devices/${w.stent.id}`)).body;
    expect((await admin.request('PATCH', `/api/v1/devices/${w.stent.id}`, { version: device.version, leadTimeDays: 30 })).status).toBe(200);
    const res = await cs.post('/api/v1/orders/promise', { customerId: w.hospital.id, lines: [{ deviceId: w.gauze.id, quantity: 5 }, { deviceId: w.stent.id, quantity: 3 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { earliestShipDate } = shippingDates();
    const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    expect(res.body.lines.map((l: any) => [l.lineNo, l.basis, l.shipDate, l.fromStock, l.fromLeadTime])).toEqual([
      [1, 'stock', earliestShipDate, 5, 0], [2, 'lead_time', addDays(earliestShipDate, 30), 0, 3],
    ]);
    expect(res.body.promisedDate).toBe(addDays(earliestShipDate, 30));
    expect(await heldOn((await wh.get(`/api/v1/inventory/lots?deviceId=${w.gauze.id}`)).body.items[0].id)).toBe(0);
  });
});
