import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { seedDevice, seedParty } from '../../src/modules/pricing/pricing-records.fixture.ts';

let t: TestApp;
let sales: HttpClient;
let hospital: string;
let devices: string[];
const MISSING = '00000000-0000-7000-8000-000000000000';

const list = (over: Record<string, unknown> = {}) => ({ code: 'STD-2026', name: '2026 标准价', currency: 'CNY', validFrom: '2026-01-01', validTo: '2026-12-31', ...over });

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.userClient('sales');
  hospital = await seedParty(t.db, t.crypto, 'HOSP-1');
  devices = [await seedDevice(t.db, 'D-1'), await seedDevice(t.db, 'D-2'), await seedDevice(t.db, 'D-3')];
});
afterAll(() => t.close());

describe('POST /api/v1/price-lists', () => {
  it('creates a list with lines, breaks and floors, and shows it with its lines', async () => {
    const lines = [
      { deviceId: devices[0], unitPriceMinor: 10_000, floorMinor: 8_000, breaks: [{ minQuantity: 100, unitPriceMinor: 9_000 }] },
      { deviceId: devices[1], unitPriceMinor: 500 },
    ];
    const res = await sales.post('/api/v1/price-lists', list({ lines }));
    expect(res.status).toBe(201);
    const got = await sales.get(`/api/v1/price-lists/${res.body.id}`);
    expect(got.body).toMatchObject({ code: 'STD-2026', currency: 'CNY', validFrom: '2026-01-01', validTo: '2026-12-31', channel: null, customerId: null, active: true, lineCount: 2, version: 1, source: 'api', createdBy: sales.username });
    const page = await sales.get(`/api/v1/price-lists/${res.body.id}/lines`);
    expect(page.body.total).toBe(2);
    expect(page.body.items.find((l: { deviceId: string }) => l.deviceId === devices[0])).toMatchObject({ deviceCode: 'D-1', unitPriceMinor: 10_000, floorMinor: 8_000, breaks: [{ minQuantity: 100, unitPriceMinor: 9_000 }] });
  });

  it.each([
    ['validTo before validFrom', 400, 'validTo', list({ code: 'X1', validTo: '2025-12-31' })],
    ['a negative price', 400, 'lines.0.unitPriceMinor', list({ code: 'X2', lines: [{ deviceId: MISSING, unitPriceMinor: -1 }] })],
    ['a fractional price', 400, 'lines.0.unitPriceMinor', list({ code: 'X3', lines: [{ deviceId: MISSING, unitPriceMinor: 1.5 }] })],
    ['a price as a float string', 400, 'lines.0.unitPriceMinor', list({ code: 'X4', lines: [{ deviceId: MISSING, unitPriceMinor: '12.50' }] })],
    ['a break at quantity 1', 400, 'lines.0.breaks.0.minQuantity', list({ code: 'X5', lines: [{ deviceId: MISSING, unitPriceMinor: 1, breaks: [{ minQuantity: 1, unitPriceMinor: 1 }] }] })],
    ['a repeated break', 400, 'lines.0.breaks.1.minQuantity', list({ code: 'X6', lines: [{ deviceId: MISSING, unitPriceMinor: 1, breaks: [{ minQuantity: 5, unitPriceMinor: 1 }, { minQuantity: 5, unitPriceMinor: 2 }] }] })],
    ['a device twice', 400, 'lines.1.deviceId', list({ code: 'X7', lines: [{ deviceId: MISSING, unitPriceMinor: 1 }, { deviceId: MISSING, unitPriceMinor: 2 }] })],
    ['an unknown device', 404, 'lines.0.deviceId', list({ code: 'X8', lines: [{ deviceId: MISSING, unitPriceMinor: 1 }] })],
    ['an unknown customer', 404, 'customerId', list({ code: 'X9', customerId: MISSING })],
    ['a lowercase currency', 400, 'currency', list({ code: 'X10', currency: 'cny' })],
    ['an impossible date', 400, 'validFrom', list({ code: 'X11', validFrom: '2026-02-30' })],
    ['an unknown channel', 400, 'channel', list({ code: 'X12', channel: 'fax' })],
    ['a missing name', 400, 'name', { code: 'X13', currency: 'CNY', validFrom: '2026-01-01' }],
    ['a duplicate code', 409, 'code', list()],
  ])('refuses %s with %i naming %s', async (_what, status, field, body) => {
    const res = await sales.post('/api/v1/price-lists', body);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
  });

  it('refuses a supplier as the list customer', async () => {
    const supplier = await seedParty(t.db, t.crypto, 'SUP-1', { kind: 'supplier' });
    const res = await sales.post('/api/v1/price-lists', list({ code: 'X14', customerId: supplier }));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('customerId');
  });
});

