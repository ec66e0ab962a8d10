import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { portalWorld, type PortalWorld } from '../../src/modules/portal/portal-world.fixture.ts';

let t: TestApp;
let w: PortalWorld;
let buyer: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  w = await portalWorld(t.db, t.crypto);
  buyer = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
});
afterAll(() => t.close());

const put = (c: HttpClient, body: unknown) => c.request('PUT', '/api/v1/portal/cart/lines', body);
const orderCount = async (c: HttpClient) => (await c.get('/api/v1/portal/orders')).body.total as number;

describe('the portal cart', () => {
  it('starts empty', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    expect((await c.get('/api/v1/portal/cart')).body).toEqual({ id: null, status: 'open', lines: [], currency: null, totalMinor: 0, updatedAt: null });
  });

  it('sets lines in a unit at today’s price for the quantity; setting again replaces, 0 removes', async () => {
    await put(buyer, { deviceId: w.a.stent.id, quantity: 2, uom: 'CA' });
    await put(buyer, { deviceId: w.a.gauze.id, quantity: 4 });
    let cart = (await put(buyer, { deviceId: w.a.gauze.id, quantity: 5 })).body;
    expect(cart.lines.map((l: any) => [l.deviceCode, l.uom, l.quantity, l.baseQuantity, l.price.unitPriceMinor, l.lineTotalMinor])).toEqual([
      [w.a.stent.code, 'CA', 2, 20, 1_000_000, 20_000_000],
      [w.a.gauze.code, 'EA', 5, 5, 350, 1_750],
    ]);
    expect(cart).toMatchObject({ currency: 'CNY', totalMinor: 20_001_750 });
    expect(cart.lines[0].price.source).toBe('contract');
    cart = (await put(buyer, { deviceId: w.a.gauze.id, quantity: 0 })).body;
    expect(cart.lines.map((l: any) => l.deviceCode)).toEqual([w.a.stent.code]);
    expect((await buyer.get('/api/v1/portal/cart')).body.id).toBe(cart.id);
  });

  it('applies quantity breaks to the base quantity', async () => {
    const cart = (await put(buyer, { deviceId: w.b.stent.id, quantity: 5, uom: 'CA' })).body;
    expect(cart.lines.find((l: any) => l.deviceId === w.b.stent.id)).toMatchObject({ baseQuantity: 50, price: { unitPriceMinor: 1_100_000, source: 'break' } });
    await put(buyer, { deviceId: w.b.stent.id, quantity: 0, uom: 'CA' });
  });

  it('refuses bad lines naming the field, changing nothing', async () => {
    const before = (await buyer.get('/api/v1/portal/cart')).body;
    const unlicensedBuyer = await t.userClient('hospital_portal', { organisationId: w.unlicensed.id });
    const cases: Array<[HttpClient, unknown, number, string, string?]> = [
      [buyer, { deviceId: w.a.gauze.id, quantity: -1 }, 400, 'quantity'],
      [buyer, { deviceId: w.a.gauze.id, quantity: 1.5 }, 400, 'quantity'],
      [buyer, { deviceId: w.a.gauze.id }, 400, 'quantity'],
      [buyer, { deviceId: 'gauze', quantity: 1 }, 400, 'deviceId'],
      [buyer, { deviceId: w.a.gauze.id, quantity: 1, colour: 'red' }, 400, 'colour'],
      [buyer, { deviceId: w.a.gauze.id, quantity: 1, uom: 'DRUM' }, 400, 'uom'],
      [buyer, { deviceId: w.a.stent.id, quantity: 1, uom: 'BX' }, 400, 'uom'],
      [buyer, { deviceId: w.unpriced.id, quantity: 1 }, 404, 'deviceId'],
      [buyer, { deviceId: w.retired.id, quantity: 1 }, 404, 'deviceId'],
      [buyer, { deviceId: '00000000-0000-7000-8000-000000000000', quantity: 1 }, 404, 'deviceId'],
      [unlicensedBuyer, { deviceId: w.a.stent.id, quantity: 1 }, 422, 'deviceId', 'LICENCE_MISSING'],
    ];
    for (const [client, body, status, field, code] of cases) {
      const res = await put(client, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
      if (code) expect(res.body.error.code).toBe(code);
    }
    expect((await buyer.get('/api/v1/portal/cart')).body.lines).toEqual(before.lines);
    expect((await unlicensedBuyer.get('/api/v1/portal/cart')).body.id).toBeNull();
  });

  it('belongs to one user: a colleague of the same hospital has an own cart', async () => {
    const colleague = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    expect((await colleague.get('/api/v1/portal/cart')).body.lines).toEqual([]);
  });

  it('is emptied by DELETE, which is fine to repeat', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    await put(c, { deviceId: w.a.gauze.id, quantity: 3 });
    expect((await c.request('DELETE', '/api/v1/portal/cart')).status).toBe(204);
    expect((await c.get('/api/v1/portal/cart')).body.lines).toEqual([]);
    expect((await c.request('DELETE', '/api/v1/portal/cart')).status).toBe(204);
  });
});

