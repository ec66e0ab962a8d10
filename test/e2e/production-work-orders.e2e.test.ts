import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { inDays, receiveReleased, today } from '../../src/modules/inventory/stock.fixture.ts';
import { markExpiredLots } from '../../src/modules/inventory/mark-expired-lots.ts';
import { createWorkOrder } from '../../src/modules/planning/create-work-order.ts';
import { createBom } from '../../src/modules/planning/create-bom.ts';
import { createDevice } from '../../src/modules/catalog/create-device.ts';
import { productionWorld, type ProductionWorld } from '../../src/modules/production/production.fixture.ts';

let t: TestApp;
let world: ProductionWorld;
let planner: HttpClient;
let wh: HttpClient;
let qa: HttpClient;
let expiredLot: string;
beforeAll(async () => {
  t = await startTestApp();
  world = await productionWorld(t.db, t.crypto);
  [planner, wh, qa] = await Promise.all([t.userClient('planner'), t.userClient('warehouse'), t.userClient('quality')]);
  // A catheter lot that expired (the daily run marked it), and a reagent lot that is no component.
  [expiredLot] = await receiveReleased(t.db, [
    { deviceId: world.catheter.id, lotNumber: 'CAT-OLD', expiresOn: inDays(2), quantity: 10, binId: world.bins['AMB-2'] },
    { deviceId: world.coldDevice.id, lotNumber: 'R-1', expiresOn: inDays(300), quantity: 40, binId: world.bins['COLD-1'] },
  ]) as [string];
  await markExpiredLots(t.db, inDays(3), { actor: systemActor('test'), earliestShipDate: inDays(3) });
}, 300_000);
afterAll(() => t?.close());

const scan = (gtinCode: string, lot: string, expiry: string) => encodeGs1({ gtin: gtinCode, lot, expiry }).raw;
const errorOf = (res: { status: number; body: any }) => [res.status, res.body?.error?.code, res.body?.error?.field];
const wo = (suffix = '') => `/api/v1/production/work-orders/${world.workOrder.id}${suffix}`;

