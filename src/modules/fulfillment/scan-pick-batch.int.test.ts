import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { changeLotStatus } from '../inventory/change-lot-status.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { inDays, receiveReleased } from '../inventory/stock.fixture.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { cancelPickList } from './cancel-pick-list.ts';
import { createPickList } from './create-pick-list.ts';
import { packPackage } from './pack-package.ts';
import { allocatedOrder, label, pickWorld, scanCtx, withCertificates, type PickWorld } from './pick-world.fixture.ts';
import { reviewPackage } from './review-package.ts';
import { scanPick } from './scan-pick.ts';
import { MAX_BATCH_SCANS, scanPickBatch } from './scan-pick-batch.ts';
import { FIXTURE_PASSWORD } from './shipment.fixture.ts';
import { shipOrder } from './ship-order.ts';

let db: TestDatabase;
let w: PickWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('b1'))));
}, 120_000);
afterAll(() => db.close());

const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
const serials = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);
const counters = async (orderId: string) => ({
  lines: (await db.query<{ quantity: number; picked: number }>('SELECT quantity, picked FROM pick_list_lines WHERE order_id = $1 ORDER BY seq', [orderId])).rows,
  orderLines: (await db.query<{ qty_picked: number; qty_allocated: number }>('SELECT qty_picked, qty_allocated FROM order_lines WHERE order_id = $1 ORDER BY line_no', [orderId])).rows,
  picks: await count('SELECT count(*)::int AS n FROM picks WHERE order_id = $1', [orderId]),
  status: (await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [orderId])).rows[0]!.status,
});
const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; field?: string }) => ({ code: e.code, field: e.field }));

