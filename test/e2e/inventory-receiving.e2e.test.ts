import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { inDays, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';

let t: TestApp;
let world: StockWorld;
let wh: HttpClient;
let qa: HttpClient;
let cs: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  world = await stockWorld(t.db, t.crypto);
  [wh, qa, cs] = await Promise.all([t.userClient('warehouse'), t.userClient('quality'), t.userClient('customer_service')]);
});
afterAll(() => t.close());

const scan = (gtin: string, lot: string, more: { expiry?: string; serial?: string; productionDate?: string } = {}) =>
  encodeGs1({ gtin, lot, expiry: more.expiry ?? inDays(300), ...(more.serial ? { serial: more.serial } : {}), ...(more.productionDate ? { productionDate: more.productionDate } : {}) }).raw;
const receive = (body: Record<string, unknown>, client = wh) => client.post('/api/v1/inventory/receipts', body);
const sign = { password: TEST_PASSWORD, meaning: 'released for distribution' };

describe('receiving by scanning labels', () => {
  it('counts a box of 20 as 20 units and a label’s count (AI 30), adds up scans of one lot, and lands the lots in quarantine', async () => {
    const { boxGtin } = world.coldDevice;
    const eachGtin = (await t.db.query<{ gtin: string }>(`SELECT gtin FROM device_packaging WHERE device_id = $1 AND level = 'each'`, [world.coldDevice.id])).rows[0]!.gtin;
    const expiry = inDays(300);
    const res = await receive({
      binId: world.bins['COLD-1'], reference: 'DN-001',
      scans: [scan(boxGtin, 'R1', { expiry }), scan(boxGtin, 'R1', { expiry }), scan(eachGtin, 'R1', { expiry }), scan(eachGtin, 'R1', { expiry }), scan(eachGtin, 'R1', { expiry }), scan(boxGtin, 'R2'),
        encodeGs1({ gtin: eachGtin, lot: 'R1', expiry, ais: { '30': '4' } }).raw],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.number).toMatch(/^RCV-\d{4}-\d{6}$/);
    expect(res.body.bin).toMatchObject({ binCode: 'COLD-1', zoneType: 'cold_chain' });
    expect(res.body.lines.map((l: any) => [l.lotNumber, l.quantity, l.lotStatus, l.expiresOn])).toEqual([
      ['R1', 47, 'quarantine', expiry], ['R2', 20, 'quarantine', inDays(300)],
    ]);
    const stock = await wh.get(`/api/v1/inventory/stock?deviceId=${world.coldDevice.id}`);
    expect(stock.body.items.map((s: any) => [s.lotNumber, s.binCode, s.onHand, s.allocated, s.free, s.lotStatus])).toEqual([
      ['R1', 'COLD-1', 47, 0, 47, 'quarantine'], ['R2', 'COLD-1', 20, 0, 20, 'quarantine'],
    ]);
  });

  it('takes a serial per unit for a serial-tracked device, each once', async () => {
    const { eachGtin, caseGtin } = world.stent;
    const ok = await receive({ binId: world.bins['AMB-1'], scans: ['SN-1', 'SN-2', 'SN-3'].map((s) => scan(eachGtin, 'ST1', { serial: s, productionDate: inDays(-30) })) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.lines).toEqual([expect.objectContaining({ lotNumber: 'ST1', quantity: 3, serials: ['SN-1', 'SN-2', 'SN-3'] })]);
    const bad: Array<[string[], number, string, string]> = [
      [[scan(caseGtin, 'ST1', { serial: 'SN-9' })], 400, 'VALIDATION_FAILED', 'scans.0'],
      [[scan(eachGtin, 'ST1')], 400, 'VALIDATION_FAILED', 'scans.0'],
      [[scan(eachGtin, 'ST1', { serial: 'SN-7' }), scan(eachGtin, 'ST1', { serial: 'SN-7' })], 409, 'DUPLICATE', 'scans.1'],
      [[scan(eachGtin, 'ST1', { serial: 'SN-2' })], 409, 'DUPLICATE', 'scans.0'],
    ];
    for (const [scans, status, code, field] of bad) {
      const res = await receive({ binId: world.bins['AMB-1'], scans });
      expect([res.status, res.body.error.code, res.body.error.field], JSON.stringify(res.body)).toEqual([status, code, field]);
    }
    const lot = (await wh.get(`/api/v1/inventory/lots?deviceId=${world.stent.id}&lotNumber=ST1`)).body.items[0];
    expect(lot).toMatchObject({ onHand: 3, status: 'quarantine', manufacturedOn: inDays(-30) });
  });

  it('refuses a bin whose storage condition does not suit the device', async () => {
    const res = await receive({ binId: world.bins['AMB-1'], scans: [scan(world.coldDevice.boxGtin, 'R3')] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'STORAGE_MISMATCH', field: 'binId' });
  });

  it('answers a repeated receipt with the same Idempotency-Key once', async () => {
    const body = { binId: world.bins['AMB-2'], lines: [{ deviceId: world.gauze.id, lotNumber: 'G-IDEM', expiresOn: inDays(400), quantity: 5 }] };
    const first = await wh.post('/api/v1/inventory/receipts', body, { 'idempotency-key': 'rcv-1' });
    const again = await wh.post('/api/v1/inventory/receipts', body, { 'idempotency-key': 'rcv-1' });
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await wh.get('/api/v1/inventory/stock?lotNumber=G-IDEM')).body.items.map((s: any) => s.onHand)).toEqual([5]);
  });
});

