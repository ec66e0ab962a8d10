import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { importForecasts } from '../forecasts/import-forecasts.ts';
import { receiveStockIn } from '../inventory/receive-stock.ts';
import { confirmedOrder, inDays, today } from '../inventory/stock.fixture.ts';
import { createBom } from './create-bom.ts';
import { loadPlanningData } from './load-planning-data.ts';
import { planningWorld, type PlanningWorld } from './planning.fixture.ts';
import { runPlanning } from './run-planning.ts';
import { setOrderPriority } from './set-order-priority.ts';
import { setPlanningParameters } from './set-planning-parameters.ts';

let db: TestDatabase;
let world: PlanningWorld;
let orderId: string;
let forecastId: string;
const actor = systemActor('test');
const nextMonth = (): string => {
  const d = new Date(`${today().slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

beforeAll(async () => {
  db = await createTestDatabase();
  world = await planningWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('plan3'))));
  await createBom(db, actor, { deviceId: world.kit.id, lines: [{ componentDeviceId: world.part.id, quantityPer: 2 }] });
  await setPlanningParameters(db, actor, world.part.id, { safetyStock: 20, inspectionDays: 3 });
  await writeTx(db, { actor }, (w) => receiveStockIn(w, { binId: world.bins['QC-1'], reason: 'purchase', lines: [{ deviceId: world.part.id, lotNumber: 'Q-1', expiresOn: inDays(300), quantity: 15 }] }, { today: today(), now: new Date() }));
  orderId = await confirmedOrder(db, world, [{ deviceId: world.kit.id, quantity: 8 }], { priority: 5 });
  await setOrderPriority(db, actor, orderId, { priority: 1, reason: 'line-down at the hospital' });
  const imported = await importForecasts(db, actor, [{ row: 1, customerId: world.hospital.id, deviceId: world.kit.id, period: nextMonth(), quantity: 30 }], { source: 'api', fieldOf: (e) => e.column });
  forecastId = imported.forecasts[0]!.id;
}, 180_000);
afterAll(async () => db?.close());

describe('planning data and a run over it', { timeout: 180_000 }, () => {
  it('loads order lines with the planner’s priority, open forecasts, quarantine stock on its release day and the planning parameters', async () => {
    const data = await db.transaction((tx) => loadPlanningData(tx, { today: today(), horizonDays: 90 }));
    expect(data.demands).toContainEqual({ deviceId: world.kit.id, date: inDays(14), quantity: 8, type: 'order_line', ref: `${orderId}/1`, priority: 1 });
    expect(data.demands).toContainEqual(expect.objectContaining({ deviceId: world.kit.id, date: `${nextMonth()}-01`, quantity: 30, type: 'forecast', ref: forecastId }));
    expect(data.supplies).toContainEqual(expect.objectContaining({ deviceId: world.part.id, type: 'quarantine', quantity: 15, date: inDays(3) }));
    expect(data.items.get(world.part.id)).toMatchObject({ makeOrBuy: 'buy', safetyStock: 20, inspectionDays: 3, deviceLeadTimeDays: 7 });
    expect(data.items.get(world.kit.id)).toMatchObject({ makeOrBuy: 'make', components: [{ deviceId: world.part.id, quantityPer: 2 }], routing: null });
  });

  it('plans make orders for the order and the forecast, and buys the parts less quarantine stock plus safety stock', async () => {
    const run = await runPlanning(db, actor, { today: today(), trigger: 'manual', horizonDays: 90 });
    expect(run).toMatchObject({ plannedOrders: { make: 2, buy: expect.any(Number) } });
    const { rows } = await db.query<{ kind: string; device_id: string; quantity: number; priority: number; pegging: Array<{ type: string; quantity: number }> }>(
      `SELECT kind, device_id, quantity, priority, pegging FROM planned_orders WHERE status = 'planned' ORDER BY due_date`);
    const kits = rows.filter((r) => r.device_id === world.kit.id);
    expect(kits.map((k) => [k.quantity, k.priority, k.pegging[0]!.type]).sort()).toEqual([[30, 5, 'forecast'], [8, 1, 'order_line']]);
    const parts = rows.filter((r) => r.device_id === world.part.id);
    const pegged = parts.flatMap((p) => p.pegging).reduce<Record<string, number>>((acc, g) => ({ ...acc, [g.type]: (acc[g.type] ?? 0) + g.quantity }), {});
    // 16 + 60 parts for the kits, 15 of them from quarantine; then 20 of safety stock.
    expect(pegged).toEqual({ planned_order: 61, safety_stock: 20 });
    const exceptions = await db.query<{ kind: string }>('SELECT kind FROM planning_exceptions WHERE run_id = $1', [run!.runId]);
    expect(exceptions.rows.map((e) => e.kind)).toContain('no_routing');
  });
});
