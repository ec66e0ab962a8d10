import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { runOrderCommand } from '../orders/order-commands.ts';
import { releaseOrderSurplus } from '../inventory/release-on-order-change.ts';
import { inDays, receiveReleased } from '../inventory/stock.fixture.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { cancelPickList } from './cancel-pick-list.ts';
import { createPickList } from './create-pick-list.ts';
import { getPickList } from './get-pick-list.ts';
import { allocatedOrder, label, pickWorld, scanCtx, type PickWorld } from './pick-world.fixture.ts';
import { scanPick } from './scan-pick.ts';

let db: TestDatabase;
let w: PickWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
}, 120_000);
afterAll(() => db.close());

const allocations = async (orderId: string) => (await db.query<{ lot_id: string; bin_id: string; quantity: number; status: string }>(
  `SELECT lot_id, bin_id, quantity, status FROM allocations WHERE order_id = $1 AND status <> 'released' ORDER BY created_at, id`, [orderId])).rows;
const balance = async (lotId: string) => (await db.query<{ on_hand: number; allocated: number }>(
  'SELECT sum(on_hand)::int AS on_hand, sum(allocated)::int AS allocated FROM stock_balances WHERE lot_id = $1', [lotId])).rows[0]!;
const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; message: string; details?: { reason?: string; messageZh?: string } }) => ({ code: e.code, reason: e.details?.reason, zh: e.details?.messageZh }));

