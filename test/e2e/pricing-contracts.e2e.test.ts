import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { seedDevice, seedParty } from '../../src/modules/pricing/pricing-records.fixture.ts';

let t: TestApp;
let sales: HttpClient;
let hospital: string;
let usdHospital: string;
let otherHospital: string;
let devices: string[];
let priceListId: string;
const MISSING = '00000000-0000-7000-8000-000000000000';

const contract = (over: Record<string, unknown> = {}) => ({
  contractNo: 'HT-2026-001',
  customerId: hospital,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  prices: [{ deviceId: devices[0], unitPriceMinor: 8_800 }],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.userClient('sales');
  hospital = await seedParty(t.db, t.crypto, 'HOSP-1');
  usdHospital = await seedParty(t.db, t.crypto, 'HOSP-US', { currency: 'USD' });
  otherHospital = await seedParty(t.db, t.crypto, 'HOSP-2');
  devices = [await seedDevice(t.db, 'D-1'), await seedDevice(t.db, 'D-2')];
  priceListId = (await sales.post('/api/v1/price-lists', { code: 'STD', name: 'std', currency: 'CNY', validFrom: '2026-01-01' })).body.id;
});
afterAll(() => t.close());

describe('POST /api/v1/contracts', () => {
  it('creates a contract with prices and a percentage discount, in the customer’s currency by default', async () => {
    const res = await sales.post('/api/v1/contracts', contract({ priceListId, discountPercent: '8.5' }));
    expect(res.status).toBe(201);
    const got = await sales.get(`/api/v1/contracts/${res.body.id}`);
    expect(got.body).toMatchObject({
      contractNo: 'HT-2026-001', customerId: hospital, currency: 'CNY', channel: null, priceListId, discountBp: 850, discountPercent: '8.50',
      priceCount: 1, prices: [{ deviceId: devices[0], deviceCode: 'D-1', unitPriceMinor: 8_800 }], version: 1, source: 'api', createdBy: sales.username,
    });
    const usd = await sales.post('/api/v1/contracts', contract({ contractNo: 'HT-US-1', customerId: usdHospital }));
    expect((await sales.get(`/api/v1/contracts/${usd.body.id}`)).body.currency).toBe('USD');
  });

  it.each([
    ['validTo before validFrom', 400, 'validTo', { contractNo: 'C1', validTo: '2025-12-31' }],
    ['a negative price', 400, 'prices.0.unitPriceMinor', { contractNo: 'C2', prices: [{ deviceId: MISSING, unitPriceMinor: -100 }] }],
    ['a discount over 100 %', 400, 'discountBp', { contractNo: 'C3', discountBp: 10_001 }],
    ['a discount with three decimals', 400, 'discountPercent', { contractNo: 'C4', discountPercent: '8.555' }],
    ['a discount given twice', 400, 'discountPercent', { contractNo: 'C5', discountBp: 850, discountPercent: '8.5' }],
    ['a float discount', 400, 'discountBp', { contractNo: 'C6', discountBp: 8.5 }],
    ['nothing to price', 400, 'prices', { contractNo: 'C7', prices: [] }],
    ['a price list without a discount', 400, 'priceListId', { contractNo: 'C8', priceListId: MISSING }],
    ['an unknown price list', 404, 'priceListId', { contractNo: 'C9', priceListId: MISSING, discountBp: 100 }],
    ['an unknown device', 404, 'prices.0.deviceId', { contractNo: 'C10', prices: [{ deviceId: MISSING, unitPriceMinor: 1 }] }],
    ['an unknown customer', 404, 'customerId', { contractNo: 'C11', customerId: MISSING }],
    ['a device twice', 400, 'prices.1.deviceId', { contractNo: 'C12', prices: [{ deviceId: MISSING, unitPriceMinor: 1 }, { deviceId: MISSING, unitPriceMinor: 2 }] }],
    ['a missing customer', 400, 'customerId', { contractNo: 'C13', customerId: undefined }],
    ['a duplicate number', 409, 'contractNo', {}],
  ])('refuses %s with %i naming %s', async (_what, status, field, over) => {
    const res = await sales.post('/api/v1/contracts', contract(over));
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
  });
});

