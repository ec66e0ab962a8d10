import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gtinFor, sampleDevice } from '../../src/modules/catalog/devices.fixture.ts';
import { allocatedOrder, pickWorld, withCertificates, type PickWorld } from '../../src/modules/fulfillment/pick-world.fixture.ts';
import { markExpiredLots } from '../../src/modules/inventory/mark-expired-lots.ts';
import { inDays, receiveReleased } from '../../src/modules/inventory/stock.fixture.ts';
import { encodeHibcc, type HibccLabel } from '../../src/modules/udi/encode-hibcc.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let w: PickWorld;
let admin: HttpClient;
let picker: HttpClient;
const en = { 'accept-language': 'en' };

/** HIBCC UDI-DIs: the reagent's each (unit of measure 0) and box (1), the stent's each. */
const REAG_EACH = 'L123REAG0';
const REAG_BOX = 'L123REAG1';
const STENT_EACH = 'L123STNT0';

const hibcc = (label: HibccLabel): string => encodeHibcc(label).concatenated;
const reagentBox = (lot: string, expiry?: string) => hibcc({ lic: 'L123', product: 'REAG', unitOfMeasure: 1, lot, ...(expiry ? { expiry } : {}) });
const reagentEach = (lot: string, expiry: string) => hibcc({ lic: 'L123', product: 'REAG', unitOfMeasure: 0, lot, expiry });
const stentEach = () => hibcc({ lic: 'L123', product: 'STNT', unitOfMeasure: 0, lot: 'S1', serial: 'SN1', expiry: inDays(400) });

beforeAll(async () => {
  t = await startTestApp();
  w = await pickWorld(t.db, t.crypto);
  [admin, picker] = await Promise.all([t.userClient('admin'), t.userClient('warehouse')]);
  const lots = await receiveReleased(t.db, [
    { deviceId: w.coldDevice.id, lotNumber: 'HGOOD', expiresOn: inDays(300), quantity: 60, binId: w.bins['COLD-1'] },
    { deviceId: w.coldDevice.id, lotNumber: 'HEXP', expiresOn: inDays(1), quantity: 20, binId: w.bins['COLD-1'] },
    { deviceId: w.coldDevice.id, lotNumber: 'HRCL', expiresOn: inDays(320), quantity: 20, binId: w.bins['COLD-1'] },
  ]);
  await withCertificates(t.db, [lots[0]!]);
  expect((await markExpiredLots(t.db, inDays(1), { earliestShipDate: inDays(1) })).expired.map((l) => l.lotNumber)).toEqual(['HEXP']);
  const recall = await (await t.userClient('quality')).post(`/api/v1/inventory/lots/${lots[2]}/recall`, { reason: 'field safety notice' });
  expect(recall.status, JSON.stringify(recall.body)).toBe(200);
}, 180_000);
afterAll(() => t?.close());

const setHibcc = (deviceId: string, gtin: string, body: unknown, client = admin) =>
  client.request('PATCH', `/api/v1/devices/${deviceId}/packaging/${gtin}`, body);

