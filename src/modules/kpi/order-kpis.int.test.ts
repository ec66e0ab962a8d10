import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { shippedOrder, type ShippedOrderFixture } from '../fulfillment/shipment.fixture.ts';
import { inDays, receiveReleased, today } from '../inventory/stock.fixture.ts';
import { amendOrder } from '../orders/amend-order.ts';
import { newHoldId } from '../orders/apply-order-command.ts';
import { runOrderCommand } from '../orders/order-commands.ts';
import { placeOrder } from '../orders/place-order.ts';
import { createReturn } from '../returns/create-return.ts';
import { computeKpi } from './compute-kpi.ts';
import { kpiRequest } from './kpi-request.ts';
import type { KpiName } from './kpi-types.ts';
import type { KpiQueryInput } from './kpi-schemas.ts';

/*
 * Order KPIs over March 2026, from five orders made through the real use cases (placed, allocated,
 * picked, packed, reviewed, shipped, delivered; returns; an amendment; a hold). Their historical
 * dates (submitted/confirmed/shipped/delivered/packed timestamps, promised dates) are then set by
 * direct SQL updates, since the use cases stamp "now": that is the only thing SQL changes, besides
 * one shipment line of F loaded by SQL with a lot that has no certificate of conformity (the
 * shipping use case refuses that today; the perfect-order KPI must still catch it in old data).
 *
 *   order  due (promised/requested)   delivered    shipped-in  submitted→ship  →delivery  notes
 *   A      promised 03-10             03-10 ✓      full        48 h            122 h      perfect (delivered on the due day)
 *   B      promised 03-10             03-12 ✗      full        24 h            170 h      return wrong_item
 *   C      requested 03-20 (no prom.) 03-15 ✓      full        72 h            120 h      return damaged
 *   F      promised 03-10             03-06 ✓      full        12 h            24 h       a lot without CoC
 *   D      promised 03-25             —            —           —               —          channel console, amended, hold
 */
const actor = systemActor('kpi-test');
let db: TestDatabase;
let A: ShippedOrderFixture, B: ShippedOrderFixture, C: ShippedOrderFixture, F: ShippedOrderFixture;
let D: string;

const sql = (text: string, params: unknown[]) => db.query(text, params);
const kpi = (name: KpiName, q: KpiQueryInput = {}) =>
  readTx(db, (tx) => computeKpi(tx, name, kpiRequest({ from: '2026-03-01', to: '2026-03-31', ...q }, new Date()), new Date()));

