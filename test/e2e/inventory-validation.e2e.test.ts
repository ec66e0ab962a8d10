import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { gtin } from '../helpers/order-fixtures.ts';
import { inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';

let t: TestApp;
let world: StockWorld;
let wh: HttpClient;
let qa: HttpClient;
let sales: HttpClient;
let lotId: string;
const NO_ID = '00000000-0000-7000-8000-000000000000';
beforeAll(async () => {
  t = await startTestApp();
  world = await stockWorld(t.db, t.crypto);
  [wh, qa, sales] = await Promise.all([t.userClient(['warehouse', 'quality']), t.userClient('quality'), t.userClient(['sales', 'customer_service'])]);
  lotId = (await receiveReleased(t.db, [{ deviceId: world.gauze.id, lotNumber: 'KNOWN', expiresOn: inDays(400), quantity: 10, binId: world.bins['AMB-1'] }]))[0]!;
});
afterAll(() => t.close());

type Case = [body: unknown, field: string, status?: number];
const expectRefused = async (client: HttpClient, method: string, path: string, cases: Case[]) => {
  for (const [body, field, status] of cases) {
    const res = await client.request(method, path, body);
    expect(res.status, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    if (status) expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.field, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`).toBe(field);
  }
};
const counts = async () => (await t.db.query<{ lots: number; moves: number; serials: number; receipts: number }>(
  `SELECT (SELECT count(*) FROM lots)::int AS lots, (SELECT count(*) FROM stock_moves)::int AS moves,
          (SELECT count(*) FROM serial_units)::int AS serials, (SELECT count(*) FROM stock_receipts)::int AS receipts`)).rows[0];

describe('bad input is refused with the field named, and leaves nothing behind', () => {
  it('receipts', async () => {
    const before = await counts();
    const bin = world.bins['AMB-1'];
    const line = { deviceId: world.gauze.id, lotNumber: 'NEW-1', expiresOn: inDays(300), quantity: 5 };
    const each = (body13: string) => encodeGs1({ gtin: gtin(body13), lot: 'X1', expiry: inDays(300) }).raw;
    const stentScan = (more: object) => encodeGs1({ gtin: world.stent.eachGtin, ...more }).raw;
    await expectRefused(wh, 'POST', '/api/v1/inventory/receipts', [
      [{ lines: [line] }, 'binId'],
      [{ binId: 'bin-1', lines: [line] }, 'binId'],
      [{ binId: NO_ID, lines: [line] }, 'binId', 400],
      [{ binId: bin }, 'lines'],
      [{ binId: bin, lines: [line], scans: ['x'] }, 'lines'],
      [{ binId: bin, scans: [] }, 'scans'],
      [{ binId: bin, reason: 'gift', lines: [line] }, 'reason'],
      [{ binId: bin, supplierId: NO_ID, lines: [line] }, 'supplierId'],
      [{ binId: bin, supplierId: world.hospital.id, lines: [line] }, 'supplierId'],
      [{ binId: bin, scans: ['HELLO'] }, 'scans.0', 400],
      [{ binId: bin, scans: [`${stentScan({ lot: 'A' })}`, '0106901234567890'] }, 'scans.1', 400],
      [{ binId: bin, scans: [each('6999999999999')] }, 'scans.0', 404],
      [{ binId: bin, scans: [stentScan({ serial: 'S1' })] }, 'scans.0'],
      [{ binId: bin, scans: [stentScan({ lot: 'NEW-LOT', serial: 'S1' })] }, 'scans.0'],
      [{ binId: bin, lines: [{ ...line, deviceId: NO_ID }] }, 'lines.0.deviceId'],
      [{ binId: bin, lines: [{ ...line, quantity: 0 }] }, 'lines.0.quantity'],
      [{ binId: bin, lines: [{ ...line, expiresOn: '2027-02-30' }] }, 'lines.0.expiresOn'],
      [{ binId: bin, lines: [{ ...line, expiresOn: inDays(0) }] }, 'lines.0.expiresOn', 422],
      [{ binId: bin, lines: [{ ...line, manufacturedOn: inDays(301) }] }, 'lines.0.manufacturedOn'],
      [{ binId: bin, lines: [{ ...line, lotNumber: 'LOT 1' }] }, 'lines.0.lotNumber'],
      [{ binId: bin, lines: [{ ...line, serials: ['S1', 'S2', 'S3', 'S4', 'S5'] }] }, 'lines.0.serials'],
      [{ binId: bin, lines: [{ ...line, deviceId: world.stent.id, quantity: 2, serials: ['S1'] }] }, 'lines.0.serials'],
      [{ binId: bin, lines: [{ ...line, deviceId: world.stent.id, quantity: 2, serials: ['S1', 'S1'] }] }, 'lines.0.serials', 409],
      [{ binId: bin, lines: [{ ...line, lotNumber: 'KNOWN', expiresOn: inDays(401) }] }, 'lines.0.expiresOn'],
      [{ binId: bin, lines: [line, { ...line, expiresOn: inDays(301) }] }, 'lines.1.expiresOn'],
      [{ binId: bin, lines: [{ ...line, deviceId: world.coldDevice.id }] }, 'binId', 422],
      [{ binId: bin, lines: [line, { ...line, lotNumber: 'NEW-2', deviceId: world.coldDevice.id }] }, 'binId', 422],
      [{ binId: bin, lines: [{ ...line, lotNumber: 'KNOWN', expiresOn: inDays(400) }] }, 'binId', 409],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('lot documents and quality decisions', async () => {
    await expectRefused(wh, 'POST', `/api/v1/inventory/lots/${lotId}/documents`, [
      [{ kind: 'invoice', reference: 'I-1' }, 'kind'],
      [{ kind: 'inspection_report', reference: '' }, 'reference'],
      [{ kind: 'inspection_report', reference: 'R', issuedOn: 'yesterday' }, 'issuedOn'],
    ]);
    await expectRefused(qa, 'POST', `/api/v1/inventory/lots/${lotId}/release`, [
      [{ meaning: 'released' }, 'password'],
      [{ password: 'x' }, 'meaning'],
      [{ password: 'x', meaning: '' }, 'meaning'],
    ]);
    await expectRefused(qa, 'POST', `/api/v1/inventory/lots/${lotId}/block`, [[{}, 'reason'], [{ reason: '' }, 'reason']]);
  });

  it('transfers', async () => {
    const move = { lotId, fromBinId: world.bins['AMB-1'], toBinId: world.bins['AMB-2'], quantity: 1 };
    const [stentLot] = await receiveReleased(t.db, [{ deviceId: world.stent.id, lotNumber: 'ST-V', expiresOn: inDays(400), quantity: 1, binId: world.bins['AMB-1'], serials: ['V-1'] }]);
    await expectRefused(wh, 'POST', '/api/v1/inventory/transfers', [
      [{ ...move, lotId: NO_ID }, 'lotId'],
      [{ ...move, toBinId: move.fromBinId }, 'toBinId'],
      [{ ...move, toBinId: NO_ID }, 'toBinId'],
      [{ ...move, fromBinId: NO_ID }, 'fromBinId'],
      [{ ...move, quantity: 0 }, 'quantity'],
      [{ ...move, toBinId: world.bins['COLD-1'] }, 'toBinId', 422],
      [{ ...move, serials: ['Z'] }, 'serials'],
      [{ ...move, lotId: stentLot }, 'serials'],
      [{ ...move, lotId: stentLot, serials: ['NOPE'] }, 'serials', 422],
    ]);
  });

  it('stock queries', async () => {
    for (const [path, field] of [
      ['/api/v1/inventory/stock?deviceId=abc', 'querystring.deviceId'],
      ['/api/v1/inventory/stock?status=lost', 'querystring.status'],
      ['/api/v1/inventory/stock?limit=0', 'querystring.limit'],
      ['/api/v1/inventory/near-expiry?today=2026-13-01', 'querystring.today'],
      ['/api/v1/inventory/lots?lotNumber=a%20b', 'querystring.lotNumber'],
    ] as const) {
      const res = await wh.get(path);
      expect([res.status, res.body.error.field], path).toEqual([400, field]);
    }
  });

  it('promises and allocation preferences', async () => {
    const line = { deviceId: world.gauze.id, quantity: 1 };
    const other = await stockWorld(t.db, t.crypto);
    await expectRefused(sales, 'POST', '/api/v1/orders/promise', [
      [{ lines: [line] }, 'customerId'],
      [{ customerId: NO_ID, lines: [line] }, 'customerId'],
      [{ customerId: world.hospital.id, lines: [] }, 'lines'],
      [{ customerId: world.hospital.id, lines: [{ ...line, deviceId: NO_ID }] }, 'lines.0.deviceId'],
      [{ customerId: world.hospital.id, lines: [{ ...line, quantity: 0 }] }, 'lines.0.quantity'],
      [{ customerId: world.hospital.id, shipToId: other.hospital.shipToId, lines: [line] }, 'shipToId'],
      [{ customerId: world.hospital.id, carrierServiceId: NO_ID, lines: [line] }, 'carrierServiceId'],
    ]);
    await expectRefused(sales, 'PUT', `/api/v1/inventory/allocation-preferences/${world.hospital.id}`, [
      [{}, 'singleLotPerLine'],
      [{ singleLotPerLine: true, shipToWarehouses: [{ shipToId: other.hospital.shipToId, warehouseIds: [] }] }, 'shipToWarehouses.0.shipToId'],
      [{ singleLotPerLine: true, shipToWarehouses: [{ shipToId: world.hospital.shipToId, warehouseIds: [NO_ID] }] }, 'shipToWarehouses.0.warehouseIds.0'],
      [{ singleLotPerLine: true, shipToWarehouses: [{ shipToId: world.hospital.shipToId, warehouseIds: [] }, { shipToId: world.hospital.shipToId, warehouseIds: [] }] }, 'shipToWarehouses.1.shipToId'],
    ]);
  });
});