describe('GET /api/v1/price-lists', () => {
  it('pages and filters', async () => {
    for (const code of ['PL-A', 'PL-B', 'PL-C']) await sales.post('/api/v1/price-lists', list({ code, channel: 'edi', currency: 'USD' }));
    const page = await sales.get('/api/v1/price-lists?channel=edi&limit=2&offset=1');
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((l: { code: string }) => l.code)).toEqual(['PL-B', 'PL-C']);
    expect((await sales.get('/api/v1/price-lists?q=std')).body.items.map((l: { code: string }) => l.code)).toEqual(['STD-2026']);
    expect((await sales.get('/api/v1/price-lists?currency=USD&active=true')).body.total).toBe(3);
    expect((await sales.get('/api/v1/price-lists?limit=0')).body.error.field).toBe('querystring.limit');
  });
});

describe('PATCH /api/v1/price-lists/:id', () => {
  it('changes the header, audits only the changed fields and bumps the version', async () => {
    const created = await sales.post('/api/v1/price-lists', list({ code: 'PATCH-ME' }));
    const res = await sales.request('PATCH', `/api/v1/price-lists/${created.body.id}`, { name: 'renamed', validTo: null, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'renamed', validTo: null, version: 2, updatedBy: sales.username });
    const admin = await t.userClient('admin');
    const audit = await admin.get(`/api/v1/audit?entity=price_list&id=${created.body.id}`);
    const updated = audit.body.items.find((a: { action: string }) => a.action === 'updated');
    expect(updated.changes).toEqual({ name: { old: '2026 标准价', new: 'renamed' }, validTo: { old: '2026-12-31', new: null } });
  });

  it('refuses a stale version, a reversed validity, a taken code, an empty body and an unknown list', async () => {
    const created = await sales.post('/api/v1/price-lists', list({ code: 'PATCH-2' }));
    const url = `/api/v1/price-lists/${created.body.id}`;
    const stale = await sales.request('PATCH', url, { name: 'x', version: 7 });
    expect([stale.status, stale.body.error.field]).toEqual([409, 'version']);
    const reversed = await sales.request('PATCH', url, { validFrom: '2027-01-01' });
    expect([reversed.status, reversed.body.error.field]).toEqual([400, 'validTo']);
    const taken = await sales.request('PATCH', url, { code: 'STD-2026' });
    expect([taken.status, taken.body.error.field]).toEqual([409, 'code']);
    const empty = await sales.request('PATCH', url, {});
    expect(empty.status).toBe(400);
    const unknown = await sales.request('PATCH', `/api/v1/price-lists/${MISSING}`, { name: 'x' });
    expect(unknown.status).toBe(404);
  });
});

