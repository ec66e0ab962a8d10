import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: HttpClient;
let wh: { id: string; zones: Array<{ id: string; code: string }>; bins: Array<{ id: string; code: string }> };
let other: { id: string; zones: Array<{ id: string }>; bins: Array<{ id: string }> };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  const zones = [{ code: 'A', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }];
  wh = (await admin.post('/api/v1/warehouses', { code: 'W1', nameZh: '一号仓', gln: '6901234000016', zones, bins: [{ code: 'A-1', zoneCode: 'A' }] })).body;
  other = (await admin.post('/api/v1/warehouses', { code: 'W2', nameZh: '二号仓', zones, bins: [{ code: 'A-1', zoneCode: 'A' }] })).body;
});
afterAll(() => t.close());

type Case = [string, Record<string, unknown>, number, string, string];
const zone = { code: 'Z', nameZh: '区', zoneType: 'normal', storageCondition: 'ambient' };
const base = { code: 'NEW', nameZh: '新仓' };

const badWarehouses: Case[] = [
  ['no code', { nameZh: 'x' }, 400, 'VALIDATION_FAILED', 'code'],
  ['a code with spaces', { ...base, code: 'W 1' }, 400, 'VALIDATION_FAILED', 'code'],
  ['no Chinese name', { code: 'NEW' }, 400, 'VALIDATION_FAILED', 'nameZh'],
  ['a 3-letter country', { ...base, country: 'CHN' }, 400, 'VALIDATION_FAILED', 'country'],
  ['a 12-digit GLN', { ...base, gln: '690123400001' }, 400, 'VALIDATION_FAILED', 'gln'],
  ['a GLN with a wrong check digit', { ...base, gln: '6901234000017' }, 400, 'VALIDATION_FAILED', 'gln'],
  ['the GLN of another warehouse', { ...base, gln: '6901234000016' }, 409, 'DUPLICATE', 'gln'],
  ['the code of another warehouse', { ...base, code: 'W1' }, 409, 'DUPLICATE', 'code'],
  ['an unknown field', { ...base, manager: 'Li' }, 400, 'VALIDATION_FAILED', 'manager'],
  ['an unknown zone type', { ...base, zones: [{ ...zone, zoneType: 'hazmat' }] }, 400, 'VALIDATION_FAILED', 'zones.0.zoneType'],
  ['an unknown storage condition', { ...base, zones: [{ ...zone, storageCondition: 'warm' }] }, 400, 'VALIDATION_FAILED', 'zones.0.storageCondition'],
  ['an ambient cold-chain zone', { ...base, zones: [{ ...zone, zoneType: 'cold_chain' }] }, 400, 'VALIDATION_FAILED', 'zones.0.storageCondition'],
  ['a 2-8C normal zone', { ...base, zones: [{ ...zone, storageCondition: '2-8C' }] }, 400, 'VALIDATION_FAILED', 'zones.0.storageCondition'],
  ['a zone code twice', { ...base, zones: [zone, zone] }, 400, 'VALIDATION_FAILED', 'zones.1.code'],
  ['a bin in no zone of the warehouse', { ...base, zones: [zone], bins: [{ code: 'B', zoneCode: 'Y' }] }, 400, 'VALIDATION_FAILED', 'bins.0.zoneCode'],
  ['a bin code twice', { ...base, zones: [zone], bins: [{ code: 'B', zoneCode: 'Z' }, { code: 'B', zoneCode: 'Z' }] }, 400, 'VALIDATION_FAILED', 'bins.1.code'],
  ['a negative pick sequence', { ...base, zones: [zone], bins: [{ code: 'B', zoneCode: 'Z', pickSequence: -1 }] }, 400, 'VALIDATION_FAILED', 'bins.0.pickSequence'],
];

