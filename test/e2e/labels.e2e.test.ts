import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceInput, GTIN } from '../../src/modules/labels/label-test-fixtures.ts';
import { loginCookie, startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let cookie: string;
let admin: HttpClient;
let deviceId: string;
let serialDeviceId: string;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The test client reads bodies as text, which would mangle images: this one keeps the bytes. */
async function postBinary(path: string, body: unknown, as = cookie) {
  const res = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: as },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  const warehouse = await t.userClient('warehouse');
  cookie = await loginCookie(t.url, warehouse.username, TEST_PASSWORD);
  const created = await admin.post('/api/v1/devices', deviceInput());
  expect(created.status).toBe(201);
  deviceId = created.body.id;
  const serialised = await admin.post('/api/v1/devices', deviceInput({
    code: 'PM-01',
    nameZh: '植入式心脏起搏器',
    nameEn: 'Implantable pacemaker',
    storageCondition: 'ambient',
    implantable: true,
    trackingMode: 'serial',
    packaging: [{ level: 'each', gtin: '06901234567908', quantity: 1 }],
  }));
  expect(serialised.status).toBe(201);
  serialDeviceId = serialised.body.id;
});
afterAll(async () => {
  await t.close();
});

const udi = { gtin: GTIN.each, lot: 'L2026A', expiry: '2028-06-30', serial: 'SN000001' };

describe('POST /api/v1/labels/barcode', () => {
  it('draws a GS1 DataMatrix PNG by default', async () => {
    const res = await postBinary('/api/v1/labels/barcode', udi);
    expect(res.status).toBe(200);
    expect(res.type).toBe('image/png');
    expect(res.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('draws SVG when asked, for DataMatrix and GS1-128', async () => {
    for (const symbology of ['datamatrix', 'gs1-128']) {
      const res = await postBinary('/api/v1/labels/barcode', { ...udi, symbology, format: 'svg' });
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^image\/svg\+xml/);
      expect(res.bytes.toString('utf8')).toMatch(/^<svg [^>]*viewBox=/);
    }
  });

  it('draws a GS1-128 PNG', async () => {
    const res = await postBinary('/api/v1/labels/barcode', { gtin: GTIN.box, lot: 'L2026A', symbology: 'gs1-128' });
    expect(res.status).toBe(200);
    expect(res.bytes.readUInt32BE(16)).toBeGreaterThan(2 * res.bytes.readUInt32BE(20));
  });

  it.each([
    [{ gtin: '06901234567893' }, 'SCAN_BAD_CHECK_DIGIT', 'gtin'],
    [{ gtin: '0690123456789' + 'X' }, 'VALIDATION_FAILED', 'gtin'],
    [{ gtin: undefined }, 'VALIDATION_FAILED', 'gtin'],
    [{ expiry: '2027-02-29' }, 'VALIDATION_FAILED', 'expiry'],
    [{ expiry: '1960-01-01' }, 'SCAN_BAD_DATE', 'expiry'],
    [{ productionDate: '2026-6-1' }, 'VALIDATION_FAILED', 'productionDate'],
    [{ lot: '批号 1' }, 'SCAN_BAD_CHARSET', 'lot'],
    [{ lot: 'L'.repeat(21) }, 'VALIDATION_FAILED', 'lot'],
    [{ serial: '' }, 'VALIDATION_FAILED', 'serial'],
    [{ symbology: 'qr' }, 'VALIDATION_FAILED', 'symbology'],
    [{ format: 'jpeg' }, 'VALIDATION_FAILED', 'format'],
    [{ colour: 'red' }, 'VALIDATION_FAILED', 'colour'],
  ])('refuses %o with 400 %s naming %s', async (bad, code, field) => {
    const res = await postBinary('/api/v1/labels/barcode', { ...udi, ...bad });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.bytes.toString()).error).toMatchObject({ code, field });
  });
});

describe('POST /api/v1/labels/lot-sheet', () => {
  it('returns an A4 PDF with the Chinese font subset embedded', async () => {
    const res = await postBinary('/api/v1/labels/lot-sheet', { deviceId, lot: 'L2026A', expiry: '2028-06-30', productionDate: '2026-06-01' });
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="udi-labels-L2026A.pdf"');
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = res.bytes.toString('latin1');
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  it('prints one label per serial for a serial-tracked device', async () => {
    const res = await postBinary('/api/v1/labels/lot-sheet', { deviceId: serialDeviceId, lot: 'P1', expiry: '2031-01-31', serials: ['PM0001', 'PM0002'] });
    expect(res.status).toBe(200);
    expect(res.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    [{ deviceId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED', 'deviceId'],
    [{ deviceId: '01900000-0000-7000-8000-0000000000ff' }, 404, 'NOT_FOUND', 'deviceId'],
    [{ expiry: undefined }, 400, 'VALIDATION_FAILED', 'expiry'],
    [{ level: 'case' }, 400, 'VALIDATION_FAILED', 'level'],
    [{ level: 'pallet' }, 400, 'VALIDATION_FAILED', 'level'],
    [{ serials: [] }, 400, 'VALIDATION_FAILED', 'serials'],
    [{ serials: ['S1', 'S1'] }, 400, 'VALIDATION_FAILED', 'serials.1'],
    [{ serials: ['S1', 'S 2'] }, 400, 'SCAN_BAD_CHARSET', 'serials.1'],
    [{ copies: 0 }, 400, 'VALIDATION_FAILED', 'copies'],
    [{ copies: 2401 }, 400, 'VALIDATION_FAILED', 'copies'],
    [{ productionDate: '2028-07-01' }, 400, 'VALIDATION_FAILED', 'productionDate'],
    [{ productionDate: '2029-01-01', expiry: '2030-01-01' }, 422, 'REGISTRATION_EXPIRED', 'productionDate'],
    [{ lot: 'L/批' }, 400, 'SCAN_BAD_CHARSET', 'lot'],
  ])('refuses %o with %i %s naming %s', async (bad, status, code, field) => {
    const res = await postBinary('/api/v1/labels/lot-sheet', { deviceId, lot: 'L2026A', expiry: '2028-06-30', ...bad });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.bytes.toString()).error).toMatchObject({ code, field });
  });

  it('refuses a serial-tracked unit label without serials', async () => {
    const res = await postBinary('/api/v1/labels/lot-sheet', { deviceId: serialDeviceId, lot: 'P1', expiry: '2031-01-31' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.bytes.toString()).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'serials' });
  });
});

describe('label permissions', () => {
  it('needs udi.parse: 401 signed out, 403 for roles without it', async () => {
    const sheet = { deviceId, lot: 'L1', expiry: '2028-06-30' };
    expect((await t.anonymous().post('/api/v1/labels/barcode', udi)).status).toBe(401);
    const hospital = await admin.post('/api/v1/parties', { code: 'H-1', kind: 'customer', customerType: 'hospital', nameZh: '第一医院' });
    const clients = [
      await t.userClient('finance'),
      await t.userClient('planner'),
      await t.userClient('hospital_portal', { organisationId: hospital.body.id }),
    ];
    for (const client of clients) {
      const role = client.username;
      for (const [path, body] of [['/api/v1/labels/barcode', udi], ['/api/v1/labels/lot-sheet', sheet]] as const) {
        const res = await client.post(path, body);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('lets sales, customer service, quality and warehouse print', async () => {
    for (const role of ['sales', 'customer_service', 'quality']) {
      const client = await t.userClient(role);
      expect((await client.post('/api/v1/labels/barcode', udi)).status, role).toBe(200);
    }
  });
});
