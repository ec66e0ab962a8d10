import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { seedDevice, seedParty } from '../../src/modules/pricing/pricing-records.fixture.ts';
import { localDate } from '../../src/modules/pricing/quote.ts';

let t: TestApp;
let sales: HttpClient;
let hospital: string;
let otherHospital: string;
let supplier: string;
let d: string[];
const MISSING = '00000000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.userClient('sales');
  hospital = await seedParty(t.db, t.crypto, 'HOSP-1');
  otherHospital = await seedParty(t.db, t.crypto, 'HOSP-2');
  supplier = await seedParty(t.db, t.crypto, 'SUP-1', { kind: 'supplier' });
  d = [];
  for (const code of ['D-1', 'D-2', 'D-3', 'D-4']) d.push(await seedDevice(t.db, code));
  const list = async (body: Record<string, unknown>) => (await sales.post('/api/v1/price-lists', { name: 'n', currency: 'CNY', validFrom: '2026-01-01', ...body })).body.id as string;
  const gen = await list({
    code: 'GEN',
    lines: [
      { deviceId: d[0], unitPriceMinor: 10_000, floorMinor: 9_000, breaks: [{ minQuantity: 100, unitPriceMinor: 9_500 }] },
      { deviceId: d[1], unitPriceMinor: 500 },
    ],
  });
  await list({ code: 'PORTAL', channel: 'portal', lines: [{ deviceId: d[0], unitPriceMinor: 9_800 }] });
  await list({ code: 'HOSP-1-ONLY', customerId: hospital, lines: [{ deviceId: d[2], unitPriceMinor: 300 }] });
  await list({ code: 'USD', currency: 'USD', lines: [{ deviceId: d[3], unitPriceMinor: 99 }] });
  await sales.post('/api/v1/contracts', { contractNo: 'HT-EDI', customerId: hospital, channel: 'edi', validFrom: '2026-01-01', prices: [{ deviceId: d[1], unitPriceMinor: 420 }] });
  await sales.post('/api/v1/contracts', { contractNo: 'HT-DISC', customerId: hospital, validFrom: '2026-01-01', priceListId: gen, discountPercent: '10' });
});
afterAll(() => t.close());

const quote = (client: HttpClient, body: Record<string, unknown>) => client.post('/api/v1/pricing/quote', body);
const linesOf = (deviceIds: string[], quantity = 1) => deviceIds.map((deviceId) => ({ deviceId, quantity }));

