import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { csv, DEVICE_HEADING, deviceRow, upload } from '../fixtures/imports/upload.ts';

let t: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
});
afterAll(() => t.close());

const batches = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_batches')).rows[0]!.n;
const errorsOf = (body: { error: { details: { errors: Array<{ row: number; column: string | null; field: string | null; code: string; message: string; value: string | null }> } } }) =>
  body.error.details.errors;

describe('a file the import cannot read is refused as a whole, before any batch', () => {
  it.each([
    ['an unknown column', csv([[...DEVICE_HEADING, 'colour'], deviceRow('D-0001').concat('red')]), 'colour', /unknown column "colour"/],
    ['a required column missing', csv([DEVICE_HEADING.filter((h) => h !== 'trackingMode'), deviceRow('D-0001').slice(0, -3).concat('1095', '是')]), 'trackingMode', /no column trackingMode \(追溯方式/],
    ['two columns for one field', csv([[...DEVICE_HEADING, '产品编码'], deviceRow('D-0001').concat('D-0001')]), '产品编码', /"code" and "产品编码" both fill code/],
    ['an empty file', '', 'file', /empty/],
    ['a file of blank lines', '\n\n,,\n', 'file', /empty/],
  ])('given %s, then 400 IMPORT_FORMAT naming it', async (_what, body, field, message) => {
    const before = await batches();
    const res = await upload(t, admin, '/api/v1/imports/devices', body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_FORMAT', field });
    expect(res.body.error.message).toMatch(message);
    expect(await batches()).toBe(before);
  });

  it('given a GBK-encoded CSV, then it is refused as not UTF-8 rather than imported as mojibake', async () => {
    const gbk = Buffer.concat([Buffer.from('code,nameZh\nD-1,'), Buffer.from([0xd6, 0xa7, 0xbc, 0xdc]), Buffer.from('\n')]);
    const res = await upload(t, admin, '/api/v1/imports/devices', gbk);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_FORMAT', field: 'file' });
    expect(res.body.error.message).toMatch(/not UTF-8.*GBK/);
  });

  it('given an unknown kind, then 400 naming the kind', async () => {
    const unknown = await upload(t, admin, '/api/v1/imports/lots', csv([['code'], ['x']]));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
  });

  it('given a JSON body, then 415; given a bad mode, then 400 naming it', async () => {
    const json = await admin.post('/api/v1/imports/devices', { code: 'x' });
    expect(json.status).toBe(415);
    const mode = await upload(t, admin, '/api/v1/imports/devices?mode=some', csv([DEVICE_HEADING, deviceRow('D-0001')]));
    expect(mode.status).toBe(400);
    expect(mode.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.mode' });
  });

  it('given a user without import.run, then 403; without a session, then 401', async () => {
    const sales = await t.userClient('sales');
    expect((await upload(t, sales, '/api/v1/imports/devices', csv([DEVICE_HEADING, deviceRow('D-0001')]))).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/imports')).status).toBe(401);
  });
});

describe('every row is checked against the module schema; each bad cell is an error of its row and column', () => {
  const bad: Array<[string, string[], { column: string | null; field: string; code: string; value?: string | null; message: RegExp }]> = [
    ['a value outside the allowed set', deviceRow('B-0002', { deviceClass: 'IV' }), { column: 'deviceClass', field: 'deviceClass', code: 'VALIDATION_FAILED', value: 'IV', message: /one of I, II, III/ }],
    ['a value not matching the pattern', deviceRow('B-0003', { categoryCode: '14/02' }), { column: 'categoryCode', field: 'categoryCode', code: 'VALIDATION_FAILED', value: '14/02', message: /pattern/ }],
    ['a decimal for a whole number', deviceRow('B-0004', { shelfLifeDays: '12.5' }), { column: 'shelfLifeDays', field: 'shelfLifeDays', code: 'VALIDATION_FAILED', value: '12.5', message: /whole number/ }],
    ['a number out of range', deviceRow('B-0005', { shelfLifeDays: '0' }), { column: 'shelfLifeDays', field: 'shelfLifeDays', code: 'VALIDATION_FAILED', value: '0', message: />= 1/ }],
    ['a word for a yes/no', deviceRow('B-0006', { sterile: 'maybe' }), { column: 'sterile', field: 'sterile', code: 'VALIDATION_FAILED', value: 'maybe', message: /是\/否/ }],
    ['an impossible date', deviceRow('B-0007', { registrationExpiresOn: '2030-02-30' }), { column: 'registrationExpiresOn', field: 'registrationExpiresOn', code: 'VALIDATION_FAILED', message: /real date/ }],
    ['a required cell left empty', deviceRow('B-0008', { nameZh: '' }), { column: 'nameZh', field: 'nameZh', code: 'VALIDATION_FAILED', value: null, message: /is required/ }],
    ['a rule across fields (sterile needs a shelf life)', deviceRow('B-0009', { shelfLifeDays: '' }), { column: 'shelfLifeDays', field: 'shelfLifeDays', code: 'VALIDATION_FAILED', message: /sterile device has a shelf life/ }],
    ['a class II device with a filing number', deviceRow('B-0010', { registrationNumber: '京械备20200045号' }), { column: 'registrationNumber', field: 'registrationNumber', code: 'VALIDATION_FAILED', message: /filing number/ }],
    ['the same code as an earlier row', deviceRow('D-0001', { nameZh: '重复' }), { column: 'code', field: 'code', code: 'DUPLICATE', value: 'D-0001', message: /the same code as row 2/ }],
  ];

  let report: Promise<Awaited<ReturnType<typeof upload>>> | undefined;
  const once = () => (report ??= upload(t, admin, '/api/v1/imports/devices', csv([DEVICE_HEADING, deviceRow('D-0001'), ...bad.map((b) => b[1])])));

  it.each(bad.map((b, i) => [b[0], i + 3, b[2]] as const))('given %s (row %i), then its error names the row, column and field', async (_what, row, expected) => {
    const res = await once();
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_FAILED');
    const { message, ...rest } = expected;
    const found = errorsOf(res.body).filter((e) => e.row === row);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(rest);
    expect(found[0]!.message).toMatch(message);
  });

  it('given a GTIN with a wrong check digit in a packaging column, then GTIN_INVALID names that column', async () => {
    const heading = [...DEVICE_HEADING, 'packaging.1.level', 'packaging.1.gtin', 'packaging.1.quantity'];
    const res = await upload(t, admin, '/api/v1/imports/devices', csv([heading, deviceRow('G-0001').concat('each', '06901234000012', '1')]));
    expect(res.status).toBe(422);
    expect(errorsOf(res.body)).toEqual([expect.objectContaining({ row: 2, column: 'packaging.1.gtin', field: 'packaging.0.gtin', code: 'GTIN_INVALID', value: '06901234000012' })]);
  });
});

describe('a row naming a record that does not exist is an error of that row', () => {
  it('given a licence of an unknown party, then the partyCode column is at fault', async () => {
    const res = await upload(t, admin, '/api/v1/imports/licences', csv([
      ['partyCode', 'licenceType', 'number', 'validFrom'],
      ['NO-SUCH-PARTY', 'class3_distribution', '沪食药监械经营许20190001号', '2024-01-01'],
    ]));
    expect(res.status).toBe(422);
    expect(errorsOf(res.body)).toEqual([expect.objectContaining({ row: 2, column: 'partyCode', field: 'partyCode', value: 'NO-SUCH-PARTY', message: expect.stringMatching(/no party with code NO-SUCH-PARTY/) })]);
  });

  it('given a price of an unknown device, or a packaging level of one, then NOT_FOUND on deviceCode', async () => {
    const price = await upload(t, admin, '/api/v1/imports/price-lists', csv([
      ['priceListCode', 'deviceCode', 'unitPriceMinor', 'priceListName', 'currency', 'validFrom'],
      ['PL-1', 'NO-SUCH-DEVICE', '1200', 'List 1', 'CNY', '2026-01-01'],
    ]));
    expect(errorsOf(price.body)).toEqual([expect.objectContaining({ row: 2, column: 'deviceCode', code: 'NOT_FOUND' })]);
    const level = await upload(t, admin, '/api/v1/imports/packaging', csv([['deviceCode', 'level', 'gtin', 'quantity'], ['NO-SUCH-DEVICE', 'each', '6901234100014', '1']]));
    expect(errorsOf(level.body)).toEqual([expect.objectContaining({ row: 2, column: 'deviceCode', code: 'NOT_FOUND' })]);
  });
});