describe('scan-to-pick', { timeout: 180_000 }, () => {
  it('re-binds the allocation to a FEFO-valid substitute lot in the same transaction, balances and ledger consistent', async () => {
    const [lotA, lotB] = await receiveReleased(db, [
      { deviceId: w.coldDevice.id, lotNumber: 'SUB-A', expiresOn: inDays(300), quantity: 40, binId: w.bins['COLD-1'] },
      { deviceId: w.coldDevice.id, lotNumber: 'SUB-B', expiresOn: inDays(350), quantity: 40, binId: w.bins['COLD-1'] },
    ]);
    const orderId = await allocatedOrder(db, w, [{ deviceId: w.coldDevice.id, quantity: 30 }]);
    expect(await allocations(orderId)).toEqual([{ lot_id: lotA, bin_id: w.bins['COLD-1'], quantity: 30, status: 'open' }]);
    const list = await createPickList(db, w.picker, { orderIds: [orderId] });

    const sub = await scanPick(db, w.picker, list.id, { scan: label(w.reagentBox, 'SUB-B', inDays(350)) }, scanCtx());
    expect(sub).toMatchObject({ substitute: true, lotId: lotB, quantity: 20, pickListStatus: 'picking', orderStatus: 'allocated' });
    expect(await allocations(orderId)).toEqual([
      { lot_id: lotA, bin_id: w.bins['COLD-1'], quantity: 10, status: 'open' },
      { lot_id: lotB, bin_id: w.bins['COLD-1'], quantity: 20, status: 'open' },
    ]);
    expect(await balance(lotA!)).toEqual({ on_hand: 40, allocated: 10 });
    expect(await balance(lotB!)).toEqual({ on_hand: 40, allocated: 20 });
    const view = await readTx(db, (tx) => getPickList(tx, w.picker, list.id));
    expect(view.lines.map((l) => [l.lotNumber, l.quantity, l.picked])).toEqual([['SUB-A', 10, 0], ['SUB-B', 20, 20]]);

    const rest = await scanPick(db, w.picker, list.id, { scan: label(w.reagentEach, 'SUB-A', inDays(300)), quantity: 10 }, scanCtx());
    expect(rest).toMatchObject({ substitute: false, lotId: lotA, quantity: 10, pickListStatus: 'picked', orderStatus: 'picking' });
    const line = await db.query<{ qty_picked: number; qty_allocated: number }>('SELECT qty_picked, qty_allocated FROM order_lines WHERE order_id = $1', [orderId]);
    expect(line.rows[0]).toEqual({ qty_picked: 30, qty_allocated: 30 });
    expect(await readTx(db, verifyLedger)).toEqual([]);
  });

  it('re-points a pick line replaced whole, and refuses a substitute without free stock', async () => {
    const [, lotD] = await receiveReleased(db, [
      { deviceId: w.coldDevice.id, lotNumber: 'WHOLE-C', expiresOn: inDays(200), quantity: 20, binId: w.bins['COLD-1'] },
      { deviceId: w.coldDevice.id, lotNumber: 'WHOLE-D', expiresOn: inDays(250), quantity: 20, binId: w.bins['COLD-1'] },
    ]);
    const orderId = await allocatedOrder(db, w, [{ deviceId: w.coldDevice.id, quantity: 20 }]);
    const list = await createPickList(db, w.picker, { orderIds: [orderId] });
    // Another order takes all of lot D first: it is no longer free to substitute.
    const other = await allocatedOrder(db, w, [{ deviceId: w.coldDevice.id, quantity: 20 }]);
    expect((await allocations(other)).map((a) => a.lot_id)).toContain(lotD);
    expect(await refusal(scanPick(db, w.picker, list.id, { scan: label(w.reagentBox, 'WHOLE-D', inDays(250)) }, scanCtx())))
      .toMatchObject({ code: 'SCAN_WRONG_LOT', reason: 'no_free_stock' });
    await runOrderCommand(db, systemActor('test'), other, { type: 'cancel', reason: 'customer withdrew' }, null);
    await releaseOrderSurplus(db, systemActor('test'), other); // what the outbox handler of order.cancelled does
    expect(await balance(lotD!)).toEqual({ on_hand: 20, allocated: 0 });
    const picked = await scanPick(db, w.picker, list.id, { scan: label(w.reagentBox, 'WHOLE-D', inDays(250)) }, scanCtx());
    expect(picked).toMatchObject({ substitute: true, lotId: lotD, pickListStatus: 'picked' });
    const view = await readTx(db, (tx) => getPickList(tx, w.picker, list.id));
    expect(view.lines.map((l) => [l.lotNumber, l.quantity, l.picked])).toEqual([['WHOLE-D', 20, 20]]);
    expect(await readTx(db, verifyLedger)).toEqual([]);
  });

  it('picks a serial once only, and a refused scan writes nothing but its audit entry', async () => {
    await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'SER-1', expiresOn: inDays(500), quantity: 3, binId: w.bins['AMB-1'], serials: ['S-001', 'S-002', 'S-003'] }]);
    const first = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]);
    const second = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]);
    const l1 = await createPickList(db, w.picker, { orderIds: [first] });
    const l2 = await createPickList(db, w.picker, { orderIds: [second] });
    const stent = (serial?: string) => ({ scan: label(w.stentEach, 'SER-1', inDays(500), serial) });
    await scanPick(db, w.picker, l1.id, stent('S-001'), scanCtx());
    const picks = await count('SELECT count(*)::int AS n FROM picks');
    const refusedAudits = await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'scan.refused'`);

    expect(await refusal(scanPick(db, w.picker, l2.id, stent('S-001'), scanCtx()))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_taken' });
    expect(await refusal(scanPick(db, w.picker, l2.id, stent('S-999'), scanCtx()))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_unknown' });
    expect(await refusal(scanPick(db, w.picker, l2.id, stent(), scanCtx()))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_missing' });
    expect(await refusal(scanPick(db, w.picker, l2.id, { scan: label(w.reagentBox, 'SUB-A', inDays(300)) }, { ...scanCtx(), language: 'zh' })))
      .toMatchObject({ code: 'SCAN_WRONG_DEVICE', reason: 'wrong_device', zh: expect.stringContaining('不在本拣货单上') });
    expect(await refusal(scanPick(db, w.picker, l2.id, { scan: '01123' }, scanCtx()))).toMatchObject({ code: 'SCAN_BAD_LENGTH' });
    expect(await count('SELECT count(*)::int AS n FROM picks')).toBe(picks);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'scan.refused'`)).toBe(refusedAudits + 5);
    expect((await db.query<{ status: string }>(`SELECT status FROM serial_units WHERE serial = 'S-001'`)).rows[0]!.status).toBe('picked');

    expect(await scanPick(db, w.picker, l2.id, stent('S-002'), scanCtx())).toMatchObject({ quantity: 1, pickListStatus: 'picked' });
    expect(await refusal(scanPick(db, w.picker, l2.id, stent('S-003'), scanCtx()))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('makes a wave of several orders in walking order, never lists an allocation twice, and cancels an untouched list', async () => {
    await receiveReleased(db, [
      { deviceId: w.stent.id, lotNumber: 'WAVE-S', expiresOn: inDays(450), quantity: 2, binId: w.bins['AMB-2'], serials: ['W-1', 'W-2'] },
      { deviceId: w.coldDevice.id, lotNumber: 'WAVE-R', expiresOn: inDays(100), quantity: 20, binId: w.bins['COLD-1'] },
    ]);
    const a = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }, { deviceId: w.coldDevice.id, quantity: 20 }]);
    const b = await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]);
    const wave = await createPickList(db, w.picker, { orderIds: [a, b] });
    expect(wave).toMatchObject({ kind: 'wave', lines: 3, units: 22 });
    const view = await readTx(db, (tx) => getPickList(tx, w.picker, wave.id));
    expect(view.lines.map((l) => l.binCode)).toEqual(['COLD-1', 'AMB-2', 'AMB-2']); // pick sequence 5, then 20
    expect(await refusal(createPickList(db, w.picker, { orderIds: [b] }))).toMatchObject({ code: 'INVALID_STATE' });
    await cancelPickList(db, w.picker, wave.id, { reason: 'wave re-planned' });
    const again = await createPickList(db, w.picker, { orderIds: [b] });
    expect(again).toMatchObject({ kind: 'order', lines: 1, units: 1 });
    await scanPick(db, w.picker, again.id, { scan: label(w.stentEach, 'WAVE-S', inDays(450), 'W-2') }, scanCtx());
    expect(await refusal(cancelPickList(db, w.picker, again.id, { reason: 'too late' }))).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('lets exactly one of two racing pickers take the same serial', async () => {
    await receiveReleased(db, [{ deviceId: w.stent.id, lotNumber: 'RACE-1', expiresOn: inDays(420), quantity: 2, binId: w.bins['AMB-1'], serials: ['R-1', 'R-2'] }]);
    const [a, b] = [await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }]), await allocatedOrder(db, w, [{ deviceId: w.stent.id, quantity: 1 }])];
    const [la, lb] = [await createPickList(db, w.picker, { orderIds: [a] }), await createPickList(db, w.reviewer, { orderIds: [b] })];
    const scan = { scan: label(w.stentEach, 'RACE-1', inDays(420), 'R-1') };
    const results = await Promise.allSettled([scanPick(db, w.picker, la.id, scan, scanCtx()), scanPick(db, w.reviewer, lb.id, scan, scanCtx())]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'SERIAL_UNAVAILABLE' });
    expect(await count(`SELECT count(*)::int AS n FROM picks p JOIN serial_units s ON s.id = p.serial_id WHERE s.serial = 'R-1'`)).toBe(1);
  });

  it('refuses to pick for an order cancelled after its pick list was made', async () => {
    await receiveReleased(db, [{ deviceId: w.coldDevice.id, lotNumber: 'CXL-1', expiresOn: inDays(90), quantity: 20, binId: w.bins['COLD-1'] }]);
    const orderId = await allocatedOrder(db, w, [{ deviceId: w.coldDevice.id, quantity: 20 }]);
    const list = await createPickList(db, w.picker, { orderIds: [orderId] });
    await runOrderCommand(db, systemActor('test'), orderId, { type: 'cancel', reason: 'duplicate order' }, null);
    expect(await refusal(scanPick(db, w.picker, list.id, { scan: label(w.reagentBox, 'CXL-1', inDays(90)) }, scanCtx()))).toMatchObject({ code: 'INVALID_STATE' });
    expect(await count('SELECT count(*)::int AS n FROM picks WHERE order_id = $1', [orderId])).toBe(0);
  });
});
