import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { shippedOrder } from '../fulfillment/shipment.fixture.ts';
import { inDays, today } from '../inventory/stock.fixture.ts';
import { createRouting } from '../planning/create-routing.ts';
import { createWorkCentre } from '../planning/create-work-centre.ts';
import { createWorkOrder } from '../planning/create-work-order.ts';
import { issueComponents } from '../production/issue-components.ts';
import { productionWorld } from '../production/production.fixture.ts';
import { releaseWorkOrder } from '../production/release-work-order.ts';
import { reportOutput } from '../production/report-output.ts';
import { changePurchaseOrderStatus } from '../purchasing/change-purchase-order-status.ts';
import { createPurchaseOrder } from '../purchasing/create-purchase-order.ts';
import { receivePurchaseOrder } from '../purchasing/receive-purchase-order.ts';
import { recordInspectionResult } from '../purchasing/record-inspection-result.ts';
import { addComplaint } from '../returns/add-complaint.ts';
import { computeKpi } from './compute-kpi.ts';
import { kpiRequest } from './kpi-request.ts';
import type { KpiName } from './kpi-types.ts';

/*
 * Lot quality and WIP over March 2026 (31 days), from purchasing, returns, planning and production
 * use cases. The timestamps they stamp "now" (inspected_at, complaint created_at, shipped_at,
 * output reported_at) are moved into March by direct SQL updates.
 */
const actor = systemActor('kpi-test');
let db: TestDatabase;

const ctx = () => ({ today: today(), now: new Date(), requestId: null });
const kpi = (name: KpiName) =>
  readTx(db, (tx) => computeKpi(tx, name, kpiRequest({ from: '2026-03-01', to: '2026-03-31' }, new Date()), new Date()));

beforeAll(async () => {
  db = await createTestDatabase();
  const world = await productionWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t'))));

  // Incoming inspection: two lots of 20 catheters received on one purchase order; IQ-1 passes (0 defects),
  // IQ-2 fails (1 defect against an accept number of 0).
  const po = await createPurchaseOrder(db, actor, { supplierId: world.supplier.id, lines: [{ deviceId: world.catheter.id, quantity: 40, unitPriceMinor: 1200, expectedDate: inDays(10) }] }, ctx());
  await changePurchaseOrderStatus(db, actor, po.id, 'approve', {}, ctx());
  await changePurchaseOrderStatus(db, actor, po.id, 'send', {}, ctx());
  const received = await writeTx(db, { actor }, (w) => receivePurchaseOrder(w, po.id, {
    binId: world.bins['QC-1'],
    lines: [
      { deviceId: world.catheter.id, lotNumber: 'IQ-1', expiresOn: inDays(300), quantity: 20 },
      { deviceId: world.catheter.id, lotNumber: 'IQ-2', expiresOn: inDays(300), quantity: 20 },
    ],
  }, { today: today(), now: new Date() }));
  for (const [k, insp] of received.inspections.entries()) {
    await recordInspectionResult(db, actor, insp.id, { sampled: insp.sampleSize, defects: k === 0 ? insp.acceptNumber : insp.acceptNumber + 1, reportReference: `IQC-${k}` }, ctx());
  }
  await db.query(`UPDATE incoming_inspections SET inspected_at = '2026-03-05T04:00Z' WHERE id = $1`, [received.inspections[0]!.id]);
  await db.query(`UPDATE incoming_inspections SET inspected_at = '2026-03-20T04:00Z' WHERE id = $1`, [received.inspections[1]!.id]);

  // Complaints per shipped lot: two orders ship one lot each in March; one complaint names the first lot.
  const s1 = await shippedOrder(db, createFieldCrypto(parseKeyring(generateKeyLine('t'))), { world });
  const s2 = await shippedOrder(db, createFieldCrypto(parseKeyring(generateKeyLine('t'))), { world });
  await db.query(`UPDATE shipment_lines SET shipped_at = '2026-03-10T04:00Z' WHERE order_id = ANY($1::uuid[])`, [[s1.orderId, s2.orderId]]);
  const complaint = await writeTx(db, { actor }, (w) => addComplaint(w, {
    customerId: world.hospital.id, deviceId: world.coldDevice.id, lotNumber: s1.lotNumbers[0]!, description: '试剂结块 reagent caked',
  }, today()));
  await db.query(`UPDATE complaints SET created_at = '2026-03-15T04:00Z' WHERE id = $1`, [complaint.id]);

  // WIP: the kit routed through ASSY then STER (PACK has no operations). WO-1 for 7 kits made 6 in March
  // (components issued first), WO-2 for 4 kits is released with nothing made.
  const centre = (code: string) => createWorkCentre(db, actor, { code, nameZh: `工作中心${code}` });
  const [assy, ster] = [await centre('ASSY'), await centre('STER')];
  await centre('PACK');
  await createRouting(db, actor, { deviceId: world.kit.id, operations: [
    { seq: 10, workCentreId: assy.id, runMinutesPerUnit: 5 }, { seq: 20, workCentreId: ster.id, runMinutesPerUnit: 2 },
  ] });
  const wo1 = await createWorkOrder(db, actor, { deviceId: world.kit.id, quantity: 7, dueDate: inDays(10) });
  const wo2 = await createWorkOrder(db, actor, { deviceId: world.kit.id, quantity: 4, dueDate: inDays(12) });
  await releaseWorkOrder(db, actor, wo1.id, null);
  await releaseWorkOrder(db, actor, wo2.id, null);
  const bin = world.bins['AMB-1'];
  await issueComponents(db, actor, wo1.id, { lines: [
    { binId: bin, lotId: world.lots.catA, quantity: 6 }, { binId: bin, lotId: world.lots.catB, quantity: 6 }, { binId: bin, lotId: world.lots.gauze, quantity: 6 },
  ] }, ctx());
  await reportOutput(db, actor, wo1.id, { binId: bin, lotNumber: 'KIT-L1', quantity: 6 }, ctx());
  await db.query(`UPDATE work_order_outputs SET reported_at = '2026-03-10T04:00Z' WHERE work_order_id = $1`, [wo1.id]);
}, 600_000);
afterAll(async () => db?.close());

