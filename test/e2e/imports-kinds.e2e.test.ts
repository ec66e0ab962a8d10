import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { csv, DEVICE_HEADING, deviceRow, upload } from '../fixtures/imports/upload.ts';

let t: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  await upload(t, admin, '/api/v1/imports/devices', csv([DEVICE_HEADING, deviceRow('K-0001'), deviceRow('K-0002')]));
});
afterAll(() => t.close());

const rows = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params)).rows;

describe('customers, suppliers and carriers', () => {
  const heading = ['code', 'kind', 'customerType', 'nameZh', 'paymentTermsDays', 'addresses.1.code', 'addresses.1.kind', 'addresses.1.name', 'addresses.1.line1',
    'addresses.1.coldChainCapable', 'identifiers.scheme', 'identifiers.value', 'carrierServices.1.code', 'carrierServices.1.name', 'carrierServices.1.transitDays',
    'carrierServices.1.coldChainCapable'];

  it('given parties of every kind with an address, an identifier and a service, then all are written', async () => {
    const res = await upload(t, admin, '/api/v1/imports/customers', csv([heading,
      ['P-H1', 'customer', 'hospital', '测试医院', '90', 'MAIN', 'ship_to', '设备科', '某路1号', '是', 'GLN', '6901234000016', '', '', '', ''],
      ['P-S1', 'supplier', '', '测试供应商', '60', '', '', '', '', '', '', '', '', '', '', ''],
      ['P-C1', 'carrier', '', '测试物流', '30', '', '', '', '', '', '', '', 'COLD', '冷链', '1', '是'],
      ['P-S2', 'supplier', 'hospital', '错误供应商', '60', '', '', '', '', '', '', '', '', '', '', ''],
    ]));
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ row: 5, column: 'customerType', message: expect.stringMatching(/only customers have a customer type/) })]);
    const ok = await upload(t, admin, '/api/v1/imports/customers?mode=valid-rows', csv([heading,
      ['P-H1', 'customer', 'hospital', '测试医院', '90', 'MAIN', 'ship_to', '设备科', '某路1号', '是', 'GLN', '6901234000016', '', '', '', ''],
      ['P-S1', 'supplier', '', '测试供应商', '60', '', '', '', '', '', '', '', '', '', '', ''],
      ['P-C1', 'carrier', '', '测试物流', '30', '', '', '', '', '', '', '', 'COLD', '冷链', '1', '是'],
    ]));
    expect(ok.body).toMatchObject({ status: 'succeeded', created: 3 });
    expect(await rows('SELECT p.kind, a.cold_chain_capable FROM parties p JOIN party_addresses a ON a.party_id = p.id WHERE p.code = $1', ['P-H1']))
      .toEqual([{ kind: 'customer', cold_chain_capable: true }]);
    expect(await rows(`SELECT s.code, s.cold_chain_capable FROM carrier_services s JOIN parties p ON p.id = s.party_id WHERE p.code = 'P-C1'`))
      .toEqual([{ code: 'COLD', cold_chain_capable: true }]);
  });
});

describe('licences', () => {
  it('given licences of imported parties, then they are written with the batch as their source', async () => {
    const res = await upload(t, admin, '/api/v1/imports/licences', csv([
      ['partyCode', 'licenceType', 'number', 'deviceClasses', 'validFrom', 'validTo'],
      ['P-H1', 'hospital_practice', 'PDY0001', '', '2024-01-01', '2029-12-31'],
      ['P-S1', 'manufacturing', '苏食药监械生产许20150012号', 'II;III', '2024-01-01', ''],
      ['P-C1', 'manufacturing', 'X-1', '', '2024-01-01', ''],
    ]));
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ row: 4, column: 'licenceType', message: expect.stringMatching(/carriers hold no licences/) })]);
    const ok = await upload(t, admin, '/api/v1/imports/licences', csv([
      ['partyCode', 'licenceType', 'number', 'deviceClasses', 'validFrom', 'validTo'],
      ['P-H1', 'hospital_practice', 'PDY0001', '', '2024-01-01', '2029-12-31'],
      ['P-S1', 'manufacturing', '苏食药监械生产许20150012号', 'II;III', '2024-01-01', ''],
    ]));
    expect(ok.body).toMatchObject({ status: 'succeeded', created: 2 });
    expect(await rows(`SELECT source, source_ref FROM licences WHERE number = 'PDY0001'`)).toEqual([{ source: 'import', source_ref: ok.body.batchId }]);
  });
});

