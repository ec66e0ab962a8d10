import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { allocateOrder } from './allocate-order.ts';
import { markExpiredLots } from './mark-expired-lots.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today, type StockWorld } from './stock.fixture.ts';
import { verifyLedger } from './verify-ledger.ts';

let db: TestDatabase;
let world: StockWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
});
afterAll(() => db.close());

const allocatedLots = async (orderId: string) => (await db.query<{ lot_number: string; quantity: number }>(
  `SELECT l.lot_number, a.quantity FROM allocations a JOIN lots l ON l.id = a.lot_id WHERE a.order_id = $1 AND a.status = 'open' ORDER BY l.lot_number`,
  [orderId])).rows.map((r) => `${r.lot_number}:${r.quantity}`);

describe('the daily expiry run', () => {
  it('expires lots whose date has come, takes back their allocations and re-allocates the orders', async () => {
    const [soon] = await receiveReleased(db, [
      { deviceId: world.gauze.id, lotNumber: 'SOON', expiresOn: inDays(3), quantity: 5, binId: world.bins['AMB-1'] },
      { deviceId: world.gauze.id, lotNumber: 'LATER', expiresOn: inDays(300), quantity: 10, binId: world.bins['AMB-2'] },
    ]);
    const orderId = await confirmedOrder(db, world, [{ deviceId: world.gauze.id, quantity: 5 }], { requestedDate: today() });
    await allocateOrder(db, systemActor('test'), orderId, { earliestShipDate: today() });
    expect(await allocatedLots(orderId)).toEqual(['SOON:5']);

    expect((await markExpiredLots(db, inDays(2))).expired).toEqual([]);
    const run = await markExpiredLots(db, inDays(3));
    expect(run.expired).toEqual([{ lotId: soon, lotNumber: 'SOON', from: 'released', expiresOn: inDays(3) }]);
    expect(run).toMatchObject({ releasedUnits: 5, reallocations: [expect.objectContaining({ orderId, reallocatedUnits: 5, status: 'allocated' })] });
    expect(await allocatedLots(orderId)).toEqual(['LATER:5']);
    const moves = await db.query<{ move_type: string; reason: string }>(`SELECT move_type, reason FROM stock_moves WHERE lot_id = $1 ORDER BY id`, [soon]);
    expect(moves.rows).toEqual([{ move_type: 'receipt', reason: null }, { move_type: 'status', reason: 'released → expired' }]);
    expect(await readTx(db, verifyLedger)).toEqual([]);
  });

  it('expires each lot once when runs overlap', async () => {
    await receiveReleased(db, ['R1', 'R2', 'R3'].map((lotNumber) => ({ deviceId: world.stent.id, lotNumber, expiresOn: inDays(5), quantity: 1, binId: world.bins['AMB-1'], serials: [`${lotNumber}-S`] })));
    const runs = await Promise.all([markExpiredLots(db, inDays(5)), markExpiredLots(db, inDays(5)), markExpiredLots(db, inDays(5))]);
    expect(runs.flatMap((r) => r.expired.map((l) => l.lotNumber)).sort()).toEqual(['R1', 'R2', 'R3']);
    const audited = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'lot' AND action = 'expired'
          AND entity_id IN (SELECT id::text FROM lots WHERE lot_number IN ('R1', 'R2', 'R3'))`);
    expect(audited.rows[0]!.n).toBe(3);
  });
});