describe('POST /api/v1/contracts with an Idempotency-Key', () => {
  it('answers a retry with the first answer and refuses the key for another body', async () => {
    const body = contract({ contractNo: 'HT-IDEM' });
    const first = await sales.post('/api/v1/contracts', body, { 'idempotency-key': 'idem-1' });
    const retry = await sales.post('/api/v1/contracts', body, { 'idempotency-key': 'idem-1' });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const other = await sales.post('/api/v1/contracts', contract({ contractNo: 'HT-IDEM-2' }), { 'idempotency-key': 'idem-1' });
    expect([other.status, other.body.error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const withoutKey = await sales.post('/api/v1/contracts', body);
    expect([withoutKey.status, withoutKey.body.error.field]).toEqual([409, 'contractNo']);
  });
});

describe('PATCH /api/v1/contracts/:id', () => {
  it('replaces the prices, changes the discount and audits only what changed', async () => {
    const created = await sales.post('/api/v1/contracts', contract({ contractNo: 'HT-PATCH', prices: [{ deviceId: devices[0], unitPriceMinor: 100 }, { deviceId: devices[1], unitPriceMinor: 200 }] }));
    const res = await sales.request('PATCH', `/api/v1/contracts/${created.body.id}`, {
      prices: [{ deviceId: devices[1], unitPriceMinor: 200 }], discountBp: 300, version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ discountBp: 300, discountPercent: '3.00', version: 2, prices: [{ deviceCode: 'D-2', unitPriceMinor: 200 }] });
    const admin = await t.userClient('admin');
    const audit = await admin.get(`/api/v1/audit?entity=contract&id=${created.body.id}`);
    const updated = audit.body.items.find((a: { action: string }) => a.action === 'updated');
    expect(Object.keys(updated.changes).sort()).toEqual(['discountBp', 'prices']);
    expect(updated.changes.discountBp).toEqual({ old: null, new: 300 });

    const unchanged = await sales.request('PATCH', `/api/v1/contracts/${created.body.id}`, { discountPercent: '3' });
    expect(unchanged.body.version).toBe(2);
  });

  it('refuses a stale version, removing everything it prices, a taken number and an unknown contract', async () => {
    const created = await sales.post('/api/v1/contracts', contract({ contractNo: 'HT-PATCH-2' }));
    const url = `/api/v1/contracts/${created.body.id}`;
    const stale = await sales.request('PATCH', url, { active: false, version: 3 });
    expect([stale.status, stale.body.error.field]).toEqual([409, 'version']);
    const empty = await sales.request('PATCH', url, { prices: [] });
    expect([empty.status, empty.body.error.field]).toEqual([400, 'prices']);
    const taken = await sales.request('PATCH', url, { contractNo: 'HT-2026-001' });
    expect([taken.status, taken.body.error.field]).toEqual([409, 'contractNo']);
    const reversed = await sales.request('PATCH', url, { validTo: '2025-01-01' });
    expect([reversed.status, reversed.body.error.field]).toEqual([400, 'validTo']);
    expect((await sales.request('PATCH', `/api/v1/contracts/${MISSING}`, { active: false })).status).toBe(404);
  });
});

describe('GET /api/v1/contracts', () => {
  it('pages and filters by customer and number', async () => {
    await sales.post('/api/v1/contracts', contract({ contractNo: 'HT-OTHER', customerId: otherHospital }));
    const mine = await sales.get(`/api/v1/contracts?customerId=${hospital}&limit=1`);
    expect(mine.body).toMatchObject({ limit: 1, offset: 0 });
    expect(mine.body.total).toBeGreaterThanOrEqual(3);
    expect(mine.body.items).toHaveLength(1);
    expect((await sales.get('/api/v1/contracts?q=other')).body.items.map((c: { contractNo: string }) => c.contractNo)).toEqual(['HT-OTHER']);
    expect((await sales.get('/api/v1/contracts?customerId=nope')).status).toBe(400);
  });
});

describe('contract permissions and portal scoping', () => {
  it('shows a hospital portal user only its own contracts and hides the others as not found', async () => {
    const portal = await t.userClient('hospital_portal', { organisationId: otherHospital });
    const page = await portal.get('/api/v1/contracts');
    expect(page.body.items.map((c: { contractNo: string }) => c.contractNo)).toEqual(['HT-OTHER']);
    const foreign = (await sales.get('/api/v1/contracts?q=HT-2026-001')).body.items[0].id;
    expect((await portal.get(`/api/v1/contracts/${foreign}`)).status).toBe(404);
    expect((await portal.post('/api/v1/contracts', contract({ contractNo: 'HT-PORTAL' }))).status).toBe(403);
  });

  it('lets customer service read but not write contracts', async () => {
    const cs = await t.userClient('customer_service');
    expect((await cs.get('/api/v1/contracts')).status).toBe(200);
    expect((await cs.post('/api/v1/contracts', contract({ contractNo: 'HT-CS' }))).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/contracts')).status).toBe(401);
  });
});