describe('batch scan-to-pick', { timeout: 240_000 }, () => {
  it('accepts many serials in one transaction, refuses within-batch duplicates and over-quantity per label, and matches the single-scan counters', async () => {
    const [lotA] = await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'BAT-A', expiresOn: inDays(500), quantity: 8, binId: w.bins['AMB-1'], serials: serials('BA', 8) }]);
    const batchOrder = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 6 }]);
    // An earlier-expiring lot received after: FEFO gives it whole to the order scanned one label at a time.
    const [lotB] = await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'BAT-B', expiresOn: inDays(499), quantity: 6, binId: w.bins['AMB-1'], serials: serials('BB', 6) }]);
    const singleOrder = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 6 }]);
    const lotOf = async (orderId: string) => (await db.query<{ lot_id: string }>('SELECT lot_id FROM allocations WHERE order_id = $1', [orderId])).rows[0]!.lot_id;
    expect([await lotOf(batchOrder), await lotOf(singleOrder)]).toEqual([lotA, lotB]);
    const [batchList, singleList] = [await createPickList(db, w.picker, { orderIds: [batchOrder] }), await createPickList(db, w.picker, { orderIds: [singleOrder] })];
    const a = (s: string) => label(w.stentEach, 'BAT-A', inDays(500), s);
    const b = (s: string) => label(w.stentEach, 'BAT-B', inDays(499), s);

    const scans = [a('BA-001'), a('BA-002'), a('BA-003'), a('BA-002'), label(w.reagentBox, 'X', inDays(300)), a('BA-999'), 'not a label',
      a('BA-004'), a('BA-005'), a('BA-006'), a('BA-007')];
    const r = await scanPickBatch(db, w.picker, batchList.id, { scans }, { ...scanCtx(), language: 'zh' });
    expect(r).toMatchObject({ accepted: 6, units: 6, pickListStatus: 'picked', orders: [{ orderId: batchOrder, status: 'picking' }] });
    expect(r.picks.map((p) => p.index)).toEqual([0, 1, 2, 7, 8, 9]);
    expect(r.refused.map((x) => [x.index, x.code, x.reason])).toEqual([
      [3, 'SERIAL_UNAVAILABLE', 'serial_taken'], [4, 'SCAN_WRONG_DEVICE', 'wrong_device'], [5, 'SERIAL_UNAVAILABLE', 'serial_unknown'],
      [6, 'SCAN_UNKNOWN_FORMAT', 'unreadable'], [10, 'INVALID_STATE', 'line_complete'],
    ]);
    expect(r.refused[0]).toMatchObject({ message: r.refused[0]!.messageZh, messageEn: 'serial BA-002 is already picked', field: 'scan' });
    expect(r.refused[0]!.messageZh).toContain('序列号 BA-002');

    for (const s of serials('BB', 6)) await scanPick(db, w.picker, singleList.id, { scan: b(s) }, scanCtx());
    const [batch, single] = [await counters(batchOrder), await counters(singleOrder)];
    expect(batch).toEqual(single);
    expect(batch).toMatchObject({ lines: [{ quantity: 6, picked: 6 }], orderLines: [{ qty_picked: 6, qty_allocated: 6 }], picks: 6, status: 'picking' });
    expect(await count(`SELECT count(*)::int AS n FROM serial_units WHERE lot_id = $1 AND status = 'picked'`, [lotA])).toBe(6);
    expect(await count(`SELECT count(*)::int AS n FROM serial_units WHERE serial = 'BA-007' AND status = 'in_stock'`)).toBe(1);

    const audit = await db.query<{ changes: { picks: { new: { serialIds: string[] } }; refused: { new: Array<{ index: number }> } } }>(
      `SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'scan.batch'`, [batchList.id]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.changes.picks.new.serialIds).toHaveLength(6);
    expect(audit.rows[0]!.changes.refused.new.map((x) => x.index)).toEqual([3, 4, 5, 6, 10]);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_events WHERE entity_id = $1 AND topic = 'pick.batch_accepted'`, [batchList.id])).toBe(1);
    expect(await failure(scanPickBatch(db, w.picker, batchList.id, { scans: [a('BA-007')] }, scanCtx()))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses serials already picked elsewhere, expired, recalled and substitute lots, labels past their expiry, and keeps the rest', async () => {
    const [, , , lotRecalled] = await receiveReleased(db, [
      { deviceId: w.stent.id, lotNumber: 'OK-1', expiresOn: inDays(400), quantity: 4, binId: w.bins['AMB-1'], serials: serials('OK', 4) },
      { deviceId: w.stent.id, lotNumber: 'SUB-1', expiresOn: inDays(450), quantity: 2, binId: w.bins['AMB-1'], serials: serials('SU', 2) },
      { deviceId: w.stent.id, lotNumber: 'OLD-1', expiresOn: inDays(1), quantity: 2, binId: w.bins['AMB-1'], serials: serials('OD', 2) },
      { deviceId: w.stent.id, lotNumber: 'REC-1', expiresOn: inDays(410), quantity: 2, binId: w.bins['AMB-1'], serials: serials('RC', 2) },
    ]);
    await changeLotStatus(db, systemActor('test'), lotRecalled!, 'recall', { reason: 'field safety notice' }, { ...shippingDates(), requestId: null });
    const first = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]);
    const second = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 3 }]);
    const [l1, l2] = [await createPickList(db, w.picker, { orderIds: [first] }), await createPickList(db, w.picker, { orderIds: [second] })];
    const ok = (s: string, expiry = inDays(400)) => label(w.stentEach, 'OK-1', expiry, s);
    await scanPick(db, w.picker, l1.id, { scan: ok('OK-001') }, scanCtx());

    const shipDate = inDays(1);
    const r = await scanPickBatch(db, w.picker, l2.id, { scans: [
      ok('OK-001'), label(w.stentEach, 'OLD-1', inDays(1), 'OD-001'), label(w.stentEach, 'REC-1', inDays(410), 'RC-001'),
      label(w.stentEach, 'SUB-1', inDays(450), 'SU-001'), ok('OK-002', inDays(0)), ok('OK-002'), ok('OK-003'), ok('OK-004'),
    ] }, { shipDate, language: 'en' });
    expect(r.refused.map((x) => [x.index, x.code, x.reason])).toEqual([
      [0, 'SERIAL_UNAVAILABLE', 'serial_taken'], [1, 'LOT_EXPIRED', 'label_expired'], [2, 'LOT_RECALLED', 'LOT_RECALLED'],
      [3, 'SCAN_WRONG_LOT', 'substitute_alone'], [4, 'LOT_EXPIRED', 'label_expired'],
    ]);
    expect(r.refused[3]!.messageZh).toContain('单独扫描');
    expect(r).toMatchObject({ accepted: 3, pickListStatus: 'picked' });

    // A lot expired by its own date (the label's date is not on it) is refused by the lot's facts.
    const old = await scanPickBatch(db, w.picker, (await createPickList(db, w.picker, { orderIds: [await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }])] })).id,
      { scans: [encodeGs1({ gtin: w.stentEach, lot: 'OLD-1', serial: 'OD-002' }).raw] }, { shipDate, language: 'en' });
    expect(old.refused.map((x) => [x.code, x.reason])).toEqual([['LOT_EXPIRED', 'LOT_EXPIRED']]);
  });

  it('lets exactly one of two racing batches take the same serial', async () => {
    await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'RACE-B', expiresOn: inDays(200), quantity: 2, binId: w.bins['AMB-1'], serials: ['RB-1', 'RB-2'] }]);
    const [a, b] = [await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]), await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }])];
    const [la, lb] = [await createPickList(db, w.picker, { orderIds: [a] }), await createPickList(db, w.picker, { orderIds: [b] })];
    const scans = [label(w.stentEach, 'RACE-B', inDays(200), 'RB-1')];
    const results = await Promise.all([scanPickBatch(db, w.picker, la.id, { scans }, scanCtx()), scanPickBatch(db, w.picker, lb.id, { scans }, scanCtx())]);
    expect(results.map((r) => r.accepted).sort()).toEqual([0, 1]);
    expect(results.flatMap((r) => r.refused.map((x) => x.reason))).toEqual(['serial_taken']);
    expect(await count(`SELECT count(*)::int AS n FROM picks p JOIN serial_units s ON s.id = p.serial_id WHERE s.serial = 'RB-1'`)).toBe(1);
  });

  it('ships what a batch picked with the ledger verifying, and refuses malformed requests whole', async () => {
    const lots = await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'SHIP-1', expiresOn: inDays(300), quantity: 20, binId: w.bins['AMB-2'], serials: serials('SH', 20) }]);
    await withCertificates(db, lots);
    const orderId = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 12 }, { deviceId: w.stent.id, quantity: 8 }]);
    const list = await createPickList(db, w.picker, { orderIds: [orderId] });
    const r = await scanPickBatch(db, w.picker, list.id, { scans: serials('SH', 20).map((s) => label(w.stentEach, 'SHIP-1', inDays(300), s)) }, scanCtx());
    expect(r).toMatchObject({ accepted: 20, refused: [], pickListStatus: 'picked', orders: [{ orderId, status: 'picking' }] });
    const pkg = await packPackage(db, w.picker, orderId, { weightG: 3000, lengthMm: 300, widthMm: 200, heightMm: 100 });
    await reviewPackage(db, w.reviewer, pkg.id, { password: FIXTURE_PASSWORD, meaning: '出库复核' });
    const shipped = await shipOrder(db, w.reviewer, orderId, { carrier: 'SF', trackingNumber: 'SF-B1' }, { today: shippingDates().today });
    expect(shipped).toMatchObject({ units: 20, orderStatus: 'shipped' });
    expect(await count(`SELECT count(*)::int AS n FROM serial_units WHERE lot_id = $1 AND status = 'shipped'`, [lots[0]])).toBe(20);
    expect(await readTx(db, verifyLedger)).toEqual([]);

    const other = await createPickList(db, w.picker, { orderIds: [await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }])] });
    const bad = (scans: unknown, quantity?: unknown) => failure(scanPickBatch(db, w.picker, other.id, { scans: scans as string[], ...(quantity !== undefined ? { quantity: quantity as number } : {}) }, scanCtx()));
    expect(await bad('x')).toEqual({ code: 'VALIDATION_FAILED', field: 'scans' });
    expect(await bad([])).toEqual({ code: 'VALIDATION_FAILED', field: 'scans' });
    expect(await bad(Array.from({ length: MAX_BATCH_SCANS + 1 }, () => 'x'))).toEqual({ code: 'VALIDATION_FAILED', field: 'scans' });
    expect(await bad(['ok', 7])).toEqual({ code: 'VALIDATION_FAILED', field: 'scans.1' });
    expect(await bad(['ok'], 0)).toEqual({ code: 'VALIDATION_FAILED', field: 'quantity' });
    expect(await failure(scanPickBatch(db, w.picker, 'nope', { scans: ['x'] }, scanCtx()))).toMatchObject({ code: 'NOT_FOUND' });
    await cancelPickList(db, w.picker, other.id, { reason: 'test' });
    expect(await failure(scanPickBatch(db, w.picker, other.id, { scans: ['x'] }, scanCtx()))).toMatchObject({ code: 'INVALID_STATE' });
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'scan.batch'`, [other.id])).toBe(0);
  });
});
