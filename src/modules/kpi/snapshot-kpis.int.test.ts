import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { allocateOrder } from '../inventory/allocate-order.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, type StockWorld } from '../inventory/stock.fixture.ts';
import { newHoldId } from '../orders/apply-order-command.ts';
import { releaseHold, runOrderCommand } from '../orders/order-commands.ts';
import { computeKpi } from './compute-kpi.ts';
import { kpiRequest } from './kpi-request.ts';
import type { KpiName } from './kpi-types.ts';
import type { KpiQueryInput } from './kpi-schemas.ts';

/*
 * The snapshot KPIs (taken now; the period does not select rows) over stock received and orders
 * placed through the real use cases. Dates the use cases stamp "now" are moved by direct SQL:
 * one lot's expiry (and the status the nightly expiry job would give it), the holds' placed_at,
 * and the promised ship / delivery dates of order lines.
 *
 *   lot        device            on hand  shelf life left        bucket
 *   X1         reagent (II)      5        10 days                lt30
 *   X2         reagent (II)      7        60 days                lt90
 *   X3         reagent (II)      100      400 days               gte180
 *   X4         reagent (II)      3        −2 days (set by SQL)   expired
 *   S1         stent (III)       2        700 days               gte180
 */
const actor = systemActor('kpi-test');
let db: TestDatabase;
let world: StockWorld;
let D: string, E: string, G: string, H: string;

const sql = (text: string, params: unknown[]) => db.query(text, params);
const kpi = (name: KpiName, q: KpiQueryInput = {}) =>
  readTx(db, (tx) => computeKpi(tx, name, kpiRequest(q, new Date()), new Date()));
const hold = (orderId: string, holdType: 'credit' | 'price' | 'anomaly') =>
  runOrderCommand(db, actor, orderId, { type: 'place_hold', holdId: newHoldId(), holdType, reason: `test ${holdType}` }, null);
const promise = (orderId: string, shipBy: string, promised: string) =>
  sql(`UPDATE order_lines SET promised_date = $3, promise_basis = coalesce(promise_basis, '{}'::jsonb) || jsonb_build_object('shipDate', $2::text) WHERE order_id = $1`,
    [orderId, shipBy, promised]);

beforeAll(async () => {
  db = await createTestDatabase();
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t'))));
  const cold = world.bins['COLD-1'];
  const reagent = world.coldDevice.id;
  const [, , , x4] = await receiveReleased(db, [
    { deviceId: reagent, lotNumber: 'X1', expiresOn: inDays(10), quantity: 5, binId: cold },
    { deviceId: reagent, lotNumber: 'X2', expiresOn: inDays(60), quantity: 7, binId: cold },
    { deviceId: reagent, lotNumber: 'X3', expiresOn: inDays(400), quantity: 100, binId: cold },
    { deviceId: reagent, lotNumber: 'X4', expiresOn: inDays(120), quantity: 3, binId: cold },
    { deviceId: world.stent.id, lotNumber: 'S1', expiresOn: inDays(700), quantity: 2, binId: world.bins['AMB-1'], serials: ['S1-1', 'S1-2'] },
  ]);
  await sql(`UPDATE lots SET expires_on = $2, status = 'expired' WHERE id = $1`, [x4, inDays(-2)]);

  D = await confirmedOrder(db, world, [{ deviceId: reagent, quantity: 5 }]);
  E = await confirmedOrder(db, world, [{ deviceId: reagent, quantity: 4 }]);
  G = await confirmedOrder(db, world, [{ deviceId: reagent, quantity: 2 }]);
  H = await confirmedOrder(db, world, [{ deviceId: reagent, quantity: 1 }]);
  await allocateOrder(db, actor, G, { earliestShipDate: shippingDates().earliestShipDate });
  // Allocation promises G for its requested date; move its ship date to 2 days out, as a promise made for an earlier request.
  await promise(G, inDays(2), inDays(4));
  await promise(D, inDays(-3), inDays(-1));
  await promise(E, inDays(30), inDays(32));
  await promise(H, inDays(30), inDays(10));

  await hold(D, 'credit');
  await hold(E, 'price');
  await hold(H, 'anomaly');
  const anomaly = (await sql('SELECT id FROM order_holds WHERE order_id = $1', [H])).rows[0] as { id: string };
  await releaseHold(db, actor, H, anomaly.id, 'checked', null);
  await sql(`UPDATE order_holds SET placed_at = now() - interval '50 hours' WHERE order_id = $1`, [D]);
  await sql(`UPDATE order_holds SET placed_at = now() - interval '200 hours' WHERE order_id = $1`, [E]);
}, 600_000);
afterAll(async () => db?.close());

