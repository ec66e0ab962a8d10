import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { drainOutboxOnce } from '../../platform/outbox/outbox-worker.ts';
import { confirmedOrder } from '../inventory/stock.fixture.ts';
import { createBom } from './create-bom.ts';
import { planOnOrderChange } from './plan-on-order-change.ts';
import { planningWorld, type PlanningWorld } from './planning.fixture.ts';

let db: TestDatabase;
let world: PlanningWorld;
const actor = systemActor('test');

const runs = async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM planning_runs WHERE status = 'completed' AND trigger = 'event'`)).rows[0]!.n;
/** Drains the whole outbox with only the planning handler; returns the failures. */
async function drainAll(): Promise<number> {
  let failed = 0;
  for (;;) {
    const r = await drainOutboxOnce(db, [planOnOrderChange], { workerId: 'test', batchSize: 100 });
    failed += r.dead + r.retried;
    if (r.claimed === 0) return failed;
  }
}
const planned = async () => (await db.query<{ quantity: number }>(`SELECT quantity FROM planned_orders WHERE status = 'planned' AND device_id = $1`, [world.kit.id])).rows;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await planningWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('plan1'))));
  await createBom(db, actor, { deviceId: world.kit.id, lines: [{ componentDeviceId: world.part.id, quantityPer: 3 }] });
}, 180_000);
afterAll(async () => db?.close());

describe('planning on order changes', { timeout: 180_000 }, () => {
  it('runs once for a burst of confirmed orders, seeing all of them, and again for a later order', async () => {
    for (const quantity of [5, 6, 7]) await confirmedOrder(db, world, [{ deviceId: world.kit.id, quantity }]);
    expect(await drainAll()).toBe(0);
    expect(await runs()).toBe(1);
    expect((await planned()).map((p) => p.quantity).sort((a, b) => a - b)).toEqual([5, 6, 7]);

    await confirmedOrder(db, world, [{ deviceId: world.kit.id, quantity: 9 }]);
    expect(await drainAll()).toBe(0);
    expect(await runs()).toBe(2);
    expect((await planned()).map((p) => p.quantity).sort((a, b) => a - b)).toEqual([5, 6, 7, 9]);
    const superseded = await db.query(`SELECT 1 FROM planned_orders WHERE status = 'cancelled' AND superseded_by_run IS NOT NULL`);
    expect(superseded.rows.length).toBeGreaterThan(0);
    const parts = await db.query<{ quantity: number }>(`SELECT sum(quantity)::int AS quantity FROM planned_orders WHERE status = 'planned' AND device_id = $1`, [world.part.id]);
    expect(parts.rows[0]!.quantity).toBe(27 * 3);
  });
});
