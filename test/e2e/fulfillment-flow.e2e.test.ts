import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeHibcc } from '../../src/modules/udi/encode-hibcc.ts';
import { markExpiredLots } from '../../src/modules/inventory/mark-expired-lots.ts';
import { inDays, receiveReleased } from '../../src/modules/inventory/stock.fixture.ts';
import { pickWorld, label, withCertificates, type PickWorld } from '../../src/modules/fulfillment/pick-world.fixture.ts';
import { createParty } from '../../src/modules/parties/create-party.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let w: PickWorld;
let picker: HttpClient;
let reviewer: HttpClient;
let cs: HttpClient;
let qa: HttpClient;
const zh = { 'accept-language': 'zh-CN' };
const en = { 'accept-language': 'en' };

beforeAll(async () => {
  t = await startTestApp();
  w = await pickWorld(t.db, t.crypto);
  [picker, reviewer, cs, qa] = await Promise.all([t.userClient('warehouse'), t.userClient('warehouse'), t.userClient('customer_service'), t.userClient('quality')]);
  const lots = await receiveReleased(t.db, [
    { deviceId: w.coldDevice.id, lotNumber: 'E2E-GOOD', expiresOn: inDays(300), quantity: 40, binId: w.bins['COLD-1'] },
    { deviceId: w.coldDevice.id, lotNumber: 'E2E-EXP', expiresOn: inDays(1), quantity: 20, binId: w.bins['COLD-1'] },
    { deviceId: w.coldDevice.id, lotNumber: 'E2E-RCL', expiresOn: inDays(320), quantity: 20, binId: w.bins['COLD-1'] },
  ]);
  await withCertificates(t.db, [lots[0]!]);
  // The daily expiry run, as of the day E2E-EXP expires.
  expect((await markExpiredLots(t.db, inDays(1), { earliestShipDate: inDays(1) })).expired.map((l) => l.lotNumber)).toEqual(['E2E-EXP']);
  const recall = await qa.post(`/api/v1/inventory/lots/${lots[2]}/recall`, { reason: 'field safety notice' });
  expect(recall.status, JSON.stringify(recall.body)).toBe(200);
}, 180_000);
afterAll(() => t?.close());

