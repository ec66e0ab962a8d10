import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceInput } from '../../src/modules/catalog/device-schemas.ts';
import { coldImplant, gtinFor, sampleDevice } from '../../src/modules/catalog/devices.fixture.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: HttpClient;
let existing: { id: string; version: number };
let classIII: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  existing = (await admin.post('/api/v1/devices', sampleDevice(1))).body;
  classIII = (await admin.post('/api/v1/devices', coldImplant(2))).body;
});
afterAll(() => t.close());

const base = sampleDevice(100, { packaging: [] });
const with_ = (change: Record<string, unknown>): Record<string, unknown> => ({ ...base, ...change });
const without = (field: keyof DeviceInput): Record<string, unknown> => {
  const { [field]: _gone, ...rest } = base;
  return rest;
};
const each = (gtin: string, quantity = 1) => ({ level: 'each', gtin, quantity });

/** [what, body, status, code, field] */
const badDevices: Array<[string, Record<string, unknown>, number, string, string]> = [
  ['no code', without('code'), 400, 'VALIDATION_FAILED', 'code'],
  ['a code with spaces', with_({ code: 'A B' }), 400, 'VALIDATION_FAILED', 'code'],
  ['no Chinese name', without('nameZh'), 400, 'VALIDATION_FAILED', 'nameZh'],
  ['an empty English name', with_({ nameEn: '' }), 400, 'VALIDATION_FAILED', 'nameEn'],
  ['class IV', with_({ deviceClass: 'IV' }), 400, 'VALIDATION_FAILED', 'deviceClass'],
  ['a malformed category code', with_({ categoryCode: '7-3-1' }), 400, 'VALIDATION_FAILED', 'categoryCode'],
  ['an unknown registration kind', with_({ registrationKind: 'licence' }), 400, 'VALIDATION_FAILED', 'registrationKind'],
  ['an impossible expiry date', with_({ registrationExpiresOn: '2026-13-01' }), 400, 'VALIDATION_FAILED', 'registrationExpiresOn'],
  ['an unknown storage condition', with_({ storageCondition: 'room' }), 400, 'VALIDATION_FAILED', 'storageCondition'],
  ['a temperature in words', with_({ minTempC: 'cold' }), 400, 'VALIDATION_FAILED', 'minTempC'],
  ['a temperature out of range', with_({ maxTempC: 100 }), 400, 'VALIDATION_FAILED', 'maxTempC'],
  ['a shelf life of 0 days', with_({ shelfLifeDays: 0 }), 400, 'VALIDATION_FAILED', 'shelfLifeDays'],
  ['a non-boolean sterile flag', with_({ sterile: 'yes' }), 400, 'VALIDATION_FAILED', 'sterile'],
  ['an unknown tracking mode', with_({ trackingMode: 'batch' }), 400, 'VALIDATION_FAILED', 'trackingMode'],
  ['a lower-case base unit', with_({ baseUnit: 'ea' }), 400, 'VALIDATION_FAILED', 'baseUnit'],
  ['a 5-digit HS code', with_({ hsCode: '90183' }), 400, 'VALIDATION_FAILED', 'hsCode'],
  ['a 3-letter country', with_({ countryOfOrigin: 'CHN' }), 400, 'VALIDATION_FAILED', 'countryOfOrigin'],
  ['a negative lead time', with_({ leadTimeDays: -1 }), 400, 'VALIDATION_FAILED', 'leadTimeDays'],
  ['make-or-buy of another kind', with_({ makeOrBuy: 'lease' }), 400, 'VALIDATION_FAILED', 'makeOrBuy'],
  ['an unknown field', with_({ colour: 'blue' }), 400, 'VALIDATION_FAILED', 'colour'],
  ['class III without certificate number', with_({ deviceClass: 'III', registrationNumber: undefined, registrationIssuedOn: undefined, registrationExpiresOn: undefined }), 422, 'REGISTRATION_MISSING', 'registrationNumber'],
  ['class II without expiry', with_({ registrationExpiresOn: undefined }), 422, 'REGISTRATION_MISSING', 'registrationExpiresOn'],
  ['class II under a filing', with_({ registrationKind: 'filing' }), 422, 'REGISTRATION_MISSING', 'registrationKind'],
  ['class I registered', with_({ deviceClass: 'I', registrationKind: 'registration' }), 400, 'VALIDATION_FAILED', 'registrationKind'],
  ['a class I filing with expiry', with_({ deviceClass: 'I', registrationNumber: '苏苏械备20200001' }), 400, 'VALIDATION_FAILED', 'registrationExpiresOn'],
  ['a certificate expiring before issue', with_({ registrationIssuedOn: '2027-01-01' }), 400, 'VALIDATION_FAILED', 'registrationExpiresOn'],
  ['a filing number as certificate', with_({ registrationNumber: '苏苏械备20200001' }), 400, 'VALIDATION_FAILED', 'registrationNumber'],
  ['2–8 °C on an ambient device', with_({ minTempC: 2, maxTempC: 8 }), 400, 'VALIDATION_FAILED', 'storageCondition'],
  ['a minimum above the maximum', with_({ storageCondition: '2-8C', minTempC: 8, maxTempC: 2 }), 400, 'VALIDATION_FAILED', 'minTempC'],
  ['a 2-8C device said not cold chain', with_({ storageCondition: '2-8C', coldChain: false }), 400, 'VALIDATION_FAILED', 'coldChain'],
  ['a sterile device without shelf life', with_({ shelfLifeDays: undefined }), 400, 'VALIDATION_FAILED', 'shelfLifeDays'],
  ['a class I implant', with_({ deviceClass: 'I', registrationNumber: undefined, registrationIssuedOn: undefined, registrationExpiresOn: undefined, implantable: true }), 400, 'VALIDATION_FAILED', 'deviceClass'],
  ['a GTIN with a wrong check digit', with_({ packaging: [each('6901234567893')] }), 400, 'GTIN_INVALID', 'packaging.0.gtin'],
  ['a GTIN of 11 digits', with_({ packaging: [each('69012345678')] }), 400, 'VALIDATION_FAILED', 'packaging.0.gtin'],
  ['an unknown packaging level', with_({ packaging: [{ level: 'crate', gtin: gtinFor(100), quantity: 1 }] }), 400, 'VALIDATION_FAILED', 'packaging.0.level'],
  ['an each of 2 units', with_({ packaging: [each(gtinFor(100), 2)] }), 400, 'VALIDATION_FAILED', 'packaging.0.quantity'],
  ['a level given twice', with_({ packaging: [each(gtinFor(100)), each(gtinFor(100, 1))] }), 400, 'VALIDATION_FAILED', 'packaging.1.level'],
  ['one GTIN on two levels', with_({ packaging: [each(gtinFor(100)), { level: 'box', gtin: gtinFor(100), quantity: 10 }] }), 409, 'GTIN_TAKEN', 'packaging.1.gtin'],
  ['a case not a whole number of boxes', with_({ packaging: [{ level: 'box', gtin: gtinFor(100, 1), quantity: 10 }, { level: 'case', gtin: gtinFor(100, 2), quantity: 25 }] }), 400, 'VALIDATION_FAILED', 'packaging.1.quantity'],
  ['a GTIN of another device', with_({ packaging: [each(gtinFor(1))] }), 409, 'GTIN_TAKEN', 'packaging.0.gtin'],
  ['the code of another device', with_({ code: 'DEV-000001' }), 409, 'DUPLICATE', 'code'],
];