async function history(orderId: string, h: { submitted: string; shipped?: string; delivered?: string; packed?: string; promised: string | null; requested: string; shipBy: string }) {
  await sql(`UPDATE orders SET submitted_at = $2, confirmed_at = $2::timestamptz + interval '1 hour', promised_date = $3, requested_date = $4 WHERE id = $1`,
    [orderId, h.submitted, h.promised, h.requested]);
  await sql(`UPDATE order_lines SET promise_basis = coalesce(promise_basis, '{}'::jsonb) || jsonb_build_object('shipDate', $2::text) WHERE order_id = $1`, [orderId, h.shipBy]);
  if (h.shipped) {
    await sql('UPDATE shipments SET shipped_at = $2, delivered_at = $3 WHERE order_id = $1', [orderId, h.shipped, h.delivered ?? null]);
    await sql('UPDATE shipment_lines SET shipped_at = $2 WHERE order_id = $1', [orderId, h.shipped]);
    await sql('UPDATE packages SET created_at = $2 WHERE order_id = $1', [orderId, h.packed]);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  const crypto = createFieldCrypto(parseKeyring(generateKeyLine('t')));
  A = await shippedOrder(db, crypto, { deliver: true });
  const world = A.world;
  B = await shippedOrder(db, crypto, { deliver: true, world });
  C = await shippedOrder(db, crypto, { deliver: true, world });
  F = await shippedOrder(db, crypto, { deliver: true, world });
  await receiveReleased(db, [{ deviceId: world.coldDevice.id, lotNumber: 'KPI-D', expiresOn: inDays(400), quantity: 50, binId: world.bins['COLD-1'] }]);
  const placed = await writeTx(db, { actor }, (w) => placeOrder(w, { customerId: world.hospital.id, requestedDate: inDays(14), lines: [{ deviceId: world.coldDevice.id, quantity: 5 }] }, { channel: 'console', today: today() }));
  D = placed.id;
  await amendOrder(db, actor, D, { customerId: world.hospital.id, requestedDate: inDays(14), lines: [{ deviceId: world.coldDevice.id, quantity: 6 }], reason: 'customer asked for one more' }, { today: today(), requestId: null });
  await runOrderCommand(db, actor, D, { type: 'place_hold', holdId: newHoldId(), holdType: 'credit', reason: 'over the credit limit' }, null);
  const ret = (o: ShippedOrderFixture, reason: 'damaged' | 'wrong_item') => writeTx(db, { actor }, (w) => createReturn(w, {
    shipmentId: o.shipmentId, lines: [{ deviceId: world.coldDevice.id, lotNumber: o.lotNumbers[0]!, quantity: 1, reason }],
  }, today()));
  await ret(B, 'wrong_item');
  await ret(C, 'damaged');
  // F also carried a lot with no certificate: shipping refuses that today, so the row is loaded the
  // way pre-go-live history is — straight into shipment_lines.
  const [noDocLot] = await receiveReleased(db, [{ deviceId: world.coldDevice.id, lotNumber: 'KPI-NODOC', expiresOn: inDays(400), quantity: 1, binId: world.bins['COLD-1'] }]);
  await sql(`INSERT INTO shipment_lines (shipment_id, order_id, line_no, device_id, lot_id, customer_id, quantity, shipped_at)
             SELECT shipment_id, order_id, line_no, device_id, $2, customer_id, 1, shipped_at FROM shipment_lines WHERE order_id = $1 LIMIT 1`,
    [F.orderId, noDocLot]);

  await history(A.orderId, { submitted: '2026-03-05T02:00Z', packed: '2026-03-06T02:00Z', shipped: '2026-03-07T02:00Z', delivered: '2026-03-10T04:00Z', promised: '2026-03-10', requested: '2026-03-12', shipBy: '2026-03-08' });
  await history(B.orderId, { submitted: '2026-03-05T02:00Z', packed: '2026-03-07T02:00Z', shipped: '2026-03-06T02:00Z', delivered: '2026-03-12T04:00Z', promised: '2026-03-10', requested: '2026-03-10', shipBy: '2026-03-05' });
  await history(C.orderId, { submitted: '2026-03-10T00:00Z', packed: '2026-03-12T04:00Z', shipped: '2026-03-13T00:00Z', delivered: '2026-03-15T00:00Z', promised: null, requested: '2026-03-20', shipBy: '2026-03-12' });
  await history(F.orderId, { submitted: '2026-03-05T00:00Z', packed: '2026-03-05T04:00Z', shipped: '2026-03-05T12:00Z', delivered: '2026-03-06T00:00Z', promised: '2026-03-10', requested: '2026-03-10', shipBy: '2026-03-04' });
  await history(D, { submitted: '2026-03-20T02:00Z', promised: '2026-03-25', requested: '2026-03-25', shipBy: '2026-03-24' });
}, 600_000);
afterAll(async () => db?.close());