describe('releasing a lot', () => {
  const lotId = async (lotNumber: string) => (await wh.get(`/api/v1/inventory/lots?lotNumber=${lotNumber}`)).body.items[0].id as string;

  it('needs a release document and the quality user’s signature; then its stock can be allocated', async () => {
    const id = await lotId('R1');
    expect((await qa.post(`/api/v1/inventory/lots/${id}/release`, sign)).body.error.code).toBe('DOCUMENTS_MISSING');
    const doc = await wh.post(`/api/v1/inventory/lots/${id}/documents`, { kind: 'certificate_of_conformity', reference: 'COC-R1', issuedOn: inDays(-3) });
    expect(doc.status).toBe(201);
    const twice = await qa.post(`/api/v1/inventory/lots/${id}/documents`, { kind: 'certificate_of_conformity', reference: 'COC-R1' });
    expect([twice.status, twice.body.error.field]).toEqual([409, 'reference']);

    expect((await wh.post(`/api/v1/inventory/lots/${id}/release`, sign)).status).toBe(403);
    const wrong = await qa.post(`/api/v1/inventory/lots/${id}/release`, { ...sign, password: 'not-my-password-1' });
    expect([wrong.status, wrong.body.error.code, wrong.body.error.field]).toEqual([401, 'SIGNATURE_INVALID', 'password']);

    const ok = await qa.post(`/api/v1/inventory/lots/${id}/release`, { ...sign, reason: 'inspection passed' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ from: 'quarantine', status: 'released' });
    const lot = (await wh.get(`/api/v1/inventory/lots/${id}`)).body;
    expect(lot).toMatchObject({ status: 'released', releasedBy: qa.username, documents: [{ kind: 'certificate_of_conformity', reference: 'COC-R1' }] });
    expect(lot.balances.map((b: any) => [b.binCode, b.onHand])).toEqual([['COLD-1', 47]]);
    expect(lot.history.map((h: any) => h.action)).toEqual(['created', 'document.added', 'signature.refused', 'released']);
    expect(lot.history.at(-1).signature).toMatchObject({ meaning: 'released for distribution', signerName: qa.username });

    const order = await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: inDays(7), lines: [{ deviceId: world.coldDevice.id, quantity: 50 }] });
    const allocated = await wh.post(`/api/v1/orders/${order.body.id}/allocate`);
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(200);
    expect(allocated.body.allocations.map((a: any) => [a.lotId, a.quantity])).toEqual([[id, 47]]);
    expect(allocated.body.backOrders).toEqual([expect.objectContaining({ lineNo: 1, quantity: 3 })]);
  });

  it('rejects a lot with a signature: rejected stock is never allocated, and the decision is final', async () => {
    const id = await lotId('R2');
    const res = await qa.post(`/api/v1/inventory/lots/${id}/reject`, { ...sign, meaning: 'rejected at incoming inspection' });
    expect(res.body).toMatchObject({ status: 'rejected' });
    expect((await qa.post(`/api/v1/inventory/lots/${id}/release`, sign)).body.error.code).toBe('INVALID_STATE');
    expect((await wh.get(`/api/v1/inventory/stock?lotId=${id}`)).body.items[0]).toMatchObject({ lotStatus: 'rejected', onHand: 20 });
  });

  it('loads opening stock released, for quality only', async () => {
    const body = { binId: world.bins['AMB-2'], reason: 'opening', lines: [{ deviceId: world.gauze.id, lotNumber: 'G-OPEN', expiresOn: inDays(500), quantity: 40 }] };
    expect((await receive(body)).status).toBe(403);
    const res = await receive(body, await t.userClient(['warehouse', 'quality']));
    expect(res.body.lines[0]).toMatchObject({ lotStatus: 'released', quantity: 40 });
  });

  it('keeps further units of a released lot in quarantine until quality moves them out', async () => {
    const line = { deviceId: world.gauze.id, lotNumber: 'G-OPEN', expiresOn: inDays(500), quantity: 10 };
    const normal = await receive({ binId: world.bins['AMB-1'], lines: [line] });
    expect([normal.status, normal.body.error.code, normal.body.error.field]).toEqual([409, 'INVALID_STATE', 'binId']);
    const held = await receive({ binId: world.bins['QC-1'], lines: [line] });
    expect(held.status).toBe(201);
    const move = { lotId: held.body.lines[0].lotId, fromBinId: world.bins['QC-1'], toBinId: world.bins['AMB-1'], quantity: 10 };
    expect((await wh.post('/api/v1/inventory/transfers', move)).status).toBe(403);
    const moved = await t.userClient(['warehouse', 'quality']).then((c) => c.post('/api/v1/inventory/transfers', move));
    expect(moved.body).toMatchObject({ moveType: 'putaway', from: 'QC-1', to: 'AMB-1', quantity: 10 });
    const tooMuch = await wh.post('/api/v1/inventory/transfers', { ...move, fromBinId: world.bins['AMB-2'], toBinId: world.bins['AMB-1'], quantity: 41 });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'INSUFFICIENT_STOCK']);
  });
});

