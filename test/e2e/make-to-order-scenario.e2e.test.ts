import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { gtin } from '../helpers/order-fixtures.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { inDays } from '../../src/modules/inventory/stock.fixture.ts';

/**
 * Issue #8, end to end over HTTP only, each step by the role that does it in the plant: an order
 * beyond stock → planned make and buy orders → work order and purchase order → component received,
 * inspected and released → scheduled and promised → produced and released → allocated → shipped,
 * and the shipped lot traced back to its component lots and forward to its consignee.
 */
let t: TestApp;
let admin: HttpClient;
let planner: HttpClient;
let picker: HttpClient;
let reviewer: HttpClient;
let qa: HttpClient;
let cs: HttpClient;

const ORDERED = 10;
const PER_UNIT = 2;
const ON_HAND = 8;
const SHORTFALL = ORDERED * PER_UNIT - ON_HAND;

const gtins = { componentEach: gtin('6912345000011'), componentBox: gtin('6912345000028'), madeEach: gtin('6912345000035'), madeBox: gtin('6912345000042') };
const ids = {} as Record<'customer' | 'supplier' | 'component' | 'made' | 'centre' | 'order' | 'make' | 'buy' | 'workOrder' | 'po' | 'openingLot' | 'poLot' | 'madeLot' | 'package' | 'shipment', string>;
const bins = {} as Record<string, string>;
let madeExpiry: string;

beforeAll(async () => {
  t = await startTestApp();
  [admin, planner, picker, reviewer, qa, cs] = await Promise.all([
    t.userClient('admin'), t.userClient('planner'), t.userClient('warehouse'), t.userClient('warehouse'), t.userClient('quality'), t.userClient('customer_service'),
  ]);
}, 300_000);
afterAll(() => t?.close());