describe('POST /api/v1/devices refuses bad input with a 4xx naming the field', () => {
  it.each(badDevices)('%s', async (_what, body, status, code, field) => {
    const res = await admin.post('/api/v1/devices', body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
  });

  it('accepts the base body those cases vary', async () => {
    expect((await admin.post('/api/v1/devices', base)).status).toBe(201);
  });
});

describe('PATCH /api/v1/devices/:id refuses bad input', () => {
  const cases: Array<[string, () => string, Record<string, unknown>, number, string, string]> = [
    ['no version', () => existing.id, { nameEn: 'x' }, 400, 'VALIDATION_FAILED', 'version'],
    ['a code change', () => existing.id, { version: 1, code: 'NEW' }, 400, 'VALIDATION_FAILED', 'code'],
    ['a null name', () => existing.id, { version: 1, nameZh: null }, 400, 'VALIDATION_FAILED', 'nameZh'],
    ['a null class', () => existing.id, { version: 1, deviceClass: null }, 400, 'VALIDATION_FAILED', 'deviceClass'],
    ['a bad category code', () => existing.id, { version: 1, categoryCode: '99' }, 400, 'VALIDATION_FAILED', 'categoryCode'],
    ['a cleared expiry on class III', () => classIII.id, { version: 1, registrationExpiresOn: null }, 422, 'REGISTRATION_MISSING', 'registrationExpiresOn'],
    ['a cleared shelf life on a sterile device', () => existing.id, { version: 1, shelfLifeDays: null }, 400, 'VALIDATION_FAILED', 'shelfLifeDays'],
    ['ambient for a 2–8 °C device', () => classIII.id, { version: 1, storageCondition: 'ambient' }, 400, 'VALIDATION_FAILED', 'storageCondition'],
  ];
  it.each(cases)('%s', async (_what, id, body, status, code, field) => {
    const res = await admin.request('PATCH', `/api/v1/devices/${id()}`, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
  });

  it('answers 404 for an unknown device and 400 for a malformed id', async () => {
    expect((await admin.request('PATCH', '/api/v1/devices/018f0000-0000-7000-8000-000000000000', { version: 1 })).status).toBe(404);
    expect((await admin.request('PATCH', '/api/v1/devices/x', { version: 1 })).body.error.field).toBe('params.id');
  });
});

describe('packaging routes refuse bad input', () => {
  const add = (body: Record<string, unknown>) => admin.post(`/api/v1/devices/${existing.id}/packaging`, body);
  it.each([
    ['a level the device has', { level: 'box', gtin: gtinFor(500, 1), quantity: 10 }, 409, 'DUPLICATE', 'level'],
    ['a GTIN of another device', { level: 'pallet', gtin: gtinFor(2), quantity: 1000 }, 409, 'GTIN_TAKEN', 'gtin'],
    ['a wrong check digit', { level: 'pallet', gtin: '16901234567890', quantity: 1000 }, 400, 'GTIN_INVALID', 'gtin'],
    ['a pallet not a whole number of cases', { level: 'pallet', gtin: gtinFor(500, 3), quantity: 1050 }, 400, 'VALIDATION_FAILED', 'quantity'],
    ['a quantity of 0', { level: 'pallet', gtin: gtinFor(500, 3), quantity: 0 }, 400, 'VALIDATION_FAILED', 'quantity'],
    ['no level', { gtin: gtinFor(500, 3), quantity: 1000 }, 400, 'VALIDATION_FAILED', 'level'],
  ] as Array<[string, Record<string, unknown>, number, string, string]>)('adding %s', async (_what, body, status, code, field) => {
    const res = await add(body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
  });

  it('answers removing a GTIN the device does not have with 404, a malformed one with 400', async () => {
    const missing = await admin.request('DELETE', `/api/v1/devices/${existing.id}/packaging/${gtinFor(2)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'gtin' });
    const bad = await admin.request('DELETE', `/api/v1/devices/${existing.id}/packaging/6901234567893`);
    expect(bad.body.error).toMatchObject({ code: 'GTIN_INVALID', field: 'gtin' });
    expect((await admin.request('DELETE', `/api/v1/devices/${existing.id}/packaging/12ab`)).body.error.field).toBe('params.gtin');
  });
});

describe('query strings are checked', () => {
  it.each([
    ['/api/v1/devices?limit=0', 'querystring.limit'],
    ['/api/v1/devices?limit=501', 'querystring.limit'],
    ['/api/v1/devices?offset=-1', 'querystring.offset'],
    ['/api/v1/devices?deviceClass=IV', 'querystring.deviceClass'],
    ['/api/v1/devices?coldChain=maybe', 'querystring.coldChain'],
    ['/api/v1/devices/registration-expiry?within=45', 'querystring.within'],
    ['/api/v1/devices/registration-expiry?asOf=2030-02-30x', 'querystring.asOf'],
    ['/api/v1/devices/not-a-uuid', 'params.id'],
  ])('%s', async (url, field) => {
    const res = await admin.get(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});
