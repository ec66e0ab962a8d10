import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { createPriceList } from '../../src/modules/pricing/create-price-list.ts';
import { confirmedOrder, inDays } from '../../src/modules/inventory/stock.fixture.ts';
import { purchasingWorld, type PurchasingWorld } from '../../src/modules/purchasing/purchasing.fixture.ts';

let t: TestApp;
let world: PurchasingWorld;
let planner: HttpClient;
let wh: HttpClient;
let qa: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  world = await purchasingWorld(t.db, t.crypto);
  [planner, wh, qa] = await Promise.all([t.userClient('planner'), t.userClient('warehouse'), t.userClient('quality')]);
}, 300_000);
afterAll(() => t?.close());

const scan = (gtin: string, lot: string, expiry = inDays(300)) => encodeGs1({ gtin, lot, expiry }).raw;
const sign = { password: TEST_PASSWORD, meaning: 'released after incoming inspection' };
const errorOf = (res: { status: number; body: any }) => [res.status, res.body?.error?.code, res.body?.error?.field];

/** An approved purchase order of `quantity` catheters from the qualified supplier. */
async function approvedPo(quantity: number): Promise<any> {
  const po = await planner.post('/api/v1/purchase-orders', {
    supplierId: world.supplier.id, lines: [{ deviceId: world.catheter.id, quantity, unitPriceMinor: 1500, expectedDate: inDays(7) }],
  });
  expect(po.status, JSON.stringify(po.body)).toBe(201);
  const ok = await planner.post(`/api/v1/purchase-orders/${po.body.id}/approve`);
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return ok.body;
}

describe('purchase orders go to qualified suppliers only', { timeout: 180_000 }, () => {
  it('refuses a purchase order to a supplier whose licence expired, naming the supplier', async () => {
    const res = await planner.post('/api/v1/purchase-orders', {
      supplierId: world.lapsedSupplier.id, lines: [{ deviceId: world.catheter.id, quantity: 10, unitPriceMinor: 1500, expectedDate: inDays(7) }],
    });
    expect(errorOf(res)).toEqual([422, 'SUPPLIER_NOT_QUALIFIED', 'supplierId']);
    expect(res.body.error.details).toMatchObject({ reason: 'LICENCE_EXPIRED', supplierCode: world.lapsedSupplier.code });
    expect(res.body.error.details.messageZh).toContain('有效期');
  });

  it('refuses a supplier whose licence does not cover the device class, and a party that is no supplier', async () => {
    const stent = await planner.post('/api/v1/purchase-orders', {
      supplierId: world.classTwoSupplier.id, lines: [{ deviceId: world.stent.id, quantity: 10, unitPriceMinor: 1, expectedDate: inDays(7) }],
    });
    expect(errorOf(stent)).toEqual([422, 'SUPPLIER_NOT_QUALIFIED', 'supplierId']);
    expect(stent.body.error.details).toMatchObject({ reason: 'LICENCE_SCOPE', deviceId: world.stent.id });
    const catheter = await planner.post('/api/v1/purchase-orders', {
      supplierId: world.classTwoSupplier.id, lines: [{ deviceId: world.catheter.id, quantity: 10, unitPriceMinor: 1, expectedDate: inDays(7) }],
    });
    expect(catheter.status, JSON.stringify(catheter.body)).toBe(201);
    const hospital = await planner.post('/api/v1/purchase-orders', {
      supplierId: world.hospital.id, lines: [{ deviceId: world.catheter.id, quantity: 10, unitPriceMinor: 1, expectedDate: inDays(7) }],
    });
    expect(errorOf(hospital)).toEqual([400, 'VALIDATION_FAILED', 'supplierId']);
  });

  it('refuses bad purchase order input with the field named, and other roles', async () => {
    const line = { deviceId: world.catheter.id, quantity: 10, unitPriceMinor: 1, expectedDate: inDays(7) };
    const cases: Array<[unknown, string]> = [
      [{ supplierId: world.supplier.id, lines: [] }, 'lines'],
      [{ supplierId: world.supplier.id, lines: [{ ...line, quantity: 0 }] }, 'lines.0.quantity'],
      [{ supplierId: world.supplier.id, lines: [{ ...line, expectedDate: '2026-13-01' }] }, 'lines.0.expectedDate'],
      [{ supplierId: world.supplier.id, lines: [{ ...line, expectedDate: inDays(-1) }] }, 'lines.0.expectedDate'],
      [{ supplierId: 'nope', lines: [line] }, 'supplierId'],
      [{ supplierId: world.supplier.id, lines: [{ ...line, unitPriceMinor: 1.5 }] }, 'lines.0.unitPriceMinor'],
    ];
    for (const [body, field] of cases) {
      const res = await planner.post('/api/v1/purchase-orders', body);
      expect([res.status, res.body.error.field], JSON.stringify(res.body)).toEqual([400, field]);
    }
    expect((await wh.post('/api/v1/purchase-orders', { supplierId: world.supplier.id, lines: [line] })).status).toBe(403);
  });
});