describe('make to order: order beyond stock → plan → buy and make → release → allocate → ship → trace', { timeout: 300_000 }, () => {
  it('sets up master data: devices, BOM, work centre with calendar, routing, qualified supplier, customer, price, warehouse', async () => {
    ids.component = (await created(admin.post('/api/v1/devices', device('COMP-1', '无菌导管组件', 'buy', [gtins.componentEach, gtins.componentBox], { leadTimeDays: 7 })))).id;
    ids.made = (await created(admin.post('/api/v1/devices', device('MADE-1', '一次性输液套件', 'make', [gtins.madeEach, gtins.madeBox])))).id;

    const supplier = await created(admin.post('/api/v1/parties', { code: 'SUP-MTO', kind: 'supplier', nameZh: '组件供应商', leadTimeDays: 14 }));
    ids.supplier = supplier.id;
    await created(admin.post(`/api/v1/parties/${ids.supplier}/licences`, {
      licenceType: 'manufacturing', number: 'SC-MTO-1', deviceClasses: ['II'], categoryCodes: ['14'], validFrom: '2020-01-01', validTo: '2030-12-31',
    }));
    const customer = await created(admin.post('/api/v1/parties', {
      code: 'H-MTO', kind: 'customer', customerType: 'hospital', nameZh: '定制医院',
      addresses: [{ code: 'MAIN', kind: 'ship_to', name: '库房', line1: '测试路8号', isDefault: true }],
    }));
    ids.customer = customer.id;
    await created(admin.post(`/api/v1/parties/${ids.customer}/licences`, {
      licenceType: 'hospital_practice', number: 'PDY-MTO-1', deviceClasses: ['I', 'II', 'III'], validFrom: '2020-01-01', validTo: '2030-12-31',
    }));
    await created(admin.post('/api/v1/price-lists', {
      code: 'PL-MTO', name: '定制价目表', currency: 'CNY', validFrom: '2026-01-01', lines: [{ deviceId: ids.made, unitPriceMinor: 25_000 }],
    }));
    const warehouse = await created(admin.post('/api/v1/warehouses', {
      code: 'WH-MTO', nameZh: '成品仓',
      zones: [{ code: 'AMB', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }],
      bins: [{ code: 'AMB-1', zoneCode: 'AMB', pickSequence: 10 }, { code: 'AMB-2', zoneCode: 'AMB', pickSequence: 20 }],
    }));
    for (const b of warehouse.bins) bins[b.code] = b.id;

    ids.centre = (await created(planner.post('/api/v1/planning/work-centres', { code: 'ASSY-MTO', nameZh: '装配线', calendar: [{ date: inDays(2), holiday: true }] }))).id;
    await created(planner.post('/api/v1/planning/routings', { deviceId: ids.made, operations: [{ seq: 10, workCentreId: ids.centre, setupMinutes: 30, runMinutesPerUnit: 20 }] }));
    await created(planner.post('/api/v1/planning/boms', { deviceId: ids.made, lines: [{ componentDeviceId: ids.component, quantityPer: PER_UNIT }] }));
    const structure = await planner.get(`/api/v1/planning/devices/${ids.made}/structure`);
    expect(structure.body).toMatchObject({ bom: { lines: [{ componentDeviceId: ids.component, quantityPer: PER_UNIT }] }, routing: { operations: [{ seq: 10, workCentreId: ids.centre }] } });

    // Opening stock of the component, released at go-live; none of the made device.
    const opening = await created(admin.post('/api/v1/inventory/receipts', {
      binId: bins['AMB-1'], reason: 'opening', lines: [{ deviceId: ids.component, lotNumber: 'C-OPEN', expiresOn: inDays(200), quantity: ON_HAND }],
    }));
    expect(opening.lines[0]).toMatchObject({ lotStatus: 'released', quantity: ON_HAND });
    ids.openingLot = opening.lines[0].lotId;
    expect((await picker.get(`/api/v1/inventory/stock?deviceId=${ids.made}`)).body.items).toEqual([]);
  });

  it('takes the customer order for more than is in stock', async () => {
    const order = await created(cs.post('/api/v1/orders', { customerId: ids.customer, requestedDate: inDays(30), lines: [{ deviceId: ids.made, quantity: ORDERED }] }));
    expect(order.status).toBe('confirmed');
    ids.order = order.id;
  });

  it('plans a make order pegged to the order line and a buy order for the component shortfall', async () => {
    const run = await planner.post('/api/v1/planning/runs', {});
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const plan = (await planner.get('/api/v1/planning/plan')).body;
    const make = plan.plannedOrders.find((p: { deviceId: string }) => p.deviceId === ids.made);
    const buy = plan.plannedOrders.find((p: { deviceId: string }) => p.deviceId === ids.component);
    expect(make).toMatchObject({ kind: 'make', quantity: ORDERED, status: 'planned', pegging: [{ type: 'order_line', ref: `${ids.order}/1`, quantity: ORDERED }] });
    expect(buy).toMatchObject({ kind: 'buy', quantity: SHORTFALL, pegging: [{ type: 'planned_order', ref: make.id, quantity: SHORTFALL }] });
    ids.make = make.id;
    ids.buy = buy.id;
  });

  it('firms the make order into a work order with the BOM and routing', async () => {
    const firmed = await created(planner.post(`/api/v1/planning/planned-orders/${ids.make}/firm`, {}));
    ids.workOrder = firmed.workOrder.id;
    const wo = (await planner.get(`/api/v1/planning/work-orders/${ids.workOrder}`)).body;
    expect(wo).toMatchObject({ deviceId: ids.made, quantity: ORDERED, status: 'planned', operations: [{ seq: 10, workCentreId: ids.centre, minutes: 30 + 20 * ORDERED }] });
    // Nothing to promise from yet: no stock, and the work order is not scheduled.
    expect((await cs.get(`/api/v1/orders/${ids.order}`)).body.lines[0]).toMatchObject({ promisedDate: null, promiseBasis: null });
  });

  it('turns the planned buy order into a requisition, approves it and converts it into an approved purchase order', async () => {
    const req = await created(planner.post('/api/v1/purchasing/requisitions', { plannedOrderId: ids.buy }));
    expect(req).toMatchObject({ deviceId: ids.component, quantity: SHORTFALL, status: 'open' });
    expect((await planner.post(`/api/v1/purchasing/requisitions/${req.id}/approve`)).body.status).toBe('approved');
    const conv = await created(planner.post('/api/v1/purchasing/requisitions/convert', { requisitionIds: [req.id], supplierId: ids.supplier }));
    const [po] = conv.purchaseOrders;
    expect(po).toMatchObject({ status: 'draft', supplierId: ids.supplier, lines: [expect.objectContaining({ deviceId: ids.component, quantity: SHORTFALL })] });
    ids.po = po.id;
    const approved = await planner.post(`/api/v1/purchase-orders/${ids.po}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
  });

  it('receives the component by scanning its GS1 label, records the inspection and releases the lot with quality’s signature', async () => {
    const res = await created(picker.post(`/api/v1/purchase-orders/${ids.po}/receipts`, {
      binId: bins['AMB-1'], reference: 'DN-MTO-1', lines: [{ scan: scan(gtins.componentEach, 'C-PO-1', inDays(400)), quantity: SHORTFALL }],
    }));
    expect(res.purchaseOrder).toMatchObject({ status: 'received', lines: [expect.objectContaining({ qtyReceived: SHORTFALL })] });
    const [inspection] = res.inspections;
    expect(inspection).toMatchObject({ status: 'pending', receivedQuantity: SHORTFALL });
    ids.poLot = inspection.lotId;
    const result = await qa.post(`/api/v1/purchasing/inspections/${inspection.id}/result`, { sampled: inspection.sampleSize, defects: 0, reportReference: 'IQC-MTO-1' });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.status).toBe('passed');
    const decision = await qa.post(`/api/v1/purchasing/inspections/${inspection.id}/decision`, { decision: 'release', password: TEST_PASSWORD, meaning: 'released after incoming inspection' });
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);
    expect(decision.body.lot).toMatchObject({ from: 'quarantine', status: 'released' });
  });

  it('schedules the work order, and the order line’s promise now comes from it', async () => {
    const scheduled = await planner.post('/api/v1/planning/schedule', {});
    expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
    const wo = scheduled.body.workOrders.find((w: { id: string }) => w.id === ids.workOrder);
    expect(wo.scheduledEnd).toEqual(expect.any(String));
    const load = (await planner.get(`/api/v1/planning/load?workCentreId=${ids.centre}`)).body.items;
    expect(load.reduce((n: number, l: { loadMinutes: number }) => n + l.loadMinutes, 0)).toBe(30 + 20 * ORDERED);
    const line = (await cs.get(`/api/v1/orders/${ids.order}`)).body.lines[0];
    expect(line.promiseBasis).toMatchObject({ basis: 'production', workOrders: [ids.workOrder], fromProduction: ORDERED, fromStock: 0 });
    // Finished well before the requested date, so the line is promised for that date.
    expect(wo.scheduledEnd.slice(0, 10) <= inDays(30)).toBe(true);
    expect(line.promisedDate).toBe(inDays(30));
  });

  it('releases the work order, issues the components by scan (first-expiring lot first) and reports output into quarantine', async () => {
    const released = await planner.post(`/api/v1/production/work-orders/${ids.workOrder}/release`);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body.components).toEqual([expect.objectContaining({ deviceId: ids.component, required: ORDERED * PER_UNIT, issued: 0 })]);
    const stock = (await picker.get(`/api/v1/inventory/stock?deviceId=${ids.component}`)).body.items;
    const fefo = [...stock].sort((a: { expiresOn: string }, b: { expiresOn: string }) => a.expiresOn.localeCompare(b.expiresOn));
    expect(fefo.map((s: { lotNumber: string; onHand: number }) => [s.lotNumber, s.onHand])).toEqual([['C-OPEN', ON_HAND], ['C-PO-1', SHORTFALL]]);

    const issued = await created(picker.post(`/api/v1/production/work-orders/${ids.workOrder}/issues`, { lines: [
      { binId: bins['AMB-1'], scan: scan(gtins.componentEach, 'C-OPEN', inDays(200)), quantity: ON_HAND },
      { binId: bins['AMB-1'], scan: scan(gtins.componentEach, 'C-PO-1', inDays(400)), quantity: SHORTFALL },
    ] }));
    expect(issued).toMatchObject({ status: 'in_progress', components: [expect.objectContaining({ issued: ORDERED * PER_UNIT })] });

    const output = await created(picker.post(`/api/v1/production/work-orders/${ids.workOrder}/outputs`, { binId: bins['AMB-2'], lotNumber: 'MADE-0001', quantity: ORDERED }));
    // The device keeps a year, but the lot cannot outlive the first-expiring component lot inside it.
    expect(output.lot).toMatchObject({ lotNumber: 'MADE-0001', status: 'quarantine', expiresOn: inDays(200), cappedByLotId: ids.openingLot });
    expect(output.workOrder).toMatchObject({ status: 'completed', qtyCompleted: ORDERED });
    ids.madeLot = output.lot.id;
    madeExpiry = output.lot.expiresOn;
  });

  it('releases the produced lot with quality’s signature once its certificate of conformity is filed', async () => {
    const sign = { password: TEST_PASSWORD, meaning: 'released for distribution (DHR reviewed)' };
    expect((await qa.post(`/api/v1/inventory/lots/${ids.madeLot}/release`, sign)).body.error.code).toBe('DOCUMENTS_MISSING');
    await created(qa.post(`/api/v1/inventory/lots/${ids.madeLot}/documents`, { kind: 'certificate_of_conformity', reference: 'COC-MADE-0001' }));
    const res = await qa.post(`/api/v1/inventory/lots/${ids.madeLot}/release`, sign);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ from: 'quarantine', status: 'released' });
    const lot = (await qa.get(`/api/v1/inventory/lots/${ids.madeLot}`)).body;
    expect(lot).toMatchObject({ status: 'released', releasedBy: qa.username, documents: [expect.objectContaining({ kind: 'certificate_of_conformity', reference: 'COC-MADE-0001' })] });
  });

  it('allocates the order from the produced lot', async () => {
    const alloc = await picker.post(`/api/v1/orders/${ids.order}/allocate`);
    expect(alloc.status, JSON.stringify(alloc.body)).toBe(200);
    expect(alloc.body.allocations).toEqual([expect.objectContaining({ lotId: ids.madeLot, quantity: ORDERED })]);
  });

  it('picks by scanning the box label, packs, has the package reviewed by a second user and ships', async () => {
    const list = await created(picker.post('/api/v1/pick-lists', { orderIds: [ids.order] }));
    const picked = await created(picker.post(`/api/v1/pick-lists/${list.id}/scans`, { scan: scan(gtins.madeBox, 'MADE-0001', madeExpiry) }));
    expect(picked).toMatchObject({ quantity: ORDERED, pickListStatus: 'picked', orderStatus: 'picking' });
    const pkg = await created(picker.post(`/api/v1/orders/${ids.order}/packages`, { weightG: 1500, lengthMm: 300, widthMm: 200, heightMm: 100 }));
    expect(pkg).toMatchObject({ units: ORDERED, orderStatus: 'packed' });
    ids.package = pkg.id;
    const review = await reviewer.post(`/api/v1/packages/${ids.package}/review`, { password: TEST_PASSWORD, meaning: '出库复核', checked: [{ lineNo: 1, quantity: ORDERED }] });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    const shipped = await created(reviewer.post(`/api/v1/orders/${ids.order}/shipments`, { carrier: 'SF Express', trackingNumber: 'SF-MTO-1' }));
    expect(shipped).toMatchObject({ units: ORDERED, orderStatus: 'shipped', packageIds: [ids.package] });
    ids.shipment = shipped.id;
    const order = (await cs.get(`/api/v1/orders/${ids.order}`)).body;
    expect([order.status, order.lines[0].shipped]).toEqual(['shipped', ORDERED]);
  });

  it('ships the produced lot, whose genealogy lists the component lots and whose trace shows the customer', async () => {
    const shipment = (await cs.get(`/api/v1/shipments/${ids.shipment}`)).body;
    expect(shipment.lines.map((l: { lotId: string; quantity: number }) => [l.lotId, l.quantity])).toEqual([[ids.madeLot, ORDERED]]);

    const genealogy = await qa.get(`/api/v1/lots/${ids.madeLot}/genealogy`);
    expect(genealogy.status, JSON.stringify(genealogy.body)).toBe(200);
    expect(genealogy.body.components.map((c: { lotId: string; quantity: number }) => [c.lotId, c.quantity]).sort())
      .toEqual([[ids.openingLot, ON_HAND], [ids.poLot, SHORTFALL]].sort());

    const trace = await qa.get(`/api/v1/trace/lots/${ids.madeLot}`);
    expect(trace.status, JSON.stringify(trace.body)).toBe(200);
    expect(trace.body.consignees.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([ids.customer]);
    expect(trace.body.totals).toMatchObject({ shipped: ORDERED, shipments: 1 });
  });
});

const scan = (gtinCode: string, lot: string, expiry: string) => encodeGs1({ gtin: gtinCode, lot, expiry }).raw;

/** Awaits a write and expects 201, showing the body when it is not. */
async function created(res: Promise<{ status: number; body: any }>): Promise<any> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** A class II, lot-tracked, registered device sold in each and boxes of 10. */
function device(code: string, nameZh: string, makeOrBuy: 'make' | 'buy', [each, box]: string[], more: Record<string, unknown> = {}) {
  return {
    code, nameZh, nameEn: code, deviceClass: 'II', categoryCode: '14-05-01', registrationKind: 'registration',
    registrationNumber: `国械注准2026214${code === 'MADE-1' ? '00001' : '00002'}`, registrationIssuedOn: '2021-01-01', registrationExpiresOn: '2031-01-01',
    registrant: 'Lotline Medical', storageCondition: 'ambient', trackingMode: 'lot', shelfLifeDays: 365, sterile: true, makeOrBuy,
    packaging: [{ level: 'each', gtin: each, quantity: 1 }, { level: 'box', gtin: box, quantity: 10 }], ...more,
  };
}