describe('order → allocate → pick → pack → review → ship → deliver over HTTP', { timeout: 180_000 }, () => {
  let orderId: string;
  let listId: string;
  let packageId: string;
  let shipmentId: string;

  it('allocates a confirmed order and makes its pick list in walking order', async () => {
    const order = await cs.post('/api/v1/orders', { customerId: w.hospital.id, requestedDate: inDays(7), lines: [{ deviceId: w.coldDevice.id, quantity: 20 }] });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    orderId = order.body.id;
    expect((await picker.post(`/api/v1/orders/${orderId}/allocate`)).status).toBe(200);

    expect((await picker.post('/api/v1/pick-lists', { orderIds: [] })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'orderIds' });
    expect((await picker.post('/api/v1/pick-lists', { orderIds: ['nope'] })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'orderIds.0' });
    expect((await cs.post('/api/v1/pick-lists', { orderIds: [orderId] })).status).toBe(403);
    const created = await picker.post('/api/v1/pick-lists', { orderIds: [orderId] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    listId = created.body.id;
    const list = await picker.get(`/api/v1/pick-lists/${listId}`);
    expect(list.body).toMatchObject({ status: 'open', kind: 'order', lines: [{ binCode: 'COLD-1', deviceCode: w.coldDevice.code, lotNumber: 'E2E-GOOD', quantity: 20, picked: 0, expiresOn: inDays(300) }] });
    expect((await picker.get(`/api/v1/pick-lists?orderId=${orderId}&status=open`)).body).toMatchObject({ total: 1, items: [{ id: listId }] });
    expect((await picker.get('/api/v1/pick-lists?status=bogus')).body.error).toMatchObject({ field: 'querystring.status' });
  });

  it('refuses wrong-device, expired and recalled scans in the picker’s language, and bad input with the field', async () => {
    const scan = (body: unknown, headers = en) => picker.post(`/api/v1/pick-lists/${listId}/scans`, body, headers);
    const wrong = await scan({ scan: label(w.stentEach, 'X1', inDays(400), 'SN1') }, zh);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'SCAN_WRONG_DEVICE', field: 'scan', message: expect.stringContaining('不在本拣货单上'), details: { messageEn: expect.stringContaining('is not on this pick list') } });
    const expired = await scan({ scan: label(w.reagentBox, 'E2E-EXP', inDays(1)) });
    expect([expired.status, expired.body.error.code]).toEqual([422, 'LOT_EXPIRED']);
    expect(expired.body.error.details.messageZh).toContain('已过期');
    const recalled = await scan({ scan: label(w.reagentBox, 'E2E-RCL', inDays(320)) }, zh);
    expect(recalled.body.error).toMatchObject({ code: 'LOT_RECALLED', message: '批号 E2E-RCL 已召回，不得拣货' });
    const hibcc = await scan({ scan: encodeHibcc({ lic: 'A123', product: 'REAG20', unitOfMeasure: 0, lot: 'E2EGOOD' }).concatenated });
    expect(hibcc.body.error).toMatchObject({ code: 'SCAN_WRONG_DEVICE', details: { reason: 'unknown_device', messageEn: expect.stringContaining('HIBCC A123REAG20') } });
    expect((await scan({ scan: '' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scan' });
    expect((await scan({ scan: label(w.reagentBox, 'E2E-GOOD', inDays(300)), quantity: 0 })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'quantity' });
    expect((await scan({ scan: 'x', extra: 1 })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'extra' });
    expect((await scan({ scan: '(01)123' })).status).toBe(400);
    const audit = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'scan.refused'`, [listId]);
    expect(audit.rows[0]!.n).toBe(5); // wrong device, expired, recalled, HIBCC, unparsable

    const ok = await scan({ scan: label(w.reagentBox, 'E2E-GOOD', inDays(300)) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ quantity: 20, substitute: false, pickListStatus: 'picked', orderStatus: 'picking' });
    expect((await scan({ scan: label(w.reagentEach, 'E2E-GOOD', inDays(300)) })).body.error).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('packs into a package with an SSCC', async () => {
    const bad = await picker.post(`/api/v1/orders/${orderId}/packages`, { weightG: 0, lengthMm: 300, widthMm: 200, heightMm: 100 });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'weightG' });
    const packed = await picker.post(`/api/v1/orders/${orderId}/packages`, { weightG: 2100, lengthMm: 300, widthMm: 200, heightMm: 100 });
    expect(packed.status, JSON.stringify(packed.body)).toBe(201);
    expect(packed.body).toMatchObject({ units: 20, orderStatus: 'packed', sscc: expect.stringMatching(/^06901234\d{10}$/) });
    packageId = packed.body.id;
    const pkg = await picker.get(`/api/v1/packages/${packageId}`);
    expect(pkg.body).toMatchObject({ status: 'closed', content: [{ lineNo: 1, lotNumber: 'E2E-GOOD', quantity: 20, pickedBy: picker.username }] });
  });

  it('requires the outbound review by someone other than the picker before shipping', async () => {
    const early = await reviewer.post(`/api/v1/orders/${orderId}/shipments`, { carrier: 'SF', trackingNumber: 'SF100' });
    expect([early.status, early.body.error.code]).toEqual([422, 'REVIEW_REQUIRED']);
    const self = await picker.post(`/api/v1/packages/${packageId}/review`, { password: TEST_PASSWORD, meaning: '出库复核' });
    expect([self.status, self.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const miscount = await reviewer.post(`/api/v1/packages/${packageId}/review`, { password: TEST_PASSWORD, meaning: '出库复核', checked: [{ lineNo: 1, quantity: 18 }] });
    expect(miscount.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'checked', details: { differences: [{ lineNo: 1, packed: 20, checked: 18 }] } });
    expect((await reviewer.post(`/api/v1/packages/${packageId}/review`, { meaning: 'x' })).body.error).toMatchObject({ field: 'password' });
    const ok = await reviewer.post(`/api/v1/packages/${packageId}/review`, { password: TEST_PASSWORD, meaning: '出库复核', checked: [{ lineNo: 1, quantity: 20 }] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'reviewed', reviewedBy: reviewer.username });
  });

  it('ships, shows the shipment to its customer only, and confirms delivery', async () => {
    expect((await reviewer.post(`/api/v1/orders/${orderId}/shipments`, { carrier: '', trackingNumber: 'SF100' })).body.error).toMatchObject({ field: 'carrier' });
    expect((await reviewer.post(`/api/v1/orders/${orderId}/shipments`, { carrier: 'SF', trackingNumber: 'SF100', packageIds: [orderId] })).body.error).toMatchObject({ field: 'packageIds' });
    const shipped = await reviewer.post(`/api/v1/orders/${orderId}/shipments`, { carrier: 'SF Express', trackingNumber: 'SF100' }, { 'idempotency-key': 'ship-1' });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(201);
    expect(shipped.body).toMatchObject({ units: 20, orderStatus: 'shipped', packageIds: [packageId] });
    shipmentId = shipped.body.id;
    const replay = await reviewer.post(`/api/v1/orders/${orderId}/shipments`, { carrier: 'SF Express', trackingNumber: 'SF100' }, { 'idempotency-key': 'ship-1' });
    expect([replay.status, replay.body.id, replay.headers.get('idempotent-replayed')]).toEqual([201, shipmentId, 'true']);

    const view = await cs.get(`/api/v1/shipments/${shipmentId}`);
    expect(view.body).toMatchObject({ status: 'shipped', carrier: 'SF Express', customerId: w.hospital.id, lines: [{ lotNumber: 'E2E-GOOD', quantity: 20, sscc: expect.stringMatching(/^\d{18}$/), deviceCode: w.coldDevice.code }] });
    expect((await cs.get(`/api/v1/shipments?orderId=${orderId}`)).body).toMatchObject({ total: 1 });

    const own = await t.userClient('hospital_portal', { organisationId: w.hospital.id });
    const other = await createParty(t.db, t.crypto, systemActor('test'), { code: 'H-OTHER', kind: 'customer', customerType: 'hospital', nameZh: '别的医院' });
    const stranger = await t.userClient('hospital_portal', { organisationId: other.id });
    expect((await own.get(`/api/v1/shipments/${shipmentId}`)).status).toBe(200);
    expect((await stranger.get(`/api/v1/shipments/${shipmentId}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/packages/${packageId}`)).status).toBe(404);
    expect((await stranger.get('/api/v1/shipments')).body).toMatchObject({ total: 0, items: [] });
    expect((await own.post(`/api/v1/shipments/${shipmentId}/delivery`, { receivedBy: 'x' })).status).toBe(403);

    expect((await reviewer.post(`/api/v1/shipments/${shipmentId}/delivery`, { receivedBy: '' })).body.error).toMatchObject({ field: 'receivedBy' });
    expect((await reviewer.post(`/api/v1/shipments/${shipmentId}/delivery`, { receivedBy: '张三', deliveredAt: 'yesterday' })).body.error).toMatchObject({ field: 'deliveredAt' });
    const delivered = await reviewer.post(`/api/v1/shipments/${shipmentId}/delivery`, { receivedBy: '张三', podReference: 'POD-1' });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', orderStatus: 'delivered' });
    const order = await cs.get(`/api/v1/orders/${orderId}`);
    expect(order.body.status).toBe('delivered');
  });
});

describe('the device classes that need the outbound review', { timeout: 180_000 }, () => {
  it('are documented in the OpenAPI document with the other fulfilment routes', async () => {
    const doc = await t.anonymous().get('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/pick-lists/{id}/scans', '/api/v1/orders/{id}/shipments', '/api/v1/fulfillment/review-classes']));
  });

  it('are read by the warehouse and set by quality, each value checked', async () => {
    expect((await picker.get('/api/v1/fulfillment/review-classes')).body).toEqual({ deviceClasses: ['II', 'III'] });
    expect((await picker.request('PUT', '/api/v1/fulfillment/review-classes', { deviceClasses: [] })).status).toBe(403);
    expect((await qa.request('PUT', '/api/v1/fulfillment/review-classes', { deviceClasses: ['IV'] })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'deviceClasses.0' });
    const set = await qa.request('PUT', '/api/v1/fulfillment/review-classes', { deviceClasses: ['III'] });
    expect(set.body).toEqual({ deviceClasses: ['III'] });
    expect((await picker.get('/api/v1/fulfillment/review-classes')).body).toEqual({ deviceClasses: ['III'] });
  });
});
