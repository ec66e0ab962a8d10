import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { allocateOrder, type AllocationOutcome } from './allocate-order.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today, type StockWorld } from './stock.fixture.ts';
import { verifyLedger } from './verify-ledger.ts';

let db: TestDatabase;
let world: StockWorld;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
});
afterAll(() => db.close());

describe('allocating under concurrency (invariant 2)', () => {
  it('never allocates more than is on hand and loses no unit: 50 orders at once against one scarce lot', async () => {
    const lotNumber = 'SCARCE-1';
    const [lotId] = await receiveReleased(db, [
      { deviceId: world.gauze.id, lotNumber, expiresOn: inDays(500), quantity: 35, binId: world.bins['AMB-1'] },
      { deviceId: world.gauze.id, lotNumber, expiresOn: inDays(500), quantity: 25, binId: world.bins['AMB-2'] },
    ]);
    const orderIds: string[] = [];
    for (let i = 0; i < 50; i++) orderIds.push(await confirmedOrder(db, world, [{ deviceId: world.gauze.id, quantity: 2 }], { externalPo: `CONC-${i}` }));

    // On PostgreSQL these run at once on the pool's connections; on PGlite they serialise.
    const settled = await Promise.allSettled(orderIds.map((id) => allocateOrder(db, systemActor('test'), id, { earliestShipDate: today() })));
    const failures = settled.filter((s) => s.status === 'rejected');
    expect(failures).toEqual([]);
    const outcomes = settled.map((s) => (s as PromiseFulfilledResult<AllocationOutcome>).value);

    const allocated = (o: AllocationOutcome) => o.allocations.reduce((n, a) => n + a.quantity, 0);
    const backOrdered = (o: AllocationOutcome) => o.backOrders.reduce((n, b) => n + b.quantity, 0);
    expect(outcomes.map((o) => allocated(o) + backOrdered(o))).toEqual(orderIds.map(() => 2));
    expect(outcomes.reduce((n, o) => n + allocated(o), 0)).toBe(60);
    expect(outcomes.filter((o) => o.status === 'allocated')).toHaveLength(30);

    const balances = await db.query<{ on_hand: number; allocated: number }>('SELECT on_hand, allocated FROM stock_balances WHERE lot_id = $1', [lotId]);
    expect(balances.rows.every((b) => b.allocated <= b.on_hand)).toBe(true);
    expect(balances.rows.reduce((n, b) => n + b.allocated, 0)).toBe(60);
    const lines = await db.query<{ qty_allocated: number }>('SELECT qty_allocated FROM order_lines WHERE order_id = ANY($1::uuid[])', [orderIds]);
    expect(lines.rows.reduce((n, l) => n + l.qty_allocated, 0)).toBe(60);
    expect(await readTx(db, verifyLedger)).toEqual([]);
  }, 240_000);
});