describe('POST /api/v1/warehouses refuses bad input with a 4xx naming the field', () => {
  it.each(badWarehouses)('%s', async (_what, body, status, code, field) => {
    const res = await admin.post('/api/v1/warehouses', body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
  });
});

describe('PATCH /api/v1/warehouses/:id refuses bad input', () => {
  it.each([
    ['no version', { city: 'x' }, 400, 'VALIDATION_FAILED', 'version'],
    ['a code change', { version: 1, code: 'W9' }, 400, 'VALIDATION_FAILED', 'code'],
    ['a null name', { version: 1, nameZh: null }, 400, 'VALIDATION_FAILED', 'nameZh'],
    ['a wrong GLN check digit', { version: 1, gln: '6901234000024' }, 400, 'VALIDATION_FAILED', 'gln'],
  ] as Case[])('%s', async (_what, body, status, code, field) => {
    const res = await admin.request('PATCH', `/api/v1/warehouses/${wh.id}`, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
  });

  it('refuses the GLN of another warehouse', async () => {
    const res = await admin.request('PATCH', `/api/v1/warehouses/${other.id}`, { version: 1, gln: '6901234000016' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'DUPLICATE', field: 'gln' });
  });
});

describe('zone and bin routes refuse bad input', () => {
  it.each([
    ['a zone code the warehouse has', 'zones', { ...zone, code: 'A' }, 409, 'DUPLICATE', 'code'],
    ['a frozen normal zone', 'zones', { ...zone, storageCondition: 'frozen' }, 400, 'VALIDATION_FAILED', 'storageCondition'],
    ['a zone without type', 'zones', { code: 'Z', nameZh: 'z', storageCondition: 'ambient' }, 400, 'VALIDATION_FAILED', 'zoneType'],
    ['a bin code the warehouse has', 'bins', { code: 'A-1', zoneCode: 'A' }, 409, 'DUPLICATE', 'code'],
    ['a bin in an unknown zone', 'bins', { code: 'A-2', zoneCode: 'NOPE' }, 400, 'VALIDATION_FAILED', 'zoneCode'],
    ['a bin without zone', 'bins', { code: 'A-2' }, 400, 'VALIDATION_FAILED', 'zoneCode'],
    ['a pick sequence in words', 'bins', { code: 'A-2', zoneCode: 'A', pickSequence: 'first' }, 400, 'VALIDATION_FAILED', 'pickSequence'],
  ] as Array<[string, string, Record<string, unknown>, number, string, string]>)('%s', async (_what, kind, body, status, code, field) => {
    const res = await admin.post(`/api/v1/warehouses/${wh.id}/${kind}`, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
  });

  it('refuses zone and bin changes that break a rule or come from a stale version', async () => {
    const zoneUrl = `/api/v1/warehouses/${wh.id}/zones/${wh.zones[0]!.id}`;
    expect((await admin.request('PATCH', zoneUrl, { version: 1, zoneType: 'cold_chain' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'storageCondition' });
    expect((await admin.request('PATCH', zoneUrl, { version: 5, nameZh: 'x' })).body.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const binUrl = `/api/v1/warehouses/${wh.id}/bins/${wh.bins[0]!.id}`;
    expect((await admin.request('PATCH', binUrl, { version: 1, zoneCode: 'NOPE' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'zoneCode' });
    expect((await admin.request('PATCH', binUrl, { version: 1, code: 'X' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    expect((await admin.request('PATCH', binUrl, { version: 9, pickSequence: 3 })).status).toBe(409);
  });

  it('does not reach the zones and bins of another warehouse, and answers unknown ids with 404', async () => {
    expect((await admin.request('PATCH', `/api/v1/warehouses/${wh.id}/zones/${other.zones[0]!.id}`, { version: 1, nameZh: 'x' })).status).toBe(404);
    expect((await admin.post(`/api/v1/warehouses/${wh.id}/bins/${other.bins[0]!.id}/deactivate`, {})).status).toBe(404);
    expect((await admin.get('/api/v1/warehouses/018f0000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/v1/warehouses/018f0000-0000-7000-8000-000000000000/bins')).status).toBe(404);
    expect((await admin.post('/api/v1/warehouses/018f0000-0000-7000-8000-000000000000/zones', zone)).status).toBe(404);
  });

  it.each([
    ['/api/v1/warehouses?limit=0', 'querystring.limit'],
    ['/api/v1/warehouses?active=perhaps', 'querystring.active'],
    ['/api/v1/warehouses/nope', 'params.id'],
    ['/api/v1/warehouses/018f0000-0000-7000-8000-000000000000/bins?zoneCode=a%20b', 'querystring.zoneCode'],
  ])('checks %s', async (url, field) => {
    const res = await admin.get(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('checks the ids in zone and bin paths', async () => {
    expect((await admin.request('PATCH', `/api/v1/warehouses/${wh.id}/zones/x`, { version: 1 })).body.error.field).toBe('params.zoneId');
    expect((await admin.post(`/api/v1/warehouses/${wh.id}/bins/x/deactivate`, {})).body.error.field).toBe('params.binId');
  });
});