describe('requisition → purchase order → receipt by scan → inspection → signed release', { timeout: 180_000 }, () => {
  let poId: string;
  let inspectionId: string;
  let lotId: string;

  it('opens, approves and converts a requisition into a purchase order for its supplier', async () => {
    const req = await planner.post('/api/v1/purchasing/requisitions', { deviceId: world.catheter.id, quantity: 30, needDate: inDays(10), supplierId: world.supplier.id, unitPriceMinor: 1200 });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    expect(req.body).toMatchObject({ number: expect.stringMatching(/^PR-\d{4}-\d{6}$/), status: 'open', quantity: 30 });
    const early = await planner.post('/api/v1/purchasing/requisitions/convert', { requisitionIds: [req.body.id] });
    expect(errorOf(early)).toEqual([409, 'INVALID_STATE', 'requisitionIds']);
    expect((await planner.post(`/api/v1/purchasing/requisitions/${req.body.id}/approve`)).body.status).toBe('approved');
    const conv = await planner.post('/api/v1/purchasing/requisitions/convert', { requisitionIds: [req.body.id] });
    expect(conv.status, JSON.stringify(conv.body)).toBe(201);
    const [po] = conv.body.purchaseOrders;
    expect(po).toMatchObject({ number: expect.stringMatching(/^PO-\d{4}-\d{6}$/), status: 'draft', supplierId: world.supplier.id, totalMinor: 36_000 });
    expect(po.lines).toEqual([expect.objectContaining({ lineNo: 1, deviceId: world.catheter.id, quantity: 30, qtyReceived: 0, unitPriceMinor: 1200, expectedDate: inDays(10) })]);
    expect((await planner.get(`/api/v1/purchasing/requisitions/${req.body.id}`)).body).toMatchObject({ status: 'converted', purchaseOrderId: po.id });
    poId = po.id;
    const early2 = await wh.post(`/api/v1/purchase-orders/${poId}/receipts`, { binId: world.bins['AMB-1'], lines: [{ scan: scan(world.catheter.boxGtin, 'C-1') }] });
    expect(errorOf(early2)).toEqual([409, 'INVALID_STATE', undefined]);
    expect((await planner.post(`/api/v1/purchase-orders/${poId}/approve`)).body.status).toBe('approved');
    expect((await planner.post(`/api/v1/purchase-orders/${poId}/send`)).body.status).toBe('sent');
  });

  it('refuses a scan of a device the order does not hold, over-receipt, and bad lines — receiving nothing', async () => {
    const receipt = (lines: unknown[]) => wh.post(`/api/v1/purchase-orders/${poId}/receipts`, { binId: world.bins['AMB-1'], lines });
    expect(errorOf(await receipt([{ scan: scan(world.coldDevice.boxGtin, 'X-1') }]))).toEqual([422, 'SCAN_WRONG_DEVICE', 'lines.0']);
    expect(errorOf(await receipt([{ scan: scan(world.catheter.boxGtin, 'C-1'), quantity: 30 }, { scan: scan(world.catheter.eachGtin, 'C-1') }])))
      .toEqual([400, 'VALIDATION_FAILED', 'lines.1.quantity']);
    expect(errorOf(await receipt([{ scan: scan(world.catheter.boxGtin, 'C-1'), quantity: 15 }]))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.quantity']);
    expect(errorOf(await receipt([{ scan: 'not a label' }]))).toEqual([400, expect.stringMatching(/^SCAN_/), 'lines.0.scan']);
    expect(errorOf(await receipt([{ scan: scan(world.catheter.eachGtin, 'C-1'), lotNumber: 'C-2' }]))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.lotNumber']);
    expect(errorOf(await receipt([{ deviceId: world.catheter.id, lotNumber: 'C-2', quantity: 1 }]))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.expiresOn']);
    expect(errorOf(await receipt([{ scan: scan(world.catheter.eachGtin, 'C-OLD', inDays(-1)) }]))).toEqual([422, 'LOT_EXPIRED', 'lines.0.scan']);
    expect(errorOf(await receipt([]))).toEqual([400, 'VALIDATION_FAILED', 'lines']);
    const po = (await planner.get(`/api/v1/purchase-orders/${poId}`)).body;
    expect([po.status, po.lines[0].qtyReceived]).toEqual(['sent', 0]);
    expect((await wh.get(`/api/v1/inventory/lots?deviceId=${world.catheter.id}`)).body.items).toEqual([]);
  });

  it('receives two boxes and a single unit by scan into quarantine, with an inspection sized by the sampling plan', async () => {
    const res = await wh.post(`/api/v1/purchase-orders/${poId}/receipts`, {
      binId: world.bins['AMB-1'], reference: 'DN-7001',
      lines: [{ scan: scan(world.catheter.boxGtin, 'C-1'), quantity: 20 }, { scan: scan(world.catheter.eachGtin, 'C-1') }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.purchaseOrder).toMatchObject({ status: 'partially_received', lines: [expect.objectContaining({ qtyReceived: 21 })] });
    expect(res.body.receipts).toEqual([expect.objectContaining({ reason: 'purchase', lines: [expect.objectContaining({ lotNumber: 'C-1', quantity: 21, lotStatus: 'quarantine' })] })]);
    // 21 units, level II → code letter C; AQL 1.0 points down to 13 units, accept 0.
    expect(res.body.inspections).toEqual([expect.objectContaining({ status: 'pending', receivedQuantity: 21, inspectionLevel: 'II', aql: '1.0', sampleSize: 13, acceptNumber: 0 })]);
    inspectionId = res.body.inspections[0].id;
    const pending = await qa.get(`/api/v1/purchasing/inspections?status=pending&purchaseOrderId=${poId}`);
    expect(pending.body.items.map((i: any) => i.id)).toEqual([inspectionId]);
    expect(errorOf(await qa.get('/api/v1/purchasing/inspections?status=done'))).toEqual([400, 'VALIDATION_FAILED', 'querystring.status']);
    lotId = res.body.inspections[0].lotId;
    const stock = (await wh.get(`/api/v1/inventory/stock?lotId=${lotId}`)).body.items;
    expect(stock.map((s: any) => [s.binCode, s.onHand, s.lotStatus])).toEqual([['AMB-1', 21, 'quarantine']]);
  });

  it('records the inspection result (sample of at least the plan) and files the inspection report on the lot', async () => {
    const url = `/api/v1/purchasing/inspections/${inspectionId}`;
    expect(errorOf(await qa.post(`${url}/decision`, { decision: 'release', ...sign }))).toEqual([409, 'INVALID_STATE', undefined]);
    expect(errorOf(await qa.post(`${url}/result`, { sampled: 5, defects: 0, reportReference: 'IQC-1' }))).toEqual([400, 'VALIDATION_FAILED', 'sampled']);
    expect(errorOf(await qa.post(`${url}/result`, { sampled: 13, defects: 14, reportReference: 'IQC-1' }))).toEqual([400, 'VALIDATION_FAILED', 'defects']);
    expect(errorOf(await qa.post(`${url}/result`, { sampled: 13, defects: 0 }))).toEqual([400, 'VALIDATION_FAILED', 'reportReference']);
    expect((await wh.post(`${url}/result`, { sampled: 13, defects: 0, reportReference: 'IQC-1' })).status).toBe(403);
    const res = await qa.post(`${url}/result`, { sampled: 13, defects: 0, reportReference: 'IQC-1' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'passed', sampled: 13, defects: 0, reportReference: 'IQC-1', lotStatus: 'quarantine' });
    const lot = (await qa.get(`/api/v1/inventory/lots/${lotId}`)).body;
    expect(lot.documents).toEqual([expect.objectContaining({ kind: 'inspection_report', reference: 'IQC-1' })]);
  });

  it('releases the lot only with a valid signature, after which it is allocatable to an order', async () => {
    const url = `/api/v1/purchasing/inspections/${inspectionId}/decision`;
    expect(errorOf(await qa.post(url, { decision: 'release', password: 'wrong-password', meaning: 'x' }))).toEqual([401, 'SIGNATURE_INVALID', 'password']);
    expect(errorOf(await qa.post(url, { decision: 'approve', ...sign }))).toEqual([400, 'VALIDATION_FAILED', 'decision']);
    const res = await qa.post(url, { decision: 'release', ...sign });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ inspection: { status: 'released', lotStatus: 'released' }, lot: { from: 'quarantine', status: 'released' } });
    expect(errorOf(await qa.post(url, { decision: 'release', ...sign }))).toEqual([409, 'INVALID_STATE', undefined]);
    const audit = await t.db.query<{ signature: any }>(`SELECT signature FROM audit_log WHERE entity_id = $1 AND action = 'released'`, [lotId]);
    expect(audit.rows[0]?.signature).toMatchObject({ meaning: sign.meaning });

    await createPriceList(t.db, systemActor('test'), { code: 'PL-CATH', name: '导尿管价目表', currency: 'CNY', validFrom: '2026-01-01', lines: [{ deviceId: world.catheter.id, unitPriceMinor: 3000 }] });
    const orderId = await confirmedOrder(t.db, world, [{ deviceId: world.catheter.id, quantity: 5 }]);
    const alloc = await wh.post(`/api/v1/orders/${orderId}/allocate`);
    expect(alloc.status, JSON.stringify(alloc.body)).toBe(200);
    expect(alloc.body.allocations).toEqual([expect.objectContaining({ lotId, quantity: 5 })]);
  });

  it('receives the rest typed in; a failed lot can only be rejected; the order is then received', async () => {
    const res = await wh.post(`/api/v1/purchase-orders/${poId}/receipts`, {
      binId: world.bins['AMB-2'], lines: [{ deviceId: world.catheter.id, lotNumber: 'C-2', expiresOn: inDays(200), quantity: 9 }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.purchaseOrder.status).toBe('received');
    const insp = res.body.inspections[0];
    expect(insp).toMatchObject({ receivedQuantity: 9, sampleSize: 9, acceptNumber: 0 });
    const url = `/api/v1/purchasing/inspections/${insp.id}`;
    expect((await qa.post(`${url}/result`, { sampled: 9, defects: 1, reportReference: 'IQC-2' })).body.status).toBe('failed');
    expect(errorOf(await qa.post(`${url}/decision`, { decision: 'release', ...sign }))).toEqual([409, 'INVALID_STATE', 'decision']);
    const rejected = await qa.post(`${url}/decision`, { decision: 'reject', ...sign, meaning: 'rejected at incoming inspection' });
    expect(rejected.body).toMatchObject({ inspection: { status: 'rejected' }, lot: { status: 'rejected' } });
    expect(errorOf(await wh.post(`/api/v1/purchase-orders/${poId}/receipts`, { binId: world.bins['AMB-2'], lines: [{ scan: scan(world.catheter.eachGtin, 'C-3') }] })))
      .toEqual([409, 'INVALID_STATE', undefined]);
    expect(errorOf(await planner.post(`/api/v1/purchase-orders/${poId}/cancel`, { reason: 'too late' }))).toEqual([409, 'INVALID_STATE', undefined]);
  });
});

describe('requisitions from planned buy orders, sampling plans, cancelling', { timeout: 180_000 }, () => {
  it('makes one requisition per planned buy order, refusing make orders', async () => {
    const run = await t.db.query<{ id: string }>(`INSERT INTO planning_runs (id, status, trigger, requested_by) VALUES (gen_random_uuid(), 'completed', 'manual', 'test') RETURNING id`);
    const planned = async (kind: string) => (await t.db.query<{ id: string }>(
      `INSERT INTO planned_orders (id, run_id, kind, device_id, quantity, start_date, due_date) VALUES (gen_random_uuid(), $1, $2, $3, 40, $4, $5) RETURNING id`,
      [run.rows[0]!.id, kind, world.catheter.id, inDays(1), inDays(15)])).rows[0]!.id;
    const buy = await planned('buy');
    const res = await planner.post('/api/v1/purchasing/requisitions', { plannedOrderId: buy });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ plannedOrderId: buy, deviceId: world.catheter.id, quantity: 40, needDate: inDays(15), status: 'open', supplierId: null });
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions', { plannedOrderId: buy }))).toEqual([409, 'DUPLICATE', 'plannedOrderId']);
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions', { plannedOrderId: await planned('make') }))).toEqual([400, 'VALIDATION_FAILED', 'plannedOrderId']);
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions', { plannedOrderId: buy, quantity: 3 }))).toEqual([400, 'VALIDATION_FAILED', 'plannedOrderId']);
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions', { deviceId: world.catheter.id, quantity: 3 }))).toEqual([400, 'VALIDATION_FAILED', 'needDate']);
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions', { deviceId: world.catheter.id, quantity: 0, needDate: inDays(3) }))).toEqual([400, 'VALIDATION_FAILED', 'quantity']);
    // No supplier on the requisition: conversion asks for one, and refuses an unqualified one.
    await planner.post(`/api/v1/purchasing/requisitions/${res.body.id}/approve`);
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions/convert', { requisitionIds: [res.body.id] }))).toEqual([400, 'VALIDATION_FAILED', 'supplierId']);
    expect(errorOf(await planner.post('/api/v1/purchasing/requisitions/convert', { requisitionIds: [res.body.id], supplierId: world.lapsedSupplier.id })))
      .toEqual([422, 'SUPPLIER_NOT_QUALIFIED', 'supplierId']);
    expect((await planner.get(`/api/v1/purchasing/requisitions/${res.body.id}`)).body.status).toBe('approved');
    const conv = await planner.post('/api/v1/purchasing/requisitions/convert', { requisitionIds: [res.body.id], supplierId: world.supplier.id });
    expect(conv.body.purchaseOrders[0].lines[0]).toMatchObject({ quantity: 40, expectedDate: inDays(15) });
    // Cancelling the order hands the requisition back to be ordered again.
    const cancelled = await planner.post(`/api/v1/purchase-orders/${conv.body.purchaseOrders[0].id}/cancel`, { reason: 'supplier cannot deliver' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'supplier cannot deliver' });
    expect((await planner.get(`/api/v1/purchasing/requisitions/${res.body.id}`)).body).toMatchObject({ status: 'approved', purchaseOrderId: null });
  });

  it('uses the device’s sampling plan over the supplier’s', async () => {
    expect(errorOf(await qa.request('PUT', '/api/v1/purchasing/sampling-plans', { inspectionLevel: 'II', aql: '2.5' }))).toEqual([400, 'VALIDATION_FAILED', 'deviceId']);
    expect(errorOf(await qa.request('PUT', '/api/v1/purchasing/sampling-plans', { deviceId: world.catheter.id, inspectionLevel: 'IV', aql: '2.5' }))).toEqual([400, 'VALIDATION_FAILED', 'inspectionLevel']);
    expect((await qa.request('PUT', '/api/v1/purchasing/sampling-plans', { supplierId: world.supplier.id, inspectionLevel: 'I', aql: '6.5' })).status).toBe(200);
    expect((await qa.request('PUT', '/api/v1/purchasing/sampling-plans', { deviceId: world.catheter.id, inspectionLevel: 'III', aql: '2.5' })).status).toBe(200);
    const po = await approvedPo(100);
    const res = await wh.post(`/api/v1/purchase-orders/${po.id}/receipts`, { binId: world.bins['AMB-2'], lines: [{ scan: scan(world.catheter.boxGtin, 'C-9'), quantity: 100 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // 100 units, level III → G (32), AQL 2.5 → accept 2.
    expect(res.body.inspections[0]).toMatchObject({ inspectionLevel: 'III', aql: '2.5', sampleSize: 32, acceptNumber: 2 });
  });

  it('takes a receipt sent twice with one Idempotency-Key once, and announces it on the outbox', async () => {
    const po = await approvedPo(10);
    const body = { binId: world.bins['AMB-2'], lines: [{ scan: scan(world.catheter.boxGtin, 'C-IDEM') }] };
    const first = await wh.post(`/api/v1/purchase-orders/${po.id}/receipts`, body, { 'idempotency-key': 'rcv-idem-1' });
    const again = await wh.post(`/api/v1/purchase-orders/${po.id}/receipts`, body, { 'idempotency-key': 'rcv-idem-1' });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(again.body.receipts[0].id).toBe(first.body.receipts[0].id);
    expect((await planner.get(`/api/v1/purchase-orders/${po.id}`)).body).toMatchObject({ status: 'received', lines: [expect.objectContaining({ qtyReceived: 10 })] });
    const events = await t.db.query<{ topic: string }>('SELECT topic FROM outbox_events WHERE entity_id = $1 ORDER BY id', [po.id]);
    expect(events.rows.map((e) => e.topic)).toEqual(['purchasing.order_created', 'purchasing.order_approved', 'purchasing.goods_received']);
  });
});