describe('price lists', () => {
  it('given a new list with a base price and quantity breaks, then list, line and breaks exist; a repeated key is refused', async () => {
    const heading = ['priceListCode', 'deviceCode', 'minQuantity', 'unitPriceMinor', 'floorMinor', 'priceListName', 'currency', 'validFrom'];
    const res = await upload(t, admin, '/api/v1/imports/price-lists?mode=valid-rows', csv([heading,
      ['PL-IMP', 'K-0001', '', '1500', '1200', '导入价目表', 'CNY', '2026-01-01'],
      ['PL-IMP', 'K-0001', '100', '1400', '', '', '', ''],
      ['PL-IMP', 'K-0001', '1000', '1300', '', '', '', ''],
      ['PL-IMP', 'K-0001', '100', '1350', '', '', '', ''],
      ['PL-IMP', 'K-0002', '1', '900', '', '', '', ''],
    ]));
    expect(res.body).toMatchObject({ status: 'partial', rowsImported: 4, created: 2 });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 5, code: 'DUPLICATE', message: 'the same priceListCode + deviceCode + minQuantity as row 3' })]);
    const breaks = await rows<{ min_quantity: number; unit_price_minor: number }>(
      `SELECT b.min_quantity, b.unit_price_minor FROM price_list_breaks b JOIN price_list_lines l ON l.id = b.line_id JOIN price_lists p ON p.id = l.price_list_id
        WHERE p.code = 'PL-IMP' ORDER BY b.min_quantity`);
    expect(breaks).toEqual([{ min_quantity: 100, unit_price_minor: 1400 }, { min_quantity: 1000, unit_price_minor: 1300 }]);
  });
});

describe('warehouses', () => {
  it('given a warehouse with zones and a bin, then all are written; a cold-chain zone that is not cold is its row’s error', async () => {
    const heading = ['code', 'nameZh', 'city', 'zones.1.code', 'zones.1.nameZh', 'zones.1.zoneType', 'zones.1.storageCondition',
      'zones.2.code', 'zones.2.nameZh', 'zones.2.zoneType', 'zones.2.storageCondition', 'bins.code', 'bins.zoneCode'];
    const res = await upload(t, admin, '/api/v1/imports/warehouses?mode=valid-rows', csv([heading,
      ['W-SH', '上海仓', '上海', 'A', '常温区', 'normal', 'ambient', 'C', '冷藏区', 'cold_chain', '2-8C', 'A-01', 'A'],
      ['W-GZ', '广州仓', '广州', 'A', '常温区', 'normal', 'ambient', 'C', '冷藏区', 'cold_chain', 'ambient', '', ''],
    ]));
    expect(res.body).toMatchObject({ status: 'partial', created: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'zones.2.storageCondition', field: 'zones.1.storageCondition' })]);
    expect(await rows(`SELECT z.code, z.zone_type FROM warehouse_zones z JOIN warehouses w ON w.id = z.warehouse_id WHERE w.code = 'W-SH' ORDER BY z.code`))
      .toEqual([{ code: 'A', zone_type: 'normal' }, { code: 'C', zone_type: 'cold_chain' }]);
  });
});