describe('HIBCC UDI-DIs of packaging levels', { timeout: 180_000 }, () => {
  it('are set per level through the device API, each value checked', async () => {
    const box = await setHibcc(w.coldDevice.id, w.reagentBox, { hibcc: REAG_BOX });
    expect(box.status, JSON.stringify(box.body)).toBe(200);
    expect(box.body.packaging).toEqual([
      { level: 'each', gtin: w.reagentEach, quantity: 1, hibcc: null },
      { level: 'box', gtin: w.reagentBox, quantity: 20, hibcc: REAG_BOX },
    ]);
    expect((await setHibcc(w.coldDevice.id, w.reagentEach, { hibcc: REAG_EACH })).status).toBe(200);
    expect((await setHibcc(w.stent.id, w.stentEach, { hibcc: STENT_EACH })).status).toBe(200);

    const bad: Array<[unknown, RegExp]> = [
      [{ hibcc: 'l123reag1' }, /only A–Z and 0–9/], [{ hibcc: '+L123REAG1' }, /only A–Z and 0–9/], [{ hibcc: 'L123REAG9' }, /variable quantity/],
      [{ hibcc: '1123REAG1' }, /labeler identification code/], [{ hibcc: 'L12' }, /6 to 23 characters/], [{}, /hibcc/],
    ];
    for (const [body, why] of bad) {
      const res = await setHibcc(w.stent.id, w.stent.caseGtin, body);
      expect([res.status, res.body.error?.code, res.body.error?.field], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED', 'hibcc']);
      expect(res.body.error.message).toMatch(why);
    }
    const taken = await setHibcc(w.stent.id, w.stent.caseGtin, { hibcc: REAG_BOX });
    expect([taken.status, taken.body.error]).toEqual([409, expect.objectContaining({ code: 'DUPLICATE', field: 'hibcc', details: expect.objectContaining({ deviceCode: w.coldDevice.code, level: 'box' }) })]);
    expect((await setHibcc(w.stent.id, '06901234567892', { hibcc: 'L123STNT1' })).body.error).toMatchObject({ code: 'NOT_FOUND', field: 'gtin' });
    expect((await setHibcc(w.stent.id, w.stent.caseGtin, { hibcc: 'L123STNT1' }, picker)).status).toBe(403);
  });

  it('are given with a new device, refused when malformed or taken with the field named', async () => {
    const device = sampleDevice(901);
    const withHibcc = (hibccDi: string) => ({ ...device, packaging: [{ ...device.packaging![0]!, hibcc: hibccDi }] });
    const malformed = await admin.post('/api/v1/devices', withHibcc('L123 NEW0'));
    expect([malformed.status, malformed.body.error.code, malformed.body.error.field]).toEqual([400, 'VALIDATION_FAILED', 'packaging.0.hibcc']);
    const taken = await admin.post('/api/v1/devices', withHibcc(REAG_EACH));
    expect([taken.status, taken.body.error.code, taken.body.error.field]).toEqual([409, 'DUPLICATE', 'packaging.0.hibcc']);
    const created = await admin.post('/api/v1/devices', withHibcc('L123NEW0'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.packaging[0]).toMatchObject({ level: 'each', hibcc: 'L123NEW0' });

    const box = { level: 'box', gtin: gtinFor(901, 1), quantity: 10 };
    expect((await admin.post(`/api/v1/devices/${created.body.id}/packaging`, { ...box, hibcc: 'L123NEW0' })).body.error).toMatchObject({ code: 'DUPLICATE', field: 'hibcc' });
    expect((await admin.post(`/api/v1/devices/${created.body.id}/packaging`, { ...box, hibcc: 'L123NEW' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'hibcc' });
    const added = await admin.post(`/api/v1/devices/${created.body.id}/packaging`, { ...box, hibcc: 'L123NEW1' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.packaging.map((p: { hibcc: string | null }) => p.hibcc)).toEqual(['L123NEW0', 'L123NEW1']);
  });

  it('resolve an HIBCC label to its device and level', async () => {
    const res = await picker.post('/api/v1/udi/resolve', { scan: reagentBox('HGOOD', inDays(300)) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      scheme: 'HIBCC', gtin: w.reagentBox, hibcc: REAG_BOX, level: 'box', quantity: 20, lot: 'HGOOD', expiry: inDays(300), missing: [],
      device: { deviceId: w.coldDevice.id, deviceCode: w.coldDevice.code, trackingMode: 'lot' },
    });
    const unknown = await picker.post('/api/v1/udi/resolve', { scan: hibcc({ lic: 'Z999', product: 'NOPE', unitOfMeasure: 0 }) });
    expect([unknown.status, unknown.body.error]).toEqual([404, expect.objectContaining({ code: 'SCAN_UNKNOWN_GTIN', field: 'scan', details: { hibcc: 'Z999NOPE0' } })]);
  });
});

describe('scan-to-pick with HIBCC labels', { timeout: 180_000 }, () => {
  const newList = async (quantity: number): Promise<string> => {
    const orderId = await allocatedOrder(t.db, w, [{ deviceId: w.coldDevice.id, quantity }]);
    const created = await picker.post('/api/v1/pick-lists', { orderIds: [orderId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  };

  it('refuses another device, an expired, a recalled and an unknown HIBCC label with the stable codes, then picks the box', async () => {
    const listId = await newList(20);
    const scan = (label: string) => picker.post(`/api/v1/pick-lists/${listId}/scans`, { scan: label }, en);
    const refusals: Array<[string, string, string]> = [
      [stentEach(), 'SCAN_WRONG_DEVICE', 'wrong_device'],
      [reagentBox('HEXP', inDays(1)), 'LOT_EXPIRED', 'label_expired'],
      [reagentBox('HEXP'), 'LOT_EXPIRED', 'LOT_EXPIRED'],
      [reagentBox('HRCL', inDays(320)), 'LOT_RECALLED', 'LOT_RECALLED'],
      [hibcc({ lic: 'Z999', product: 'NOPE', unitOfMeasure: 0, lot: 'HGOOD' }), 'SCAN_WRONG_DEVICE', 'unknown_device'],
    ];
    for (const [label, code, reason] of refusals) {
      const res = await scan(label);
      expect([res.status, res.body.error?.code, res.body.error?.details?.reason], label).toEqual([422, code, reason]);
    }
    expect((await scan(refusals[4]![0])).body.error.message).toContain('HIBCC Z999NOPE0');

    const ok = await scan(reagentBox('HGOOD', inDays(300)));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ quantity: 20, substitute: false, pickListStatus: 'picked', orderStatus: 'picking' });
    expect((await picker.get(`/api/v1/pick-lists/${listId}`)).body).toMatchObject({ status: 'picked', lines: [{ lotNumber: 'HGOOD', quantity: 20, picked: 20 }] });
    expect((await scan(reagentEach('HGOOD', inDays(300)))).body.error).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('picks HIBCC labels in a batch, refusing the bad ones by index', async () => {
    const listId = await newList(20);
    const scans = [reagentEach('HGOOD', inDays(300)), reagentEach('HGOOD', inDays(300)), stentEach(), reagentBox('HEXP', inDays(1)), reagentEach('HRCL', inDays(320))];
    const res = await picker.post(`/api/v1/pick-lists/${listId}/scans/batch`, { scans }, en);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ accepted: 2, units: 2, pickListStatus: 'picking' });
    expect(res.body.refused.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([[2, 'SCAN_WRONG_DEVICE'], [3, 'LOT_EXPIRED'], [4, 'LOT_RECALLED']]);
    expect((await picker.get(`/api/v1/pick-lists/${listId}`)).body.lines[0]).toMatchObject({ lotNumber: 'HGOOD', picked: 2 });
  });
});