describe('POST /api/v1/pricing/quote', () => {
  it('quotes every line with its source, explanation and floor check', async () => {
    const res = await quote(sales, { customerId: hospital, date: '2026-06-01', lines: [...linesOf([d[0]!]), { deviceId: d[0], quantity: 100 }, ...linesOf([d[1]!, d[2]!, d[3]!, MISSING])] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId: hospital, currency: 'CNY', date: '2026-06-01', channel: null });
    const [base, brk, disc, own, usd, unknown] = res.body.lines;
    expect(base).toMatchObject({ lineNo: 1, unitPriceMinor: 9_000, source: 'price_list', belowFloor: false, floorMinor: 9_000, explanation: { priceListCode: 'GEN', contractNo: 'HT-DISC', discountBp: 1_000 } });
    expect(base.explanation.en).toContain('contract HT-DISC discount 10.00% gives 90.00 CNY');
    expect(base.explanation.zh).toContain('按合同 HT-DISC 优惠 10.00% 后为 90.00 CNY');
    expect(brk).toMatchObject({ quantity: 100, unitPriceMinor: 8_550, source: 'break', belowFloor: true, explanation: { breakMinQty: 100 } });
    expect(disc).toMatchObject({ unitPriceMinor: 450, source: 'price_list' });
    expect(own).toMatchObject({ unitPriceMinor: 300, explanation: { priceListCode: 'HOSP-1-ONLY' } });
    expect(own.explanation).not.toHaveProperty('discountBp');
    expect(usd).toMatchObject({ deviceId: d[3], error: { code: 'PRICE_NOT_FOUND', reason: 'currency_mismatch' } });
    expect(unknown).toMatchObject({ lineNo: 6, error: { code: 'PRICE_NOT_FOUND', reason: 'no_price' } });
  });

  it('applies channel contracts and channel lists only on their channel', async () => {
    const edi = await quote(sales, { customerId: hospital, channel: 'edi', date: '2026-06-01', lines: linesOf([d[1]!]) });
    expect(edi.body.lines[0]).toMatchObject({ unitPriceMinor: 420, source: 'contract', explanation: { contractNo: 'HT-EDI' } });
    const portal = await quote(sales, { customerId: hospital, channel: 'portal', date: '2026-06-01', lines: linesOf([d[0]!, d[1]!]) });
    expect(portal.body.lines.map((l: { unitPriceMinor: number }) => l.unitPriceMinor)).toEqual([9_800, 450]);
  });

  it('prices nothing before the lists start, and defaults the date to today', async () => {
    const early = await quote(sales, { customerId: hospital, date: '2025-12-31', lines: linesOf([d[0]!, d[1]!]) });
    expect(early.body.lines.every((l: { error?: { reason: string } }) => l.error?.reason === 'no_price')).toBe(true);
    const today = await quote(sales, { customerId: hospital, lines: linesOf([d[0]!]) });
    expect(today.body.date).toBe(localDate());
  });

  it('gives another customer neither the customer list nor the contracts', async () => {
    const res = await quote(sales, { customerId: otherHospital, channel: 'edi', date: '2026-06-01', lines: linesOf([d[0]!, d[1]!, d[2]!]) });
    expect(res.body.lines.map((l: { unitPriceMinor?: number; error?: unknown }) => l.unitPriceMinor ?? 'none')).toEqual([10_000, 500, 'none']);
  });

  it.each([
    ['a missing customer', 400, 'customerId', { lines: [{ deviceId: MISSING, quantity: 1 }] }],
    ['no lines', 400, 'lines', { customerId: MISSING, lines: [] }],
    ['a zero quantity', 400, 'lines.0.quantity', { customerId: MISSING, lines: [{ deviceId: MISSING, quantity: 0 }] }],
    ['a fractional quantity', 400, 'lines.0.quantity', { customerId: MISSING, lines: [{ deviceId: MISSING, quantity: 1.5 }] }],
    ['a device id that is no uuid', 400, 'lines.0.deviceId', { customerId: MISSING, lines: [{ deviceId: 'D-1', quantity: 1 }] }],
    ['an unknown channel', 400, 'channel', { customerId: MISSING, channel: 'fax', lines: [{ deviceId: MISSING, quantity: 1 }] }],
    ['an impossible date', 400, 'date', { customerId: MISSING, date: '2026-13-01', lines: [{ deviceId: MISSING, quantity: 1 }] }],
    ['an unknown customer', 404, 'customerId', { customerId: MISSING, lines: [{ deviceId: MISSING, quantity: 1 }] }],
  ])('refuses %s with %i naming %s', async (_what, status, field, body) => {
    const res = await quote(sales, body);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
  });

  it('refuses a supplier as the customer', async () => {
    const res = await quote(sales, { customerId: supplier, lines: linesOf([d[0]!]) });
    expect([res.status, res.body.error.field]).toEqual([400, 'customerId']);
  });
});

describe('quote permissions and portal scoping', () => {
  it('needs pricing.read', async () => {
    expect((await quote(await t.userClient('auditor'), { customerId: hospital, lines: linesOf([d[0]!]) })).status).toBe(200);
    expect((await quote(await t.userClient('warehouse'), { customerId: hospital, lines: linesOf([d[0]!]) })).status).toBe(403);
    expect((await quote(t.anonymous(), { customerId: hospital, lines: linesOf([d[0]!]) })).status).toBe(401);
  });

  it('lets a hospital buyer quote for its own organisation only, without floor prices', async () => {
    const portal = await t.userClient('hospital_portal', { organisationId: hospital });
    const own = await quote(portal, { customerId: hospital, date: '2026-06-01', lines: [{ deviceId: d[0], quantity: 100 }] });
    expect(own.status).toBe(200);
    expect(own.body.lines[0]).toMatchObject({ unitPriceMinor: 8_550, source: 'break' });
    expect(own.body.lines[0]).not.toHaveProperty('floorMinor');
    expect(own.body.lines[0]).not.toHaveProperty('belowFloor');
    const other = await quote(portal, { customerId: otherHospital, lines: linesOf([d[0]!]) });
    expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const none = await quote(portal, { customerId: MISSING, lines: linesOf([d[0]!]) });
    expect(none.status).toBe(404);
  });
});