describe('packaging levels', () => {
  const levels = () => rows<{ level: string; gtin: string; quantity: number }>(
    `SELECT p.level, p.gtin, p.quantity FROM device_packaging p JOIN devices d ON d.id = p.device_id WHERE d.code = 'K-0001'
      ORDER BY array_position(ARRAY['each', 'box', 'case'], p.level)`);

  it('given levels of an existing device, then they are added; a later file replaces a level and keeps the others', async () => {
    const first = await upload(t, admin, '/api/v1/imports/packaging', csv([['deviceCode', 'level', 'gtin', 'quantity'],
      ['K-0001', 'each', '6901234100013', '1'], ['K-0001', 'box', '16901234100010', '10'], ['K-0001', 'case', '26901234100017', '100']]));
    expect(first.body).toMatchObject({ status: 'succeeded', rowsImported: 3, updated: 1 });
    expect(await levels()).toEqual([
      { level: 'each', gtin: '06901234100013', quantity: 1 }, { level: 'box', gtin: '16901234100010', quantity: 10 }, { level: 'case', gtin: '26901234100017', quantity: 100 },
    ]);
    const second = await upload(t, admin, '/api/v1/imports/packaging', csv([['产品编码', '包装层级', '产品标识 UDI-DI', '包装内最小销售单元数量'], ['K-0001', 'box', '16901234100010', '20']]));
    expect(second.body).toMatchObject({ status: 'succeeded', updated: 1 });
    expect((await levels()).map((l) => l.quantity)).toEqual([1, 20, 100]);
  });

  it('given HIBCC UDI-DIs, then the levels carry them, a file of another level keeps them, and a bad one names its row and column', async () => {
    const hibccs = () => rows<{ level: string; hibcc: string | null }>(
      `SELECT p.level, p.hibcc FROM device_packaging p JOIN devices d ON d.id = p.device_id WHERE d.code = 'K-0002'
        ORDER BY array_position(ARRAY['each', 'box', 'case'], p.level)`);
    const heading = ['deviceCode', 'level', 'gtin', 'quantity', 'hibcc'];
    const first = await upload(t, admin, '/api/v1/imports/packaging', csv([heading,
      ['K-0002', 'each', '6901234100020', '1', 'K100DEV20'], ['K-0002', 'box', '16901234100027', '10', 'K100DEV21']]));
    expect(first.body).toMatchObject({ status: 'succeeded', rowsImported: 2 });
    const second = await upload(t, admin, '/api/v1/imports/packaging', csv([heading, ['K-0002', 'case', '26901234100024', '100', '']]));
    expect(second.body).toMatchObject({ status: 'succeeded', updated: 1 });
    expect(await hibccs()).toEqual([{ level: 'each', hibcc: 'K100DEV20' }, { level: 'box', hibcc: 'K100DEV21' }, { level: 'case', hibcc: null }]);
    const bad = await upload(t, admin, '/api/v1/imports/packaging', csv([heading, ['K-0002', 'case', '26901234100024', '100', 'K100DEV29']]));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ row: 2, column: 'hibcc', field: 'hibcc', message: expect.stringMatching(/variable quantity/) })]);
    const taken = await upload(t, admin, '/api/v1/imports/packaging', csv([heading, ['K-0001', 'each', '6901234100013', '1', 'K100DEV21']]));
    expect(taken.body.error.details.errors).toEqual([expect.objectContaining({ row: 2, column: 'hibcc', code: 'DUPLICATE', message: expect.stringMatching(/K-0002/) })]);
  });

  it('given a case that does not hold whole boxes, then the row giving the case is at fault and nothing changes', async () => {
    const res = await upload(t, admin, '/api/v1/imports/packaging', csv([['deviceCode', 'level', 'gtin', 'quantity'], ['K-0001', 'case', '26901234100017', '150']]));
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ row: 2, column: 'quantity', field: 'quantity', message: expect.stringMatching(/whole number of boxs? of 20/) })]);
    expect((await levels()).map((l) => l.quantity)).toEqual([1, 20, 100]);
  });
});
