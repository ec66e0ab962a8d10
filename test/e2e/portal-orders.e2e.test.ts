import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { portalWorld, type PortalWorld } from '../../src/modules/portal/portal-world.fixture.ts';
import { createContract } from '../../src/modules/pricing/create-contract.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';

let t: TestApp;
let w: PortalWorld;
let staff: HttpClient;
let buyerA: HttpClient;
let buyerB: HttpClient;
const ids: Record<string, string> = {};
const later = addDays(localToday(), 14);

const staffOrder = async (customerId: string, lines: unknown[], more: Record<string, unknown> = {}) => {
  const res = await staff.post('/api/v1/orders', { customerId, requestedDate: later, lines, ...more });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
};

beforeAll(async () => {
  t = await startTestApp();
  w = await portalWorld(t.db, t.crypto);
  staff = await t.userClient('customer_service');
  buyerA = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
  buyerB = await t.userClient('hospital_portal', { organisationId: w.b.hospital.id });
  ids.a = await staffOrder(w.a.hospital.id, [{ deviceId: w.a.stent.id, quantity: 2, uom: 'CA' }], { externalPo: 'A-PO-1' });
  ids.b = await staffOrder(w.b.hospital.id, [{ deviceId: w.b.gauze.id, quantity: 30 }, { deviceId: w.b.stent.id, quantity: 3 }], { externalPo: 'B-PO-1' });
  // A class III device for a hospital holding no licence: the order waits on a compliance hold.
  ids.unlicensed = await staffOrder(w.unlicensed.id, [{ deviceId: w.a.stent.id, quantity: 1 }, { deviceId: w.a.gauze.id, quantity: 8 }]);
});
afterAll(() => t.close());

describe('GET /api/v1/portal/orders', () => {
  it('lists the hospital’s own orders only, without the seller’s columns', async () => {
    const a = (await buyerA.get('/api/v1/portal/orders')).body;
    expect(a.items.map((o: any) => o.id)).toEqual([ids.a]);
    expect(a.items[0]).toMatchObject({ externalPo: 'A-PO-1', status: expect.any(String), totalMinor: 20_000_000, currency: 'CNY' });
    expect(a.items[0]).not.toHaveProperty('openHolds');
    expect(a.items[0]).not.toHaveProperty('channel');
    expect((await buyerB.get('/api/v1/portal/orders')).body.items.map((o: any) => o.id)).toEqual([ids.b]);
  });

  it('filters and refuses bad filters naming the field', async () => {
    expect((await buyerB.get('/api/v1/portal/orders?q=B-PO')).body.total).toBe(1);
    expect((await buyerB.get('/api/v1/portal/orders?status=cancelled')).body.total).toBe(0);
    for (const [query, field] of [['limit=0', 'querystring.limit'], ['from=yesterday', 'querystring.from'], ['status=' + 'x'.repeat(21), 'querystring.status']]) {
      const res = await buyerA.get(`/api/v1/portal/orders?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });
});

describe('GET /api/v1/portal/orders/:id', () => {
  it('shows its order with lines, prices and status events only', async () => {
    const res = await buyerB.get(`/api/v1/portal/orders/${ids.b}`);
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o).toMatchObject({ id: ids.b, externalPo: 'B-PO-1', requestedDate: later });
    expect(o.lines.map((l: any) => [l.deviceCode, l.ordered, l.unitPriceMinor])).toEqual([[w.b.gauze.code, 30, 350], [w.b.stent.code, 3, 1_200_000]]);
    expect(o.lines[1].priceExplanation).toEqual(expect.objectContaining({ source: 'price_list', en: expect.any(String), zh: expect.any(String) }));
    expect(JSON.stringify(o)).not.toMatch(/floor|createdBy|sourceType|promiseBasis|alerts|customer_service/);
    expect(o.timeline.length).toBeGreaterThan(0);
    expect(o.timeline.every((e: any) => Object.keys(e).sort().join() === 'at,status')).toBe(true);
    expect(o.timeline.at(-1).status).toBe(o.status);
  });

  it('shows a hold as a wording for the hospital, not the rule and facts that placed it', async () => {
    const buyer = await t.userClient('hospital_portal', { organisationId: w.unlicensed.id });
    const o = (await buyer.get(`/api/v1/portal/orders/${ids.unlicensed}`)).body;
    expect(o.status).toBe('on_hold');
    expect(o.holds).toContainEqual({ type: 'compliance', status: 'open', placedAt: expect.any(String), releasedAt: null,
      en: 'awaiting a licence and registration check', zh: '等待资质审核' });
    expect(JSON.stringify(o.holds)).not.toMatch(/origin|reason|placedBy|LICENCE/);
  });

  it('is not found for another organisation’s order, whatever id is typed', async () => {
    for (const id of [ids.b, ids.unlicensed, '00000000-0000-7000-8000-000000000000']) {
      const res = await buyerA.get(`/api/v1/portal/orders/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await buyerA.get('/api/v1/portal/orders/not-a-uuid')).body.error.field).toBe('params.id');
  });

  it('is for portal users: staff get 403', async () => {
    expect((await staff.get(`/api/v1/portal/orders/${ids.a}`)).status).toBe(403);
  });
});

