import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { reagentScan, shippedReturnWorld, stentScan, type ReturnWorld } from '../../src/modules/returns/returns.fixture.ts';
import { verifyLedger } from '../../src/modules/inventory/verify-ledger.ts';
import { readTx } from '../../src/platform/unit-of-work.ts';

let t: TestApp;
let w: ReturnWorld;
let service: HttpClient;
let warehouse: HttpClient;
let quality: HttpClient;
let sales: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  w = await shippedReturnWorld(t.db, t.crypto);
  service = await t.userClient('customer_service');
  warehouse = await t.userClient('warehouse');
  quality = await t.userClient('quality');
  sales = await t.userClient('sales');
}, 180_000);
afterAll(() => t.close());

const reagent = (quantity: number) => ({ deviceId: w.coldDevice.id, lotNumber: w.reagentLot.lotNumber, quantity, reason: 'damaged' });
const stent = (serial: string) => ({ deviceId: w.stent.id, lotNumber: w.stentLot.lotNumber, serial, quantity: 1, reason: 'complaint' });
const fieldOf = (res: { status: number; body: any }) => [res.status, res.body?.error?.code, res.body?.error?.field];

describe('returns over HTTP', { timeout: 180_000 }, () => {
  it('refuses bad input with a 4xx naming the field, and roles without the permission', async () => {
    expect(fieldOf(await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [] }))).toEqual([400, 'VALIDATION_FAILED', 'lines']);
    expect(fieldOf(await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [{ ...reagent(1), reason: 'bored' }] }))[0]).toBe(400);
    expect(fieldOf(await service.post('/api/v1/returns', { shipmentId: 'x', lines: [reagent(1)] }))[0]).toBe(400);
    expect(fieldOf(await service.post('/api/v1/returns', { shipmentId: w.stentLot.id, lines: [reagent(1)] }))).toEqual([400, 'VALIDATION_FAILED', 'shipmentId']);
    expect(fieldOf(await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [reagent(21)] }))).toEqual([422, 'RETURN_NOT_AUTHORISED', 'lines[0].quantity']);
    expect(fieldOf(await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [stent(w.inStockSerial)] }))).toEqual([422, 'RETURN_NOT_AUTHORISED', 'lines[0].serial']);
    expect((await sales.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [reagent(1)] })).status).toBe(403);
    expect((await service.get('/api/v1/returns/not-a-uuid')).status).toBe(400);
    expect((await service.get(`/api/v1/returns/${w.stentLot.id}`)).status).toBe(404);
  });

  it('authorises, receives by scan, disposes; lists and shows the RMA; the ledger verifies', async () => {
    const created = await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [stent(w.shippedSerials[0]!), reagent(20)] }, { 'idempotency-key': 'rma-1' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const replay = await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [stent(w.shippedSerials[0]!), reagent(20)] }, { 'idempotency-key': 'rma-1' });
    expect([replay.body.id, replay.headers.get('idempotent-replayed')]).toEqual([created.body.id, 'true']);
    const rma = created.body;
    expect(rma).toMatchObject({ number: expect.stringMatching(/^RMA-\d{4}-\d{6}$/), status: 'authorised', channel: 'console' });

    const path = `/api/v1/returns/${rma.id}/receipts`;
    expect((await service.post(path, { scan: stentScan(w, w.shippedSerials[0]!), binId: w.returnsBin })).status).toBe(403);
    expect(fieldOf(await warehouse.post(path, { scan: stentScan(w, w.shippedSerials[0]!), binId: w.bins['AMB-1'] }))).toEqual([400, 'VALIDATION_FAILED', 'binId']);
    expect(fieldOf(await warehouse.post(path, { scan: stentScan(w, w.shippedSerials[1]!), binId: w.returnsBin }))).toEqual([422, 'SERIAL_UNAVAILABLE', 'scan']);
    expect(fieldOf(await warehouse.post(path, { scan: '01123<GS>', binId: w.returnsBin }))[2]).toBe('scan');
    expect(fieldOf(await warehouse.post(path, { scan: reagentScan(w), quantity: 0, binId: w.coldReturnsBin }))[0]).toBe(400);
    expect((await warehouse.post(path, { scan: stentScan(w, w.shippedSerials[0]!), binId: w.returnsBin })).status).toBe(201);
    const box = await warehouse.post(path, { scan: reagentScan(w), binId: w.coldReturnsBin });
    expect([box.status, box.body.status]).toEqual([201, 'received']);

    const detail = (await service.get(`/api/v1/returns/${rma.id}`)).body;
    expect(detail.lines.map((l: any) => l.qtyReceived)).toEqual([1, 20]);
    const [stentLine, reagentLine] = detail.lines;
    const dispose = (id: string, body: unknown) => quality.post(`/api/v1/returns/lines/${id}/disposition`, body);
    expect((await warehouse.post(`/api/v1/returns/lines/${reagentLine.id}/disposition`, { as: 'scrap', condition: 'damaged' })).status).toBe(403);
    expect(fieldOf(await dispose(reagentLine.id, { as: 'restock', condition: 'sound' }))).toEqual([400, 'VALIDATION_FAILED', 'toBinId']);
    expect(fieldOf(await dispose(reagentLine.id, { as: 'melt', condition: 'sound' }))[0]).toBe(400);
    expect(fieldOf(await dispose(reagentLine.id, { as: 'restock', condition: 'sound', toBinId: w.bins['AMB-1'] }))).toEqual([422, 'STORAGE_MISMATCH', 'toBinId']);
    expect((await dispose(reagentLine.id, { as: 'restock', condition: 'sound', toBinId: w.bins['COLD-1'] })).status).toBe(201);
    const repair = await dispose(stentLine.id, { as: 'repair', condition: 'damaged', note: 'kinked' });
    expect(repair.status).toBe(201);
    expect(repair.body).toMatchObject({ rmaStatus: 'closed', repair: { number: expect.stringMatching(/^REP-/) } });

    const repairId = repair.body.repair.id;
    expect((await warehouse.post(`/api/v1/repairs/${repairId}/diagnosis`, { diagnosis: 'kinked shaft' })).status).toBe(200);
    expect(fieldOf(await warehouse.post(`/api/v1/repairs/${repairId}/parts`, { lotId: w.gauzeLot.id, binId: w.bins['AMB-1'], quantity: 0 }))[0]).toBe(400);
    expect((await warehouse.post(`/api/v1/repairs/${repairId}/parts`, { lotId: w.gauzeLot.id, binId: w.bins['AMB-1'], quantity: 1 })).status).toBe(200);
    expect((await warehouse.post(`/api/v1/repairs/${repairId}/result`, { result: 'repaired' })).status).toBe(200);
    const sent = await warehouse.post(`/api/v1/repairs/${repairId}/ship`, { carrier: 'SF', trackingNumber: 'SF-R-1' });
    expect([sent.status, sent.body.status]).toEqual([200, 'shipped']);
    expect((await service.get(`/api/v1/repairs/${repairId}`)).body).toMatchObject({ status: 'shipped', returnShipmentNumber: expect.stringMatching(/^SH-/) });

    const list = (await service.get(`/api/v1/returns?shipmentId=${w.shipmentId}&status=closed`)).body;
    expect(list.items.map((r: any) => r.id)).toEqual([rma.id]);
    expect(fieldOf(await service.get('/api/v1/returns?status=lost'))[0]).toBe(400);
    expect(await readTx(t.db, verifyLedger)).toEqual([]);
  });

  it('cancels an RMA not yet received', async () => {
    const rma = (await service.post('/api/v1/returns', { shipmentId: w.shipmentId, lines: [stent(w.shippedSerials[1]!)] })).body;
    expect(fieldOf(await service.post(`/api/v1/returns/${rma.id}/cancel`, {}))).toEqual([400, 'VALIDATION_FAILED', 'reason']);
    const cancelled = await service.post(`/api/v1/returns/${rma.id}/cancel`, { reason: 'kept' });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    expect((await service.post(`/api/v1/returns/${rma.id}/cancel`, { reason: 'again' })).status).toBe(409);
  });
});