describe('work order release → issue by scan → report output → genealogy → signed release', { timeout: 180_000 }, () => {
  it('releases a planned work order once; a planned one takes no components', async () => {
    expect(errorOf(await wh.post(wo('/issues'), { lines: [{ binId: world.bins['AMB-1'], lotId: world.lots.gauze, quantity: 1 }] }))).toEqual([409, 'INVALID_STATE', undefined]);
    expect((await qa.post(wo('/release'))).status).toBe(403);
    const res = await planner.post(wo('/release'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ number: world.workOrder.number, status: 'released', quantity: 5, qtyCompleted: 0 });
    expect(res.body.components.map((c: any) => [c.deviceId, c.quantityPer, c.required, c.issued])).toEqual([[world.catheter.id, 2, 10, 0], [world.gauze.id, 1, 5, 0]]);
    expect(errorOf(await planner.post(wo('/release')))).toEqual([409, 'INVALID_STATE', undefined]);
  });

  it('refuses an expired lot, a lot in quarantine, a device outside the BOM, over-issue and more than the bin holds', async () => {
    const issue = (lines: unknown[]) => wh.post(wo('/issues'), { lines });
    const amb1 = world.bins['AMB-1'];
    expect(errorOf(await issue([{ binId: world.bins['AMB-2'], scan: scan(world.catheter.eachGtin, 'CAT-OLD', inDays(2)), quantity: 2 }]))).toEqual([422, 'LOT_EXPIRED', 'lines.0.scan']);
    expect(errorOf(await issue([{ binId: world.bins['AMB-2'], lotId: expiredLot, quantity: 2 }]))).toEqual([422, 'LOT_EXPIRED', 'lines.0.lotId']);
    const q = await wh.post('/api/v1/inventory/receipts', { binId: world.bins['QC-1'], lines: [{ deviceId: world.catheter.id, lotNumber: 'CAT-Q', expiresOn: inDays(300), quantity: 4 }] });
    expect(q.status, JSON.stringify(q.body)).toBe(201);
    expect(errorOf(await issue([{ binId: world.bins['QC-1'], scan: scan(world.catheter.eachGtin, 'CAT-Q', inDays(300)), quantity: 2 }]))).toEqual([422, 'LOT_NOT_RELEASED', 'lines.0.scan']);
    expect(errorOf(await issue([{ binId: world.bins['COLD-1'], scan: scan(world.coldDevice.boxGtin, 'R-1', inDays(300)), quantity: 2 }]))).toEqual([422, 'SCAN_WRONG_DEVICE', 'lines.0']);
    expect(errorOf(await issue([{ binId: amb1, scan: scan(world.catheter.eachGtin, 'NO-SUCH', inDays(300)), quantity: 2 }]))).toEqual([422, 'SCAN_WRONG_LOT', 'lines.0.scan']);
    expect(errorOf(await issue([{ binId: amb1, scan: scan(world.catheter.eachGtin, 'CAT-B', inDays(200)), quantity: 11 }]))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.quantity']);
    expect(errorOf(await issue([{ binId: amb1, scan: scan(world.catheter.eachGtin, 'CAT-A', inDays(100)), quantity: 7 }]))).toEqual([409, 'INSUFFICIENT_STOCK', 'lines.0.quantity']);
    expect(errorOf(await issue([{ binId: amb1, quantity: 1 }]))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.scan']);
    expect(errorOf(await issue([{ binId: amb1, lotId: world.lots.gauze, quantity: 0 }]))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.quantity']);
    expect(errorOf(await issue([{ binId: amb1, scan: '(01)123', quantity: 1 }]))).toEqual([400, expect.stringMatching(/^SCAN_/), 'lines.0.scan']);
    const detail = (await planner.get(wo())).body;
    expect([detail.status, detail.issues]).toEqual(['released', []]);
  });

  it('issues component lots by scan and by lot id out of the ledger, putting the order in progress', async () => {
    const res = await wh.post(wo('/issues'), { lines: [
      { binId: world.bins['AMB-1'], scan: scan(world.catheter.eachGtin, 'CAT-A', inDays(100)), quantity: 6 },
      { binId: world.bins['AMB-1'], lotId: world.lots.gauze, quantity: 3 },
    ] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('in_progress');
    expect(res.body.components.map((c: any) => c.issued)).toEqual([6, 3]);
    const moves = await t.db.query<{ move_type: string; quantity: number; reason: string }>(
      `SELECT move_type, quantity, reason FROM stock_moves WHERE ref_type = 'work_order' AND ref_id = $1 ORDER BY quantity`, [world.workOrder.id]);
    expect(moves.rows).toEqual([
      { move_type: 'adjust', quantity: 3, reason: `issued to work order ${world.workOrder.number}` },
      { move_type: 'adjust', quantity: 6, reason: `issued to work order ${world.workOrder.number}` },
    ]);
    const stock = (await wh.get(`/api/v1/inventory/stock?lotId=${world.lots.catA}`)).body.items;
    expect(stock.reduce((n: number, s: any) => n + s.onHand, 0)).toBe(0);
  });

  it('reports output only for units whose components were issued, and never beyond the order', async () => {
    const out = (body: Record<string, unknown>) => wh.post(wo('/outputs'), { binId: world.bins['QC-1'], lotNumber: 'KIT-1', ...body });
    expect(errorOf(await out({ quantity: 4 }))).toEqual([409, 'INVALID_STATE', 'quantity']); // 4 kits need 8 catheters, 6 issued
    expect(errorOf(await out({ quantity: 6 }))).toEqual([400, 'VALIDATION_FAILED', 'quantity']);
    expect(errorOf(await out({ quantity: 1, manufacturedOn: inDays(1) }))).toEqual([400, 'VALIDATION_FAILED', 'manufacturedOn']);
    expect(errorOf(await out({ quantity: 1, lotNumber: 'bad lot with spaces' }))).toEqual([400, 'VALIDATION_FAILED', 'lotNumber']);
    const res = await out({ quantity: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Shelf life 730 days, but CAT-A inside expires in 100 days: the kit lot expires with it.
    expect(res.body.lot).toMatchObject({ lotNumber: 'KIT-1', manufacturedOn: today(), expiresOn: inDays(100), status: 'quarantine', cappedByLotId: world.lots.catA });
    expect(res.body.receipt).toMatchObject({ reason: 'production', bin: { binCode: 'QC-1' } });
    expect(res.body.workOrder).toMatchObject({ status: 'in_progress', qtyCompleted: 3 });
  });

  it('completes the order with a second lot after the rest is issued', async () => {
    const issued = await wh.post(wo('/issues'), { lines: [
      { binId: world.bins['AMB-1'], scan: scan(world.catheter.eachGtin, 'CAT-B', inDays(200)), quantity: 4 },
      { binId: world.bins['AMB-1'], lotId: world.lots.gauze, quantity: 2 },
    ] });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(errorOf(await wh.post(wo('/issues'), { lines: [{ binId: world.bins['AMB-1'], lotId: world.lots.gauze, quantity: 1 }] }))).toEqual([400, 'VALIDATION_FAILED', 'lines.0.quantity']);
    const res = await wh.post(wo('/outputs'), { binId: world.bins['QC-1'], lotNumber: 'KIT-2', quantity: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.workOrder).toMatchObject({ status: 'completed', qtyCompleted: 5 });
    expect(res.body.workOrder.outputs.map((o: any) => [o.lotNumber, o.quantity])).toEqual([['KIT-1', 3], ['KIT-2', 2]]);
    expect(errorOf(await wh.post(wo('/outputs'), { binId: world.bins['QC-1'], lotNumber: 'KIT-3', quantity: 1 }))).toEqual([409, 'INVALID_STATE', undefined]);
  });

  it('shows the genealogy both ways: what went into a kit lot, and which kit lots a component lot went into', async () => {
    const kitLot = (await wh.get(`/api/v1/inventory/lots?deviceId=${world.kit.id}&lotNumber=KIT-1`)).body.items[0];
    const down = await qa.get(`/api/v1/lots/${kitLot.id}/genealogy`);
    expect(down.status, JSON.stringify(down.body)).toBe(200);
    expect(down.body.lot).toMatchObject({ lotNumber: 'KIT-1', deviceCode: world.kit.code });
    expect(down.body.components.map((c: any) => [c.lotNumber, c.quantity, c.workOrderNumber, c.depth]).sort()).toEqual([
      ['CAT-A', 6, world.workOrder.number, 1], ['G-1', 3, world.workOrder.number, 1],
    ]);
    expect(down.body.usedIn).toEqual([]);
    const up = await qa.get(`/api/v1/lots/${world.lots.gauze}/genealogy`);
    expect(up.body.components).toEqual([]);
    expect(up.body.usedIn.map((c: any) => [c.lotNumber, c.quantity]).sort()).toEqual([['KIT-1', 3], ['KIT-2', 5]]);
    const kit2 = (await qa.get(`/api/v1/lots/${up.body.usedIn.find((c: any) => c.lotNumber === 'KIT-2').lotId}/genealogy`)).body;
    expect(kit2.components.map((c: any) => [c.lotNumber, c.quantity]).sort()).toEqual([['CAT-A', 6], ['CAT-B', 4], ['G-1', 5]]);
    expect((await qa.get('/api/v1/lots/00000000-0000-7000-8000-000000000000/genealogy')).status).toBe(404);
    expect((await qa.get('/api/v1/lots/nope/genealogy')).status).toBe(400);
  });

  it('lets quality release the produced lot with a signature, after its certificate is filed', async () => {
    const kitLot = (await wh.get(`/api/v1/inventory/lots?deviceId=${world.kit.id}&lotNumber=KIT-1`)).body.items[0];
    const sign = { password: TEST_PASSWORD, meaning: 'released for distribution (DHR reviewed)' };
    expect(errorOf(await qa.post(`/api/v1/inventory/lots/${kitLot.id}/release`, sign))).toEqual([422, 'DOCUMENTS_MISSING', undefined]);
    expect((await qa.post(`/api/v1/inventory/lots/${kitLot.id}/documents`, { kind: 'certificate_of_conformity', reference: 'COC-KIT-1' })).status).toBe(201);
    const res = await qa.post(`/api/v1/inventory/lots/${kitLot.id}/release`, sign);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ from: 'quarantine', status: 'released' });
  });

  it('follows the genealogy through every level: a tray made from a released kit lot', async () => {
    const tray = await createDevice(t.db, systemActor('test'), {
      code: `TRAY-${world.kit.code}`, nameZh: '手术托盘', nameEn: 'Procedure tray', deviceClass: 'II', categoryCode: '14-05-03',
      registrationKind: 'registration', registrationNumber: `国械注准2026214${world.kit.code.slice(-5)}`, registrationIssuedOn: '2021-01-01',
      registrationExpiresOn: '2031-01-01', registrant: 'Lotline Medical', storageCondition: 'ambient', trackingMode: 'lot', shelfLifeDays: 365, makeOrBuy: 'make',
    });
    await createBom(t.db, systemActor('test'), { deviceId: tray.id, lines: [{ componentDeviceId: world.kit.id, quantityPer: 1 }] });
    const order = await createWorkOrder(t.db, systemActor('test'), { deviceId: tray.id, quantity: 1, dueDate: inDays(5) });
    const kitLot = (await wh.get(`/api/v1/inventory/lots?deviceId=${world.kit.id}&lotNumber=KIT-1`)).body.items[0];
    await planner.post(`/api/v1/production/work-orders/${order.id}/release`);
    const issued = await wh.post(`/api/v1/production/work-orders/${order.id}/issues`, { lines: [{ binId: world.bins['QC-1'], scan: scan(world.kit.eachGtin, 'KIT-1', inDays(100)), quantity: 1 }] });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const made = await wh.post(`/api/v1/production/work-orders/${order.id}/outputs`, { binId: world.bins['QC-1'], lotNumber: 'TRAY-1', quantity: 1 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const down = (await qa.get(`/api/v1/lots/${made.body.lot.id}/genealogy`)).body;
    expect(down.components.map((c: any) => [c.depth, c.lotNumber]).sort()).toEqual([[1, 'KIT-1'], [2, 'CAT-A'], [2, 'G-1']]);
    const up = (await qa.get(`/api/v1/lots/${world.lots.catA}/genealogy`)).body;
    expect(up.usedIn.map((c: any) => [c.depth, c.lotNumber]).sort()).toEqual([[1, 'KIT-1'], [1, 'KIT-2'], [2, 'TRAY-1']]);
    expect((await qa.get(`/api/v1/lots/${kitLot.id}/genealogy`)).body.usedIn.map((c: any) => c.lotNumber)).toEqual(['TRAY-1']);
  });

  it('refuses unknown work orders and output on an order with no shelf life or components to date it', async () => {
    expect((await planner.post('/api/v1/production/work-orders/00000000-0000-7000-8000-000000000000/release')).status).toBe(404);
    const other = await createWorkOrder(t.db, systemActor('test'), { deviceId: world.kit.id, quantity: 1, dueDate: inDays(5) });
    await planner.post(`/api/v1/production/work-orders/${other.id}/release`);
    expect(errorOf(await wh.post(`/api/v1/production/work-orders/${other.id}/outputs`, { binId: world.bins['QC-1'], lotNumber: 'KIT-9', quantity: 1 })))
      .toEqual([409, 'INVALID_STATE', 'quantity']);
  });
});