describe('snapshot KPIs over hand-computed fixtures', () => {
  it('inventory by expiry bucket: units by shelf life left', async () => {
    // expired X4 = 3; < 30: X1 = 5; < 90: X2 = 7; < 180: none; ≥ 180: X3 + S1 = 100 + 2 = 102. Total 117.
    const a = await kpi('inventory-by-expiry');
    expect(a.snapshot).toBe(true);
    expect(a.value).toBe(117);
    expect(a.breakdown.map((r) => [r.key, r.value, r.denominator])).toEqual([
      ['expired', 3, 117], ['lt30', 5, 117], ['lt90', 7, 117], ['lt180', 0, 117], ['gte180', 102, 117],
    ]);
  });

  it('inventory structure: units by device class, category and lot status', async () => {
    // Class II reagent 5 + 7 + 100 + 3 = 115, class III stent 2; X4 expired (3), the rest released (114).
    const a = await kpi('inventory-structure');
    expect(a.breakdown.map((r) => [r.key, r.value])).toEqual([
      ['class:II', 115], ['class:III', 2], ['category:13-07-01', 2], ['category:22-01-01', 115], ['status:expired', 3], ['status:released', 114],
    ]);
  });

  it('holds by type and age: open holds only, bucketed by hours since placed', async () => {
    // Open: D credit placed 50 h ago (1–3 days), E price 200 h ago (≥ 7 days); H's anomaly hold was released. Total 2.
    const a = await kpi('holds-by-type-age');
    expect(a.value).toBe(2);
    expect(a.breakdown.find((r) => r.key === 'credit')).toMatchObject({ value: 1, details: { lt1d: 0, d1to3: 1, d3to7: 0, gte7d: 0 } });
    expect(a.breakdown.find((r) => r.key === 'price')).toMatchObject({ value: 1, details: { lt1d: 0, d1to3: 0, d3to7: 0, gte7d: 1 } });
    expect(a.breakdown.find((r) => r.key === 'anomaly')).toMatchObject({ value: 0 });
    expect((await kpi('holds-by-type-age', { customerId: '00000000-0000-7000-8000-000000000000' })).value).toBe(0);
  });

  it('orders at risk: due to ship within N days and not allocated / not picked, or promised after requested', async () => {
    // Open lines: D, E, G, H = 4. D ships by 3 days ago, nothing allocated → not_allocated; G allocated, due to ship
    // within days, not picked → not_picked; E promised in 32 days > requested in 14 → promise_after_request;
    // H ships in 30 days, promised (10 days) before requested (14) → fine. 3 / 4.
    const a = await kpi('orders-at-risk', { days: 7 });
    expect([a.value, a.numerator, a.denominator]).toEqual([3, 3, 4]);
    expect(a.breakdown.map((r) => [r.key, r.value])).toEqual([['not_allocated', 1], ['not_picked', 1], ['promise_after_request', 1]]);
    expect(Object.fromEntries(a.items!.map((i) => [i.orderId, i.reason]))).toEqual({ [D]: 'not_allocated', [G]: 'not_picked', [E]: 'promise_after_request' });
  });
});
