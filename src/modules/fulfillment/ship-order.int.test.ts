import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { changeLotStatus } from '../inventory/change-lot-status.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { inDays, receiveReleased } from '../inventory/stock.fixture.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { confirmDelivery } from './confirm-delivery.ts';
import { createPickList } from './create-pick-list.ts';
import { getShipment } from './get-shipment.ts';
import { packPackage } from './pack-package.ts';
import { allocatedOrder, label, pickWorld, scanCtx, withCertificates, type PickWorld } from './pick-world.fixture.ts';
import { reviewPackage } from './review-package.ts';
import { scanPick } from './scan-pick.ts';
import { FIXTURE_PASSWORD } from './shipment.fixture.ts';
import { shipOrder } from './ship-order.ts';

let db: TestDatabase;
let w: PickWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
}, 120_000);
afterAll(() => db.close());

const dims = { weightG: 900, lengthMm: 300, widthMm: 200, heightMm: 150 };
const today = () => shippingDates().today;
const sign = { password: FIXTURE_PASSWORD, meaning: '出库复核' };
const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; message: string; details?: unknown }) => ({ code: e.code, message: e.message, details: e.details }));
const ship = (orderId: string, more: { packageIds?: string[] } = {}) => shipOrder(db, w.reviewer, orderId, { carrier: 'SF', trackingNumber: 'SF1', ...more }, { today: today() });

/** A reagent order picked box by box (one package per box when `perBox`). */
async function pickedReagent(lot: string, boxes: number, opts: { certificate?: boolean; perBox?: boolean } = {}) {
  const [lotId] = await receiveReleased(db, [{ deviceId: w.coldDevice.id, lotNumber: lot, expiresOn: inDays(300), quantity: 20 * boxes, binId: w.bins['COLD-1'] }]);
  if (opts.certificate !== false) await withCertificates(db, [lotId!]);
  const orderId = await allocatedOrder(db, w, [{ deviceId: w.coldDevice.id, quantity: 20 * boxes }]);
  const list = await createPickList(db, w.picker, { orderIds: [orderId] });
  const packages: string[] = [];
  for (let i = 0; i < boxes; i++) {
    const p = await scanPick(db, w.picker, list.id, { scan: label(w.reagentBox, lot, inDays(300)) }, scanCtx());
    if (opts.perBox) packages.push((await packPackage(db, w.picker, orderId, { ...dims, pickIds: [p.pickId] })).id);
  }
  if (!opts.perBox) packages.push((await packPackage(db, w.picker, orderId, dims)).id);
  return { lotId: lotId!, orderId, packages };
}