describe('stock queries', () => {
  it('tells a serial’s story from the ledger: received, stored, moved, its lot released', async () => {
    const lot = (await wh.get(`/api/v1/inventory/lots?lotNumber=ST1`)).body.items[0];
    await wh.post(`/api/v1/inventory/lots/${lot.id}/documents`, { kind: 'inspection_report', reference: 'IR-ST1' });
    await qa.post(`/api/v1/inventory/lots/${lot.id}/release`, sign);
    const moved = await wh.post('/api/v1/inventory/transfers', { lotId: lot.id, fromBinId: world.bins['AMB-1'], toBinId: world.bins['AMB-2'], quantity: 1, serials: ['SN-2'] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    const res = await wh.get('/api/v1/inventory/serials/SN-2');
    expect(res.body.units).toEqual([expect.objectContaining({ deviceCode: world.stent.code, lotNumber: 'ST1', status: 'in_stock', binCode: 'AMB-2' })]);
    expect(res.body.units[0].history.map((h: any) => [h.moveType, h.fromBin, h.toBin, h.receiptNumber !== null])).toEqual([
      ['receipt', null, 'AMB-1', true], ['status', null, null, false], ['transfer', 'AMB-1', 'AMB-2', false],
    ]);
    expect(res.body.units[0].history[1].reason).toBe('quarantine → released');
    expect((await wh.get('/api/v1/inventory/serials/NO-SUCH')).status).toBe(404);
    const lotView = (await wh.get(`/api/v1/inventory/lots/${lot.id}`)).body;
    expect(lotView.serials.map((s: any) => [s.serial, s.binCode])).toEqual([['SN-1', 'AMB-1'], ['SN-2', 'AMB-2'], ['SN-3', 'AMB-1']]);
  });

  it('reports lots near expiry by bucket', async () => {
    await receive({ binId: world.bins['AMB-2'], lines: [
      { deviceId: world.gauze.id, lotNumber: 'G-20D', expiresOn: inDays(20), quantity: 3 },
      { deviceId: world.gauze.id, lotNumber: 'G-60D', expiresOn: inDays(60), quantity: 4 },
      { deviceId: world.gauze.id, lotNumber: 'G-120D', expiresOn: inDays(120), quantity: 5 },
    ] });
    const res = await wh.get(`/api/v1/inventory/near-expiry?warehouseId=${world.warehouseId}`);
    expect(res.body.buckets.map((b: any) => [b.bucket, b.lots.map((l: any) => l.lotNumber), b.onHand])).toEqual([
      ['<30', ['G-20D'], 3], ['<90', ['G-60D'], 4], ['<180', ['G-120D'], 5],
    ]);
    expect(res.body.buckets[0].lots[0]).toMatchObject({ daysLeft: 20, status: 'quarantine' });
    const later = await wh.get(`/api/v1/inventory/near-expiry?today=${inDays(50)}`);
    expect(later.body.buckets[0].lots.map((l: any) => l.lotNumber)).toEqual(['G-60D']);
  });
});
