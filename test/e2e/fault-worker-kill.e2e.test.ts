import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { writeTx } from '../../src/platform/unit-of-work.ts';
import { allocateOrder } from '../../src/modules/inventory/allocate-order.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, today } from '../../src/modules/inventory/stock.fixture.ts';
import { applyOrderCommands } from '../../src/modules/orders/apply-order-command.ts';
import { checkDatabase } from '../../src/modules/integrity/check-database.ts';
import { startCli, stopChild } from '../helpers/run-cli.ts';

/**
 * A worker killed (SIGKILL) in the middle of draining the outbox: its leased events wait out the
 * lease, another worker takes them, and every event is handled once — the cancelled orders'
 * allocations are released exactly once (a second release would drive `allocated` below zero,
 * which the balance CHECK refuses), and the data's invariants hold.
 */
const ORDERS = 150;
const actor = systemActor('fault-test');
let db: TestDatabase;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  db = await createTestDatabase();
  const world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
  await receiveReleased(db, [{ deviceId: world.gauze.id, lotNumber: 'KILL-1', expiresOn: inDays(400), quantity: ORDERS * 2, binId: world.bins['AMB-1'] }]);
  const ids: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const id = await confirmedOrder(db, world, [{ deviceId: world.gauze.id, quantity: 2 }], { requestedDate: today() });
    await allocateOrder(db, actor, id, { earliestShipDate: today() });
    ids.push(id);
  }
  // Everything so far is handled: only the cancellations below are left for the workers.
  await db.query(`UPDATE outbox_events SET status = 'done', handled_at = now() WHERE status = 'pending'`);
  for (const id of ids) await writeTx(db, { actor }, (w) => applyOrderCommands(w, id, [{ type: 'cancel', reason: 'fault test' }]));
}, 600_000);
afterAll(() => db?.close());

const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0]!.n);

describe.runIf(process.env.DATABASE_URL)('a worker killed while handling outbox events', { timeout: 600_000 }, () => {
  it('leaves every event handled once by the next worker', async () => {
    const pending = await count(`SELECT count(*)::int AS n FROM outbox_events WHERE status = 'pending'`);
    expect(pending).toBeGreaterThanOrEqual(ORDERS);
    const env = { DATABASE_URL: db.url!, LOTLINE_OUTBOX_LEASE_MS: '3000' };
    const worker = (await startCli(['worker'], env, /outbox worker \S+ running/, 60_000)).child;
    // Kill it once it is part-way through: some events handled, most not.
    for (let i = 0; i < 600 && (await count(`SELECT count(*)::int AS n FROM outbox_events WHERE status = 'done' AND handled_by IS NOT NULL AND handled_at > now() - interval '10 minutes'`)) < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    worker.kill('SIGKILL');
    await stopChild(worker);
    const left = await count(`SELECT count(*)::int AS n FROM outbox_events WHERE status = 'pending'`);
    expect(left, 'the worker was killed after the work was done; kill it earlier').toBeGreaterThan(0);

    const next = await startCli(['worker'], env, /outbox worker \S+ running/, 60_000);
    try {
      for (let i = 0; i < 600 && (await count(`SELECT count(*)::int AS n FROM outbox_events WHERE status <> 'done'`)) > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await stopChild(next.child);
    }
    expect(await count(`SELECT count(*)::int AS n FROM outbox_events WHERE status <> 'done'`)).toBe(0);
    expect(await count(`SELECT coalesce(sum(allocated), 0)::int AS n FROM stock_balances`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM allocations WHERE status <> 'released'`)).toBe(0);
    const report = await checkDatabase(db);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual([]);
  });
});