describe('complaints over HTTP', { timeout: 180_000 }, () => {
  it('records complaints with the UDI, lists them by lot and customer, summarises a lot and flags it at the threshold', async () => {
    expect((await quality.request('PUT', '/api/v1/complaints/settings', { lotThreshold: 2 })).status).toBe(200);
    expect((await service.request('PUT', '/api/v1/complaints/settings', { lotThreshold: 2 })).status).toBe(403);
    expect(fieldOf(await quality.request('PUT', '/api/v1/complaints/settings', { lotThreshold: 0 }))[0]).toBe(400);
    const body = { customerId: w.hospital.id, scan: stentScan(w, w.shippedSerials[1]!), description: '导管打折 catheter kinked' };
    const first = await service.post('/api/v1/complaints', body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ udiDi: w.stent.eachGtin, udiPi: { lot: w.stentLot.lotNumber, serial: w.shippedSerials[1] }, lotFlag: { newlyFlagged: false } });
    expect((await service.post('/api/v1/complaints', body)).body.lotFlag).toMatchObject({ count: 2, threshold: 2, newlyFlagged: true });
    expect(fieldOf(await service.post('/api/v1/complaints', { ...body, customerId: w.stentLot.id }))).toEqual([400, 'VALIDATION_FAILED', 'customerId']);
    expect(fieldOf(await service.post('/api/v1/complaints', { customerId: w.hospital.id, description: 'x' }))).toEqual([400, 'VALIDATION_FAILED', 'deviceId']);
    expect(fieldOf(await service.post('/api/v1/complaints', { ...body, description: '' }))[0]).toBe(400);
    expect((await warehouse.post('/api/v1/complaints', body)).status).toBe(403);

    const listed = (await sales.get(`/api/v1/complaints?lotId=${w.stentLot.id}&customerId=${w.hospital.id}`)).body;
    expect(listed.total).toBe(2);
    const summary = (await quality.get(`/api/v1/lots/${w.stentLot.id}/complaints`)).body;
    expect(summary).toMatchObject({ total: 2, flagged: true, threshold: 2, byStatus: { open: 2 } });
    expect((await quality.get(`/api/v1/lots/${w.shipmentId}/complaints`)).status).toBe(404);

    const id = first.body.id;
    expect((await quality.post(`/api/v1/complaints/${id}/status`, { status: 'investigating' })).body.status).toBe('investigating');
    expect(fieldOf(await quality.post(`/api/v1/complaints/${id}/status`, { status: 'closed' }))).toEqual([400, 'VALIDATION_FAILED', 'resolution']);
    expect((await quality.post(`/api/v1/complaints/${id}/status`, { status: 'closed', resolution: 'user error' })).body.status).toBe('closed');
    expect((await quality.get(`/api/v1/complaints/${id}`)).body.resolution).toBe('user error');
  });
});
