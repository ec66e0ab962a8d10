import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldImplant, gtinFor, sampleDevice } from '../../src/modules/catalog/devices.fixture.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { encodeHibcc } from '../../src/modules/udi/encode-hibcc.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let wh: HttpClient;
let infusion: { id: string };
let implant: { id: string };
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.userClient('admin');
  infusion = (await admin.post('/api/v1/devices', sampleDevice(1))).body;
  implant = (await admin.post('/api/v1/devices', coldImplant(2))).body;
  wh = await t.userClient('warehouse');
});
afterAll(() => t.close());

const resolve = (scan: string, client = wh) => client.post('/api/v1/udi/resolve', { scan });

describe('POST /api/v1/udi/resolve', () => {
  it('resolves a box label to its device, level, base-unit quantity and production identifiers', async () => {
    const { raw } = encodeGs1({ gtin: gtinFor(1, 1), expiry: '2027-12-31', lot: 'L2405A' });
    const res = await resolve(raw);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      scheme: 'GS1', gtin: gtinFor(1, 1), level: 'box', quantity: 10, lot: 'L2405A', expiry: '2027-12-31', missing: [],
      ais: { '01': gtinFor(1, 1), '17': '271231', '10': 'L2405A' },
      device: {
        deviceId: infusion.id, deviceCode: 'DEV-000001', nameZh: '一次性使用输液器 1', nameEn: 'Infusion set 1', baseUnit: 'EA',
        trackingMode: 'lot', deviceClass: 'II', coldChain: false, active: true,
      },
    });
  });

  it('reads the parenthesised form and the <GS> notation, and says which identifiers the tracking mode misses', async () => {
    const hri = await resolve(`(01)${gtinFor(2)}(17)280630(10)B7`);
    expect(hri.status).toBe(200);
    expect(hri.body).toMatchObject({ level: 'each', quantity: 1, lot: 'B7', expiry: '2028-06-30', missing: ['serial'], device: { deviceId: implant.id, coldChain: true } });
    const typed = await resolve(`01${gtinFor(2)}10B7<GS>21SN0001`);
    expect(typed.body).toMatchObject({ lot: 'B7', serial: 'SN0001', missing: [] });
  });

  it('answers a GTIN no device has with 404 SCAN_UNKNOWN_GTIN', async () => {
    const res = await resolve(`(01)${gtinFor(999)}(10)X`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'SCAN_UNKNOWN_GTIN', field: 'scan', details: { gtin: gtinFor(999) } });
  });

  it('answers labels without a GTIN (HIBCC, an SSCC pallet label) with 404 SCAN_UNKNOWN_GTIN', async () => {
    const hibcc = encodeHibcc({ lic: 'A123', product: 'PROD1', unitOfMeasure: 0, lot: 'LOT1' }).concatenated;
    expect((await resolve(hibcc)).body.error).toMatchObject({ code: 'SCAN_UNKNOWN_GTIN', field: 'scan' });
    expect((await resolve('(00)106141411234567897')).status).toBe(404);
  });

  it.each([
    ['a wrong GTIN check digit', `(01)${gtinFor(1).slice(0, 13)}0(10)X`, 'SCAN_BAD_CHECK_DIGIT'],
    ['an impossible date', `(01)${gtinFor(1)}(17)271332`, 'SCAN_BAD_DATE'],
    ['neither GS1 nor HIBCC', 'hello', 'SCAN_UNKNOWN_FORMAT'],
    ['only blanks', '   ', 'SCAN_EMPTY'],
    ['an unknown AI', `(01)${gtinFor(1)}(99999)X`, 'SCAN_UNKNOWN_AI'],
  ])('answers a scan with %s with 400 and its SCAN_* code', async (_what, scan, code) => {
    const res = await resolve(scan);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses a body without scan, or an empty scan', async () => {
    expect((await wh.post('/api/v1/udi/resolve', {})).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scan' });
    expect((await resolve('')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scan' });
  });

  it('needs the udi.parse permission', async () => {
    const finance = await t.userClient('finance');
    expect((await resolve(`(01)${gtinFor(1)}`, finance)).status).toBe(403);
    expect((await resolve(`(01)${gtinFor(1)}`, t.anonymous())).status).toBe(401);
  });
});