describe('price list lines', () => {
  it('adds, changes and removes a line, each audited', async () => {
    const created = await sales.post('/api/v1/price-lists', list({ code: 'LINES' }));
    const base = `/api/v1/price-lists/${created.body.id}/lines`;
    const added = await sales.post(base, { deviceId: devices[2], unitPriceMinor: 1_000 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ deviceId: devices[2], deviceCode: 'D-3', unitPriceMinor: 1_000, floorMinor: null, breaks: [] });

    const changed = await sales.request('PATCH', `${base}/${added.body.id}`, { floorMinor: 900, breaks: [{ minQuantity: 50, unitPriceMinor: 950 }, { minQuantity: 10, unitPriceMinor: 990 }] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ unitPriceMinor: 1_000, floorMinor: 900, breaks: [{ minQuantity: 10, unitPriceMinor: 990 }, { minQuantity: 50, unitPriceMinor: 950 }] });

    const removed = await sales.request('DELETE', `${base}/${added.body.id}`);
    expect(removed.status).toBe(204);
    expect((await sales.get(base)).body.total).toBe(0);

    const admin = await t.userClient('admin');
    const audit = await admin.get(`/api/v1/audit?entity=price_list_line&id=${added.body.id}`);
    const byAction = Object.fromEntries(audit.body.items.map((a: { action: string; changes: unknown }) => [a.action, a.changes]));
    expect(Object.keys(byAction).sort()).toEqual(['created', 'removed', 'updated']);
    expect(Object.keys(byAction.updated).sort()).toEqual(['breaks', 'floorMinor']);
  });

  it('refuses a device already on the list, an unknown device, a negative floor and a line of another list', async () => {
    const a = await sales.post('/api/v1/price-lists', list({ code: 'LINES-A', lines: [{ deviceId: devices[0], unitPriceMinor: 1 }] }));
    const b = await sales.post('/api/v1/price-lists', list({ code: 'LINES-B' }));
    const again = await sales.post(`/api/v1/price-lists/${a.body.id}/lines`, { deviceId: devices[0], unitPriceMinor: 2 });
    expect([again.status, again.body.error.field]).toEqual([409, 'deviceId']);
    const unknown = await sales.post(`/api/v1/price-lists/${a.body.id}/lines`, { deviceId: MISSING, unitPriceMinor: 2 });
    expect([unknown.status, unknown.body.error.field]).toEqual([404, 'deviceId']);
    const lineId = (await sales.get(`/api/v1/price-lists/${a.body.id}/lines`)).body.items[0].id;
    const negative = await sales.request('PATCH', `/api/v1/price-lists/${a.body.id}/lines/${lineId}`, { floorMinor: -5 });
    expect([negative.status, negative.body.error.field]).toEqual([400, 'floorMinor']);
    const elsewhere = await sales.request('DELETE', `/api/v1/price-lists/${b.body.id}/lines/${lineId}`);
    expect(elsewhere.status).toBe(404);
    const noList = await sales.post(`/api/v1/price-lists/${MISSING}/lines`, { deviceId: devices[1], unitPriceMinor: 2 });
    expect(noList.status).toBe(404);
  });
});

describe('price list permissions and portal scoping', () => {
  it('lets readers read but not write, and refuses the anonymous', async () => {
    const auditor = await t.userClient('auditor');
    expect((await auditor.get('/api/v1/price-lists')).status).toBe(200);
    expect((await auditor.post('/api/v1/price-lists', list({ code: 'NOPE' }))).status).toBe(403);
    const warehouse = await t.userClient('warehouse');
    expect((await warehouse.get('/api/v1/price-lists')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/price-lists')).status).toBe(401);
  });

  it('shows a hospital portal user only its own lists, without floors', async () => {
    const own = await sales.post('/api/v1/price-lists', list({ code: 'HOSP-1-LIST', customerId: hospital, lines: [{ deviceId: devices[0], unitPriceMinor: 100, floorMinor: 90 }] }));
    const portal = await t.userClient('hospital_portal', { organisationId: hospital });
    const page = await portal.get('/api/v1/price-lists');
    expect(page.body.items.map((l: { code: string }) => l.code)).toEqual(['HOSP-1-LIST']);
    const lines = await portal.get(`/api/v1/price-lists/${own.body.id}/lines`);
    expect(lines.body.items[0].unitPriceMinor).toBe(100);
    expect(lines.body.items[0]).not.toHaveProperty('floorMinor');
    const general = (await sales.get('/api/v1/price-lists?q=STD-2026')).body.items[0].id;
    expect((await portal.get(`/api/v1/price-lists/${general}`)).status).toBe(404);
    expect((await portal.request('PATCH', `/api/v1/price-lists/${own.body.id}`, { name: 'x' })).status).toBe(403);
  });
});