describe('order KPIs over hand-computed fixtures', () => {
  it('OTIF: delivered in full by the promised (else requested) date', async () => {
    // Due in March: A, B, C, D, F = 5. On time in full: A (03-10 ≤ 03-10, the due day itself), C (03-15 ≤ requested 03-20), F (03-06 ≤ 03-10) = 3.
    // B delivered 03-12 > 03-10; D not delivered. 3 / 5 = 0.6.
    const a = await kpi('otif');
    expect([a.numerator, a.denominator, a.value]).toEqual([3, 5, 0.6]);
    expect(a.formula.en).toContain('promised delivery date, else the requested date');
    expect(a.formula.zh).toContain('承诺交货日期');
    expect(a.items?.find((i) => i.orderId === C.orderId)).toMatchObject({ dueBasis: 'requested', dueDate: '2026-03-20', hit: true });
    // Weeks (Monday first): 03-09 holds A, B, F → 2/3; 03-16 holds C → 1/1; 03-23 holds D → 0/1.
    const w = await kpi('otif', { groupBy: 'week' });
    expect(w.series).toEqual([
      { period: '2026-03-09', numerator: 2, denominator: 3, value: 0.6667 },
      { period: '2026-03-16', numerator: 1, denominator: 1, value: 1 },
      { period: '2026-03-23', numerator: 0, denominator: 1, value: 0 },
    ]);
    // Channel api only leaves out D (console): 3 / 4 = 0.75. A period with nothing due: null, not 0.
    expect((await kpi('otif', { channel: 'api' })).value).toBe(0.75);
    expect(await kpi('otif', { from: '2026-04-01', to: '2026-04-30' })).toMatchObject({ numerator: 0, denominator: 0, value: null, series: [] });
  });

  it('perfect order rate: OTIF, every shipped lot certified, nothing returned damaged', async () => {
    // OTIF hits A, C, F; C has a damaged return, F carried a lot without certificate → only A. 1 / 5 = 0.2.
    const a = await kpi('perfect-order-rate');
    expect([a.numerator, a.denominator, a.value]).toEqual([1, 5, 0.2]);
    expect(a.items!.filter((i) => i.hit).map((i) => i.orderId)).toEqual([A.orderId]);
  });

  it('order error rate: amended after submission or returned as wrong item', async () => {
    // Submitted in March: A, B, C, D, F = 5. D amended (version 2), B returned wrong_item → 2 / 5 = 0.4.
    const a = await kpi('order-error-rate');
    expect([a.numerator, a.denominator, a.value]).toEqual([2, 5, 0.4]);
    expect(a.items!.map((i) => i.orderId).sort()).toEqual([B.orderId, D].sort());
  });

  it('order cycle time: p50/p90 hours by nearest rank', async () => {
    // Receipt → ship: [12, 24, 48, 72] → p50 = 2nd = 24, p90 = ceil(3.6) = 4th = 72 (D has not shipped).
    // Receipt → delivery: [24, 120, 122, 170] → p50 = 2nd = 120, p90 = 170.
    const a = await kpi('order-cycle-time');
    expect(a.value).toBe(24);
    expect(a.breakdown).toEqual([
      { key: 'receipt_to_ship', value: 24, numerator: null, denominator: 4, details: { p50: 24, p90: 72 } },
      { key: 'receipt_to_delivery', value: 120, numerator: null, denominator: 4, details: { p50: 120, p90: 170 } },
    ]);
  });

  it('auto-confirmed share: confirmed with no hold and no approval', async () => {
    // Confirmed in March: A, B, C, D, F = 5; D had a credit hold → 4 / 5 = 0.8.
    const a = await kpi('auto-confirmed-share');
    expect([a.numerator, a.denominator, a.value]).toEqual([4, 5, 0.8]);
  });

  it('on-time stock preparation: packed by the promised ship date', async () => {
    // Lines due to ship in March: A (packed 03-06 ≤ 03-08 ✓), B (03-07 > 03-05 ✗), C (03-12 12:00 local ≤ 03-12 ✓),
    // F (03-05 > 03-04 ✗), D (not packed ✗) → 2 / 5 = 0.4.
    const a = await kpi('on-time-preparation');
    expect([a.numerator, a.denominator, a.value]).toEqual([2, 5, 0.4]);
  });

  it('orders by channel: counts and shares of orders submitted in the period', async () => {
    // api: A, B, C, F = 4 → 4/5 = 0.8; console: D = 1 → 0.2.
    const a = await kpi('orders-by-channel');
    expect(a.value).toBe(5);
    expect(a.breakdown).toEqual([
      { key: 'api', value: 4, numerator: 4, denominator: 5, details: { share: 0.8 } },
      { key: 'console', value: 1, numerator: 1, denominator: 5, details: { share: 0.2 } },
    ]);
  });

  it('filters by customer: another customer’s id sees none of these orders', async () => {
    const a = await kpi('otif', { customerId: '00000000-0000-7000-8000-000000000000' });
    expect([a.numerator, a.denominator]).toEqual([0, 0]);
    const mine = await kpi('otif', { customerId: A.world.hospital.id });
    expect([mine.numerator, mine.denominator]).toEqual([3, 5]);
  });

  it('a period that ends before it starts is refused on field from', () => {
    expect(() => kpiRequest({ from: '2026-03-31', to: '2026-03-01' }, new Date())).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'from' }));
    expect(() => kpiRequest({ from: '2000-01-01', to: '2026-03-01' }, new Date())).toThrow(expect.objectContaining({ field: 'to' }));
  });
});
