import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { allocateOrder } from '../inventory/allocate-order.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today, type StockWorld } from '../inventory/stock.fixture.ts';
import { checkDatabase, type CheckReport } from './check-database.ts';

let db: TestDatabase;
let world: StockWorld;
let lotId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
  lotId = (await receiveReleased(db, [{ deviceId: world.gauze.id, lotNumber: 'CHK-1', expiresOn: inDays(200), quantity: 10, binId: world.bins['AMB-1'] }]))[0]!;
  const orderId = await confirmedOrder(db, world, [{ deviceId: world.gauze.id, quantity: 4 }], { requestedDate: today() });
  await allocateOrder(db, systemActor('test'), orderId, { earliestShipDate: today() });
});
afterAll(() => db.close());

const failing = (r: CheckReport) => r.checks.filter((c) => !c.ok).map((c) => c.name);

describe('lotline check: the invariants on a live database', () => {
  it('finds nothing wrong with stock received and allocated through the use cases', async () => {
    const report = await checkDatabase(db);
    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['ledger_equals_balances', 'audit_chain', 'allocations_on_allowed_lots']));
  });

  it('names a balance changed without a move (invariant 7) and an allocation left on a blocked lot (invariant 1)', async () => {
    await db.exec(`UPDATE stock_balances SET on_hand = on_hand + 3 WHERE lot_id = '${lotId}'`);
    await db.exec(`UPDATE lots SET status = 'blocked' WHERE id = '${lotId}'`);
    const report = await checkDatabase(db);
    expect(report.ok).toBe(false);
    expect(failing(report)).toEqual(['ledger_equals_balances', 'allocations_on_allowed_lots']);
    const ledger = report.checks.find((c) => c.name === 'ledger_equals_balances')!;
    expect(ledger.sample).toEqual([expect.objectContaining({ lotId, balanceOnHand: 13, ledgerOnHand: 10 })]);
  });

  it('names an altered audit record (invariant 5)', async () => {
    await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET reason = 'rewritten' WHERE seq = (SELECT min(seq) FROM audit_log);
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
    const audit = (await checkDatabase(db)).checks.find((c) => c.name === 'audit_chain')!;
    expect(audit).toMatchObject({ ok: false, count: 1, sample: [expect.objectContaining({ brokenSeq: expect.any(Number) })] });
  });
});
