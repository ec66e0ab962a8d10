import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { csv, upload } from '../fixtures/imports/upload.ts';
import { stockWorld, inDays, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { verifyLedger } from '../../src/modules/inventory/verify-ledger.ts';
import { readTx } from '../../src/platform/unit-of-work.ts';

let t: TestApp;
let admin: HttpClient;
let w: StockWorld;
let whCode: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  w = await stockWorld(t.db, t.crypto);
  whCode = (await t.db.query<{ code: string }>('SELECT code FROM warehouses WHERE id = $1', [w.warehouseId])).rows[0]!.code;
});
afterAll(() => t.close());

const HEADING = ['仓库编码', '货位编码', '产品编码', '批号', 'expiresOn', 'quantity'];

describe('opening stock import', () => {
  it('receives each row as a released lot through the ledger, and refuses a second import of the same lot', async () => {
    const file = csv([HEADING, [whCode, 'AMB-1', w.gauze.code, 'OS-1', inDays(400), 120], [whCode, 'AMB-2', w.gauze.code, 'OS-2', inDays(500), 30]]);
    const res = await upload(t, admin, '/api/v1/imports/opening-stock', file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ created: 2 });
    const stock = await t.db.query<{ lot_number: string; on_hand: number; status: string }>(
      `SELECT l.lot_number, s.on_hand, l.status FROM stock_balances s JOIN lots l ON l.id = s.lot_id WHERE s.device_id = $1 ORDER BY l.lot_number`, [w.gauze.id]);
    expect(stock.rows).toEqual([{ lot_number: 'OS-1', on_hand: 120, status: 'released' }, { lot_number: 'OS-2', on_hand: 30, status: 'released' }]);
    expect(await readTx(t.db, verifyLedger)).toEqual([]);

    const again = await upload(t, admin, '/api/v1/imports/opening-stock', file);
    expect(again.status).toBe(422);
    expect(again.body.error.details.errors[0]).toMatchObject({ row: 2, field: 'lotNumber', code: 'DUPLICATE' });
    const total = await t.db.query<{ n: number }>('SELECT sum(on_hand)::int AS n FROM stock_balances WHERE device_id = $1', [w.gauze.id]);
    expect(total.rows[0]!.n).toBe(150);
  });

  it('names unknown bins and devices, and needs quality release rights', async () => {
    const bad = await upload(t, admin, '/api/v1/imports/opening-stock', csv([HEADING, [whCode, 'NOPE', w.gauze.code, 'X', inDays(100), 1], [whCode, 'AMB-1', 'NO-DEVICE', 'Y', inDays(100), 1]]));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.errors.map((e: any) => [e.row, e.field])).toEqual([[2, 'binCode'], [3, 'deviceCode']]);
    const sales = await t.userClient(['sales']);
    expect((await upload(t, sales, '/api/v1/imports/opening-stock', csv([HEADING]))).status).toBe(403);
  });
});