describe('POST /api/v1/portal/orders/:id/reorder', () => {
  it('copies a past order into the cart in its units and quantities, at today’s prices, adding to the cart', async () => {
    await createContract(t.db, systemActor('test'), { contractNo: `HT-B-${process.pid}`, customerId: w.b.hospital.id, validFrom: '2026-01-01',
      prices: [{ deviceId: w.b.gauze.id, unitPriceMinor: 300 }] });
    await buyerB.request('PUT', '/api/v1/portal/cart/lines', { deviceId: w.b.gauze.id, quantity: 5 });
    const res = await buyerB.post(`/api/v1/portal/orders/${ids.b}/reorder`);
    expect(res.status).toBe(200);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.cart.lines.map((l: any) => [l.deviceCode, l.uom, l.quantity, l.price.unitPriceMinor])).toEqual([
      [w.b.gauze.code, 'EA', 35, 300], [w.b.stent.code, 'EA', 3, 1_200_000],
    ]);
    expect(res.body.cart.lines[0].price.source).toBe('contract');
  });

  it('keeps the unit a line was ordered in', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    const res = await c.post(`/api/v1/portal/orders/${ids.a}/reorder`);
    expect(res.body.cart.lines.map((l: any) => [l.uom, l.quantity, l.baseQuantity])).toEqual([['CA', 2, 20]]);
  });

  it('reports the lines the hospital may no longer order instead of copying them', async () => {
    const buyer = await t.userClient('hospital_portal', { organisationId: w.unlicensed.id });
    const res = await buyer.post(`/api/v1/portal/orders/${ids.unlicensed}/reorder`);
    expect(res.body.cart.lines.map((l: any) => l.deviceCode)).toEqual([w.a.gauze.code]);
    expect(res.body.skipped).toEqual([{ lineNo: 1, deviceCode: w.a.stent.code, reason: expect.objectContaining({ code: 'LICENCE_MISSING' }) }]);
  });

  it('is not found for another organisation’s order, and leaves the cart as it was', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    for (const id of [ids.b, '00000000-0000-7000-8000-000000000000']) {
      const res = await c.post(`/api/v1/portal/orders/${id}/reorder`);
      expect(res.status).toBe(404);
    }
    expect((await c.get('/api/v1/portal/cart')).body).toMatchObject({ id: null, lines: [] });
    expect((await c.post('/api/v1/portal/orders/nope/reorder')).body.error.field).toBe('params.id');
  });

  it('copies once for one Idempotency-Key', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    const headers = { 'idempotency-key': 'reorder-1' };
    await c.post(`/api/v1/portal/orders/${ids.a}/reorder`, undefined, headers);
    const again = await c.post(`/api/v1/portal/orders/${ids.a}/reorder`, undefined, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await c.get('/api/v1/portal/cart')).body.lines.map((l: any) => l.quantity)).toEqual([2]);
  });
});