describe('shipping (invariants 1 and 3)', { timeout: 180_000 }, () => {
  it('refuses a package of a reviewed class until a second person reviewed it; the picker may not review', async () => {
    const { orderId, packages } = await pickedReagent('REV-1', 1);
    expect(await codeOf(ship(orderId))).toMatchObject({ code: 'REVIEW_REQUIRED' });
    expect(await codeOf(reviewPackage(db, w.picker, packages[0]!, sign))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await codeOf(reviewPackage(db, w.reviewer, packages[0]!, { ...sign, checked: [{ lineNo: 1, quantity: 19 }] })))
      .toMatchObject({ code: 'VALIDATION_FAILED', details: { differences: [{ lineNo: 1, packed: 20, checked: 19 }] } });
    expect(await codeOf(reviewPackage(db, w.reviewer, packages[0]!, { ...sign, password: 'wrong-password' }))).toMatchObject({ code: 'SIGNATURE_INVALID' });
    expect(await reviewPackage(db, w.reviewer, packages[0]!, { ...sign, checked: [{ lineNo: 1, quantity: 20 }] })).toMatchObject({ status: 'reviewed' });
    const signed = await db.query<{ signature: { meaning: string; signerId: string } }>(
      `SELECT signature FROM audit_log WHERE entity_id = $1 AND action = 'reviewed'`, [packages[0]]);
    expect(signed.rows[0]!.signature).toMatchObject({ meaning: '出库复核', signerId: w.reviewer.userId });
    expect(await ship(orderId)).toMatchObject({ status: 'shipped', units: 20, orderStatus: 'shipped' });
  });

  it('refuses a lot without its certificate of conformity, naming the lot (DOCUMENTS_MISSING)', async () => {
    const { orderId, packages } = await pickedReagent('NODOC-1', 1, { certificate: false });
    await reviewPackage(db, w.reviewer, packages[0]!, sign);
    expect(await codeOf(ship(orderId))).toMatchObject({ code: 'DOCUMENTS_MISSING', message: expect.stringContaining('NODOC-1'), details: { lot: 'NODOC-1' } });
    expect((await db.query('SELECT 1 FROM shipments WHERE order_id = $1', [orderId])).rows).toHaveLength(0);
  });

  it('refuses a lot recalled after picking (LOT_RECALLED) and a serial-tracked unit without its serial (UNIT_NOT_BOUND)', async () => {
    const { orderId, lotId, packages } = await pickedReagent('RECALL-1', 1);
    await reviewPackage(db, w.reviewer, packages[0]!, sign);
    await changeLotStatus(db, systemActor('test'), lotId, 'recall', { reason: 'field safety notice' }, { ...shippingDates(), requestId: null });
    expect(await codeOf(ship(orderId))).toMatchObject({ code: 'LOT_RECALLED', details: { lot: 'RECALL-1' } });

    // A pick row written by an older version (or by hand) without the serial the stent needs.
    const [stentLot] = await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'UNB-1', expiresOn: inDays(500), quantity: 1, binId: w.bins['AMB-1'], serials: ['UNB-S1'] }]);
    await withCertificates(db, [stentLot!]);
    const stentOrder = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]);
    const alloc = (await db.query<{ id: string; bin_id: string }>('SELECT id, bin_id FROM allocations WHERE order_id = $1', [stentOrder])).rows[0]!;
    await db.query(
      `INSERT INTO picks (id, allocation_id, order_id, line_no, device_id, lot_id, bin_id, quantity, scan, picked_by)
       VALUES (gen_random_uuid(), $1, $2, 1, $3, $4, $5, 1, 'typed by hand', 'legacy')`, [alloc.id, stentOrder, w.stent.id, stentLot, alloc.bin_id]);
    const pkg = await packPackage(db, w.picker, stentOrder, dims);
    await reviewPackage(db, w.reviewer, pkg.id, sign);
    expect(await codeOf(ship(stentOrder))).toMatchObject({ code: 'UNIT_NOT_BOUND' });
  });

  it('ships part of an order (the packages given), consumes the allocated units in the ledger, and delivers', async () => {
    const { orderId, lotId, packages } = await pickedReagent('PART-1', 2, { perBox: true });
    for (const p of packages) await reviewPackage(db, w.reviewer, p, sign);
    const first = await ship(orderId, { packageIds: [packages[0]!] });
    expect(first).toMatchObject({ units: 20, packageIds: [packages[0]], orderStatus: 'packed' });
    expect((await db.query('SELECT on_hand, allocated FROM stock_balances WHERE lot_id = $1', [lotId])).rows).toEqual([{ on_hand: 20, allocated: 20 }]);
    expect(await codeOf(ship(orderId, { packageIds: [packages[0]!] }))).toMatchObject({ code: 'INVALID_STATE' });
    const second = await ship(orderId);
    expect(second).toMatchObject({ units: 20, packageIds: [packages[1]], orderStatus: 'shipped' });
    expect((await db.query('SELECT on_hand, allocated FROM stock_balances WHERE lot_id = $1', [lotId])).rows).toEqual([{ on_hand: 0, allocated: 0 }]);
    expect((await db.query(`SELECT status, picked, quantity FROM allocations WHERE order_id = $1`, [orderId])).rows).toEqual([{ status: 'picked', picked: 40, quantity: 40 }]);
    const moves = await db.query<{ n: number }>(`SELECT sum(quantity)::int AS n FROM stock_moves WHERE move_type = 'ship' AND lot_id = $1 AND ref_type = 'shipment'`, [lotId]);
    expect(moves.rows[0]!.n).toBe(40);
    expect(await readTx(db, verifyLedger)).toEqual([]);

    const view = await readTx(db, (tx) => getShipment(tx, w.reviewer, first.id));
    expect(view.lines).toEqual([expect.objectContaining({ lineNo: 1, lotNumber: 'PART-1', quantity: 20, packageId: packages[0], serial: null, sscc: expect.stringMatching(/^\d{18}$/) })]);
    expect(view).toMatchObject({ customerId: w.hospital.id, shipToId: w.hospital.shipToId, status: 'shipped' });
    const events = await db.query<{ payload: { shipmentId: string; orderId: string } }>(`SELECT payload FROM outbox_events WHERE topic = 'shipment.shipped' AND entity_id = $1`, [first.id]);
    expect(events.rows[0]!.payload).toMatchObject({ shipmentId: first.id, orderId });

    await confirmDelivery(db, w.reviewer, first.id, { receivedBy: '王五' }, { now: new Date() });
    await confirmDelivery(db, w.reviewer, second.id, { receivedBy: '王五', podReference: 'POD-9' }, { now: new Date() });
    expect(await codeOf(confirmDelivery(db, w.reviewer, second.id, { receivedBy: '王五' }, { now: new Date() }))).toMatchObject({ code: 'INVALID_STATE' });
    const line = await db.query('SELECT qty_shipped, qty_delivered FROM order_lines WHERE order_id = $1', [orderId]);
    expect(line.rows).toEqual([{ qty_shipped: 40, qty_delivered: 40 }]);
    expect((await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [orderId])).rows[0]!.status).toBe('delivered');
  });
});
