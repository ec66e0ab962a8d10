import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays, receiveReleased } from '../../src/modules/inventory/stock.fixture.ts';
import { verifyLedger } from '../../src/modules/inventory/verify-ledger.ts';
import { allocatedOrder, label, pickWorld, withCertificates, type PickWorld } from '../../src/modules/fulfillment/pick-world.fixture.ts';
import { readTx } from '../../src/platform/unit-of-work.ts';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let w: PickWorld;
let picker: HttpClient;
let reviewer: HttpClient;
let cs: HttpClient;
const SERIALS = Array.from({ length: 200 }, (_, i) => `E2B-${String(i + 1).padStart(4, '0')}`);

beforeAll(async () => {
  t = await startTestApp();
  w = await pickWorld(t.db, t.crypto);
  [picker, reviewer, cs] = await Promise.all([t.userClient('warehouse'), t.userClient('warehouse'), t.userClient('customer_service')]);
  const lots = await receiveReleased(t.db, [{ deviceId: w.stent.id, lotNumber: 'E2B-1', expiresOn: inDays(400), quantity: 200, binId: w.bins['AMB-1'], serials: SERIALS }]);
  await withCertificates(t.db, lots);
}, 180_000);
afterAll(() => t?.close());

const stent = (serial: string) => label(w.stentEach, 'E2B-1', inDays(400), serial);

describe('POST /api/v1/pick-lists/:id/scans/batch', { timeout: 240_000 }, () => {
  let orderId: string;
  let listId: string;

  it('picks many serials in one request, reporting refused labels by index in the picker’s language', async () => {
    orderId = await allocatedOrder(t.db, w, [{ deviceId: w.stent.id, quantity: 150 }]);
    const created = await picker.post('/api/v1/pick-lists', { orderIds: [orderId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    listId = created.body.id;

    const scans = [...SERIALS.slice(0, 100).map(stent), stent('E2B-0001'), 'garbage', label(w.reagentBox, 'X', inDays(300))];
    const key = { 'accept-language': 'zh-CN', 'idempotency-key': `batch-${listId}` };
    const res = await picker.post(`/api/v1/pick-lists/${listId}/scans/batch`, { scans }, key);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    expect(res.body).toMatchObject({ accepted: 100, units: 100, pickListStatus: 'picking', orders: [{ orderId, status: 'allocated' }] });
    expect(res.body.picks).toHaveLength(100);
    expect(res.body.refused.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([[100, 'SERIAL_UNAVAILABLE'], [101, 'SCAN_UNKNOWN_FORMAT'], [102, 'SCAN_WRONG_DEVICE']]);
    expect(res.body.refused[0].message).toBe(res.body.refused[0].messageZh);
    expect(res.body.refused[0].messageEn).toBe('serial E2B-0001 is already picked');
    // A retried upload (same Idempotency-Key) gets the first answer and picks nothing twice.
    const again = await picker.post(`/api/v1/pick-lists/${listId}/scans/batch`, { scans }, key);
    expect([again.status, again.headers.get('idempotent-replayed'), again.body.accepted]).toEqual([201, 'true', 100]);
    expect((await picker.get(`/api/v1/pick-lists/${listId}`)).body.lines[0].picked).toBe(100);

    const rest = await picker.post(`/api/v1/pick-lists/${listId}/scans/batch`, { scans: SERIALS.slice(100, 200).map(stent) }, { 'accept-language': 'en' });
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ accepted: 50, pickListStatus: 'picked', orders: [{ orderId, status: 'picking' }] });
    expect(rest.body.refused).toHaveLength(50);
    expect(rest.body.refused[0]).toMatchObject({ index: 50, code: 'INVALID_STATE', reason: 'line_complete', message: rest.body.refused[0].messageEn });
    const list = await picker.get(`/api/v1/pick-lists/${listId}`);
    expect(list.body).toMatchObject({ status: 'picked', lines: [{ quantity: 150, picked: 150 }] });
  });

  it('ships the batch-picked units with the ledger verifying', async () => {
    const pkg = await picker.post(`/api/v1/orders/${orderId}/packages`, { weightG: 9000, lengthMm: 600, widthMm: 400, heightMm: 300 });
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
    expect((await reviewer.post(`/api/v1/packages/${pkg.body.id}/review`, { password: TEST_PASSWORD, meaning: '出库复核' })).status).toBe(200);
    const shipped = await reviewer.post(`/api/v1/orders/${orderId}/shipments`, { carrier: 'SF', trackingNumber: 'SF-E2B' });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
    expect(shipped.body).toMatchObject({ units: 150, orderStatus: 'shipped' });
    expect(await readTx(t.db, verifyLedger)).toEqual([]);
  });

  it('refuses malformed requests whole with a 400 naming the field, and needs the pick permission', async () => {
    const url = `/api/v1/pick-lists/${listId}/scans/batch`;
    const cases: Array<[unknown, string]> = [
      [{ scans: 'x' }, 'scans'], [{ scans: [] }, 'scans'], [{}, 'scans'], [{ scans: [''] }, 'scans.0'], [{ scans: ['ok', 7] }, 'scans.1'],
      [{ scans: ['x'], extra: 1 }, 'extra'], [{ scans: ['x'], quantity: 0 }, 'quantity'], [{ scans: Array.from({ length: 50_001 }, () => 'x') }, 'scans'],
    ];
    for (const [body, field] of cases) {
      const res = await picker.post(url, body);
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(body).slice(0, 80)).toEqual([400, 'VALIDATION_FAILED', field]);
    }
    expect((await picker.post('/api/v1/pick-lists/nope/scans/batch', { scans: ['x'] })).body.error).toMatchObject({ field: 'params.id' });
    expect((await cs.post(url, { scans: ['x'] })).status).toBe(403);
    expect((await picker.post(url, { scans: [stent('E2B-0199')] })).body.error).toMatchObject({ code: 'INVALID_STATE' });
  });
});