describe('lot quality and WIP over hand-computed fixtures', () => {
  it('lot quality: incoming pass rate and complaints per shipped lot', async () => {
    // Inspections in March: IQ-1 passed, IQ-2 failed → 1 / 2 = 0.5.
    // Complaints naming a lot in March: 1; distinct lots shipped in March: 2 → 1 / 2 = 0.5.
    const a = await kpi('lot-quality');
    expect([a.value, a.numerator, a.denominator]).toEqual([0.5, 1, 2]);
    expect(a.series).toEqual([{ period: '2026-03-01', numerator: 1, denominator: 2, value: 0.5 }]);
    expect(a.breakdown).toEqual([
      { key: 'incoming_inspection_pass_rate', value: 0.5, numerator: 1, denominator: 2 },
      { key: 'complaints_per_shipped_lot', value: 0.5, numerator: 1, denominator: 2 },
    ]);
  });

  it('WIP per work centre and WIP turnover days', async () => {
    // WIP now at ASSY and STER: (7 − 6) + (4 − 0) = 5 units on 2 open orders. Output in March: 6.
    // Turnover = 5 ÷ (6 ÷ 31) = 25.83 → 25.8 days. PACK: no WIP, no output → null.
    const a = await kpi('wip');
    // The plant counts each work order once: the same 5 units over the same 6 of output → 25.8.
    expect([a.value, a.numerator, a.denominator]).toEqual([25.8, 5, 6]);
    expect(a.breakdown).toEqual([
      { key: 'ASSY', value: 25.8, numerator: 5, denominator: 6, details: { openOrders: 2, wipUnits: 5, output: 6, days: 31 } },
      { key: 'PACK', value: null, numerator: 0, denominator: 0, details: { openOrders: 0, wipUnits: 0, output: 0, days: 31 } },
      { key: 'STER', value: 25.8, numerator: 5, denominator: 6, details: { openOrders: 2, wipUnits: 5, output: 6, days: 31 } },
    ]);
  });
});