describe('POST /api/v1/portal/cart/submit', () => {
  it('places the cart as a portal order, and a second submit answers the same order', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    await put(c, { deviceId: w.a.stent.id, quantity: 1, uom: 'CA' });
    await put(c, { deviceId: w.a.gauze.id, quantity: 10 });
    const before = await orderCount(c);
    const first = await c.post('/api/v1/portal/cart/submit', { externalPo: 'HOSP-PO-1', notes: '请周二送货' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ alreadySubmitted: false, number: expect.stringMatching(/^SO-\d{4}-\d{6}$/) });
    const again = await c.post('/api/v1/portal/cart/submit', { externalPo: 'HOSP-PO-1', notes: '请周二送货' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ orderId: first.body.orderId, cartId: first.body.cartId, alreadySubmitted: true });
    expect(await orderCount(c)).toBe(before + 1);
    const order = (await c.get(`/api/v1/portal/orders/${first.body.orderId}`)).body;
    expect(order).toMatchObject({ externalPo: 'HOSP-PO-1', notes: '请周二送货', status: first.body.status });
    expect(order.lines.map((l: any) => [l.deviceCode, l.uom, l.uomQuantity, l.ordered, l.unitPriceMinor])).toEqual([
      [w.a.stent.code, 'CA', 1, 10, 1_000_000], [w.a.gauze.code, 'EA', 10, 10, 350],
    ]);
    const staff = await t.userClient('customer_service');
    expect((await staff.get(`/api/v1/orders/${first.body.orderId}`)).body).toMatchObject({ channel: 'portal', sourceType: 'portal_cart', sourceRef: first.body.cartId });
    expect((await c.get('/api/v1/portal/cart')).body).toMatchObject({ id: null, lines: [] });
  });

  it('creates one order for five submits at once', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    await put(c, { deviceId: w.a.gauze.id, quantity: 7 });
    const before = await orderCount(c);
    const answers = await Promise.all(Array.from({ length: 5 }, () => c.post('/api/v1/portal/cart/submit', {})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.orderId)).size).toBe(1);
    expect(await orderCount(c)).toBe(before + 1);
  });

  it('honours an Idempotency-Key, also for five at once, and refuses the key with another body', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    await put(c, { deviceId: w.a.gauze.id, quantity: 2 });
    const before = await orderCount(c);
    const headers = { 'idempotency-key': 'portal-submit-1' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => c.post('/api/v1/portal/cart/submit', { externalPo: 'K-1' }, headers)));
    expect(new Set(answers.map((a) => a.body.orderId)).size).toBe(1);
    const replay = await c.post('/api/v1/portal/cart/submit', { externalPo: 'K-1' }, headers);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.orderId).toBe(answers[0]!.body.orderId);
    expect(await orderCount(c)).toBe(before + 1);
    const other = await c.post('/api/v1/portal/cart/submit', { externalPo: 'K-2' }, headers);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses bad input naming the field, and leaves the cart open', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    const before = await orderCount(c);
    const empty = await c.post('/api/v1/portal/cart/submit', {});
    expect(empty.status).toBe(409);
    expect(empty.body.error).toMatchObject({ code: 'INVALID_STATE', field: 'lines' });
    await put(c, { deviceId: w.a.gauze.id, quantity: 1 });
    const cases: Array<[unknown, number, string]> = [
      [{ shipToId: w.b.hospital.shipToId }, 400, 'shipToId'],
      [{ requestedDate: '2026-02-30x' }, 400, 'requestedDate'],
      [{ externalPo: 'x'.repeat(65) }, 400, 'externalPo'],
      [{ cartId: '00000000-0000-7000-8000-000000000000' }, 404, 'cartId'],
      [{ priority: 1 }, 400, 'priority'],
    ];
    for (const [body, status, field] of cases) {
      const res = await c.post('/api/v1/portal/cart/submit', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.field).toBe(field);
    }
    expect((await c.get('/api/v1/portal/cart')).body.lines).toHaveLength(1);
    expect(await orderCount(c)).toBe(before);
  });

  it('submits a named cart only for its own user', async () => {
    const c = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
    const cart = (await put(c, { deviceId: w.a.gauze.id, quantity: 1 })).body;
    const other = await t.userClient('hospital_portal', { organisationId: w.b.hospital.id });
    const res = await other.post('/api/v1/portal/cart/submit', { cartId: cart.id });
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe('cartId');
    expect((await c.post('/api/v1/portal/cart/submit', { cartId: cart.id })).status).toBe(201);
  });
});
