import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCookie, startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { csv, DEVICE_HEADING, deviceRow, upload, XLSX_TYPE } from '../fixtures/imports/upload.ts';

let t: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
});
afterAll(() => t.close());

const device = async (code: string) =>
  (await t.db.query<Record<string, unknown>>(
    `SELECT name_zh, device_class, registration_expires_on::text AS expires, shelf_life_days, sterile, implantable, storage_condition
       FROM devices WHERE code = $1`, [code])).rows[0];

/** Chinese headings as people write them: with the required mark, full-width brackets, an alternative name. */
const ZH_HEADING = ['产品编码 *', '产品名称', '管理类别', '分类编码', '注册证编号', '注册证有效期至', '储存条件', '追溯方式', '有效期', '无菌', '植入器械'];

describe('headings: field names or their Chinese meanings', () => {
  it('given Chinese headings, 是/否 and Chinese dates, then the rows import as with field names', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices', csv([ZH_HEADING,
      ['ZH-0001', '一次性使用无菌注射器', 'III', '14-01-01', '国械注准20193140521', '2029年6月30日', 'ambient', 'lot', '1825', '是', '否'],
      ['ZH-0002', '医用外科口罩', 'II', '14-14-01', '湘械注准20202140562', '2029/1/5', 'ambient', 'lot', '730', 'true', '0'],
    ]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ created: 2, errorCount: 0 });
    expect(await device('ZH-0001')).toMatchObject({ device_class: 'III', expires: '2029-06-30', shelf_life_days: 1825, sterile: true, implantable: false });
    expect(await device('ZH-0002')).toMatchObject({ expires: '2029-01-05', sterile: true });
  });

  it('given a UTF-8 BOM, then the first heading is still read', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices', `\uFEFF${csv([DEVICE_HEADING, deviceRow('BOM-0001')])}`);
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(1);
  });

  it('given lists in one cell, then they split on ; and ；', async () => {
    await upload(t, admin, '/api/v1/imports/customers', csv([['code', 'kind', 'customerType', 'nameZh'], ['LIST-D1', 'customer', 'distributor', '列表经销商']]));
    const res = await upload(t, admin, '/api/v1/imports/licences', csv([
      ['单位编码', '证照类型', '许可证/备案编号', '经营范围：管理类别', '经营范围：分类编码', '有效期起', '有效期至'],
      ['LIST-D1', 'class3_distribution', '沪食药监械经营许20190001号', 'II; III', '07；13-04', '2024-01-01', '2029-12-31'],
    ]));
    expect(res.status).toBe(201);
    const { rows } = await t.db.query<{ device_classes: string[]; category_codes: string[] }>(`SELECT device_classes, category_codes FROM licences WHERE number = '沪食药监械经营许20190001号'`);
    expect(rows[0]).toEqual({ device_classes: ['II', 'III'], category_codes: ['07', '13-04'] });
  });
});

describe('XLSX workbooks', () => {
  async function workbook(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('产品');
    for (const r of rows) sheet.addRow(r);
    sheet.getColumn(6).numFmt = 'yyyy-mm-dd';
    wb.addWorksheet('说明').addRow(['this sheet is not read']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('given the first sheet with dates, numbers and booleans as Excel types, then they import', async () => {
    const bytes = await workbook([
      ZH_HEADING,
      ['XL-0001', '冠状动脉药物洗脱支架系统', 'III', '13-07-02', '国械注准20213130245', new Date(Date.UTC(2029, 11, 31)), 'below_25C', 'lot_serial', 730, true, true],
      [],
      [10086, { richText: [{ text: '导尿管' }] }, 'II', '14-05-01', '沪械注准20192140188', new Date(Date.UTC(2028, 0, 15)), 'ambient', 'lot', 1095, false, false],
    ]);
    const res = await upload(t, admin, '/api/v1/imports/devices?fileName=devices.xlsx', bytes, XLSX_TYPE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'devices.xlsx', rowsTotal: 2, created: 2 });
    expect(await device('XL-0001')).toMatchObject({ expires: '2029-12-31', shelf_life_days: 730, sterile: true, implantable: true, storage_condition: 'below_25C' });
    expect(await device('10086')).toMatchObject({ name_zh: '导尿管', expires: '2028-01-15', sterile: false });
    const batch = await t.db.query<{ file_format: string }>('SELECT file_format FROM import_batches WHERE id = $1', [res.body.batchId]);
    expect(batch.rows[0]!.file_format).toBe('xlsx');
  });

  it('given a bad cell in a workbook, then the error names its spreadsheet row', async () => {
    const bytes = await workbook([ZH_HEADING, [], ['XL-0002', '纱布', 'II', '14-10-02', '苏械注准20202140310', 'soon', 'ambient', 'lot', 1095, true, false]]);
    const res = await upload(t, admin, '/api/v1/imports/devices', bytes, XLSX_TYPE);
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ row: 3, column: '注册证有效期至', value: 'soon' })]);
  });

  it('given a damaged workbook, then IMPORT_FORMAT', async () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    const res = await upload(t, admin, '/api/v1/imports/devices', bytes, XLSX_TYPE);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IMPORT_FORMAT');
  });
});

describe('the error report as CSV', () => {
  it('lists every error with row, column, field, value, code and message, and defuses spreadsheet formulas', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices?mode=valid-rows', csv([DEVICE_HEADING,
      deviceRow('=HYPERLINK("http://evil.example","x")'),
      deviceRow('CSV-0002', { shelfLifeDays: '-3' }),
      deviceRow('CSV-0003', { deviceClass: '@SUM(A1)' }),
      deviceRow('CSV-0004'),
    ]));
    expect(res.body).toMatchObject({ status: 'partial', rowsImported: 1, errorCount: 3 });
    const cookie = await loginCookie(t.url, admin.username, TEST_PASSWORD);
    const report = await fetch(`${t.url}/api/v1/imports/${res.body.batchId}/errors.csv`, { headers: { cookie } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(report.headers.get('content-disposition')).toBe(`attachment; filename="import-${res.body.batchId}-errors.csv"`);
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['row', 'column', 'field', 'value', 'code', 'message']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['2', 'code', 'code', `'=HYPERLINK("http://evil.example","x")`, 'VALIDATION_FAILED'],
      ['3', 'shelfLifeDays', 'shelfLifeDays', `'-3`, 'VALIDATION_FAILED'],
      ['4', 'deviceClass', 'deviceClass', `'@SUM(A1)`, 'VALIDATION_FAILED'],
    ]);
  });

  it('is refused without import.run, and 404 for an unknown batch', async () => {
    const sales = await t.userClient('sales');
    expect((await sales.get('/api/v1/imports/01900000-0000-7000-8000-000000000000/errors.csv')).status).toBe(403);
    expect((await admin.get('/api/v1/imports/01900000-0000-7000-8000-000000000000/errors.csv')).status).toBe(404);
  });
});
