import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { portalWorld, type PortalWorld } from '../../src/modules/portal/portal-world.fixture.ts';

let t: TestApp;
let w: PortalWorld;
let buyerA: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  w = await portalWorld(t.db, t.crypto);
  buyerA = await t.userClient('hospital_portal', { organisationId: w.a.hospital.id });
});
afterAll(() => t.close());

const codes = (body: any): string[] => body.items.map((i: any) => i.code);

describe('GET /api/v1/portal/catalogue', () => {
  it('offers the devices the hospital may buy, with its contract or list price and why, and the packaging', async () => {
    const res = await buyerA.get('/api/v1/portal/catalogue?limit=500');
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(expect.arrayContaining([w.a.stent.code, w.a.coldDevice.code, w.a.gauze.code, w.b.stent.code]));
    const stent = res.body.items.find((i: any) => i.id === w.a.stent.id);
    expect(stent.price).toMatchObject({ unitPriceMinor: 1_000_000, currency: 'CNY', source: 'contract', explanation: { contractNo: w.contractNo } });
    expect(stent.price.explanation.zh).toContain(w.contractNo);
    expect(stent.packaging).toEqual([
      { level: 'each', gtin: w.a.stent.eachGtin, quantity: 1 },
      { level: 'case', gtin: w.a.stent.caseGtin, quantity: 10 },
    ]);
    expect(stent).toMatchObject({ deviceClass: 'III', baseUnit: expect.any(String), registrationNumber: expect.stringContaining('国械注准') });
    // The floor is the seller's business, and stock is not shown until the inventory module says it.
    expect(JSON.stringify(stent)).not.toMatch(/floor|available|stock/i);
    const otherStent = res.body.items.find((i: any) => i.id === w.b.stent.id);
    expect(otherStent.price).toMatchObject({ unitPriceMinor: 1_200_000, source: 'price_list' });
  });

  it('leaves out devices without a price for the hospital, and devices no longer sold', async () => {
    const res = await buyerA.get('/api/v1/portal/catalogue?limit=500');
    expect(codes(res.body)).not.toContain(w.unpriced.code);
    expect(codes(res.body)).not.toContain(w.retired.code);
    expect(res.body.total).toBe(res.body.items.length);
  });

  it('offers an unlicensed hospital only what its (missing) licences allow: class I', async () => {
    const buyer = await t.userClient('hospital_portal', { organisationId: w.unlicensed.id });
    const res = await buyer.get('/api/v1/portal/catalogue?limit=500');
    expect(res.status).toBe(200);
    expect(codes(res.body).sort()).toEqual([w.a.gauze.code, w.b.gauze.code].sort());
    expect(res.body.items.every((i: any) => i.deviceClass === 'I')).toBe(true);
  });

  it('searches and pages', async () => {
    const one = await buyerA.get(`/api/v1/portal/catalogue?q=${encodeURIComponent(w.a.stent.code)}`);
    expect(codes(one.body)).toEqual([w.a.stent.code]);
    const all = await buyerA.get('/api/v1/portal/catalogue?limit=500');
    const page = await buyerA.get('/api/v1/portal/catalogue?limit=2&offset=1');
    expect(page.body).toMatchObject({ total: all.body.total, limit: 2, offset: 1 });
    expect(codes(page.body)).toEqual(codes(all.body).slice(1, 3));
  });

  it('refuses bad paging naming the field', async () => {
    for (const [query, field] of [['limit=0', 'querystring.limit'], ['limit=501', 'querystring.limit'], ['offset=-1', 'querystring.offset'], ['limit=x', 'querystring.limit']]) {
      const res = await buyerA.get(`/api/v1/portal/catalogue?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('is for portal users of an organisation only', async () => {
    expect((await t.anonymous().get('/api/v1/portal/catalogue')).status).toBe(401);
    const sales = await t.userClient('sales');
    expect((await sales.get('/api/v1/portal/catalogue')).body.error.code).toBe('FORBIDDEN');
    // Staff, the administrator too, order through the order routes: the portal is not theirs.
    const admin = await t.userClient('admin');
    const res = await admin.get('/api/v1/portal/catalogue');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/portal/);
  });
});
