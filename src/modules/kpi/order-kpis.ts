import type { GroupBy, KpiResult } from './kpi-types.ts';
import type { OrderFacts } from './load-order-facts.ts';
import { percentile, ratioOver, round1 } from './kpi-math.ts';

/** Pure formulas over OrderFacts rows; the formula texts in formula-texts.ts say the same in words. */

export const isOnTimeInFull = (o: OrderFacts): boolean =>
  o.dueDate !== null && o.deliveredInFull && o.lastDeliveredOn !== null && o.lastDeliveredOn <= o.dueDate;

export const isPerfect = (o: OrderFacts): boolean => isOnTimeInFull(o) && o.documentsComplete && !o.returnedDamaged;

export const isErroneous = (o: OrderFacts): boolean => o.version > 1 || o.returnedWrongItem;

export const isAutoConfirmed = (o: OrderFacts): boolean => o.confirmedOn !== null && !o.touched;

const item = (o: OrderFacts, hit: boolean) => ({ orderId: o.id, number: o.number, hit });

/** Orders due in the period (OTIF, perfect order). */
export function dueRatio(rows: readonly OrderFacts[], groupBy: GroupBy, test: (o: OrderFacts) => boolean): KpiResult {
  const due = rows.filter((o) => o.dueDate !== null);
  return {
    unit: 'ratio', breakdown: [], ...ratioOver(due.map((o) => ({ on: o.dueDate!, hit: test(o) })), groupBy),
    items: due.map((o) => ({ ...item(o, test(o)), dueDate: o.dueDate, dueBasis: o.dueBasis, lastDeliveredOn: o.lastDeliveredOn })),
  };
}

/** Orders submitted in the period (order error rate). */
export function submittedRatio(rows: readonly OrderFacts[], groupBy: GroupBy, test: (o: OrderFacts) => boolean): KpiResult {
  const sub = rows.filter((o) => o.submittedOn !== null);
  return {
    unit: 'ratio', breakdown: [], ...ratioOver(sub.map((o) => ({ on: o.submittedOn!, hit: test(o) })), groupBy),
    items: sub.filter(test).map((o) => ({ ...item(o, true), amended: o.version > 1, returnedWrongItem: o.returnedWrongItem })),
  };
}

/** Orders confirmed in the period (auto-confirmed share). */
export function confirmedRatio(rows: readonly OrderFacts[], groupBy: GroupBy): KpiResult {
  const conf = rows.filter((o) => o.confirmedOn !== null);
  return { unit: 'ratio', breakdown: [], ...ratioOver(conf.map((o) => ({ on: o.confirmedOn!, hit: isAutoConfirmed(o) })), groupBy) };
}

const stats = (key: string, hours: number[]) => ({
  key, value: nullable(percentile(hours, 0.5)), numerator: null, denominator: hours.length,
  details: { p50: nullable(percentile(hours, 0.5)), p90: nullable(percentile(hours, 0.9)) },
});
const nullable = (n: number | null) => (n === null ? null : round1(n));

/** Receipt (submission) → last shipment and → last proof of delivery, over orders submitted in the period. */
export function cycleTime(rows: readonly OrderFacts[]): KpiResult {
  const toShip = rows.filter((o) => o.shippedInFull && o.hoursToShip !== null).map((o) => o.hoursToShip!);
  const toDeliver = rows.filter((o) => o.deliveredInFull && o.hoursToDeliver !== null).map((o) => o.hoursToDeliver!);
  const ship = stats('receipt_to_ship', toShip);
  return {
    unit: 'hours', value: ship.value, numerator: null, denominator: toShip.length, series: [],
    breakdown: [ship, stats('receipt_to_delivery', toDeliver)],
  };
}

/** Orders submitted in the period, counted by channel; the share of each over all. */
export function byChannel(rows: readonly OrderFacts[]): KpiResult {
  const counts = new Map<string, number>();
  for (const o of rows) counts.set(o.channel, (counts.get(o.channel) ?? 0) + 1);
  const breakdown = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => ({
    key, value: n, numerator: n, denominator: rows.length, details: { share: rows.length ? Math.round((n / rows.length) * 10_000) / 10_000 : null },
  }));
  return { unit: 'orders', value: rows.length, numerator: null, denominator: null, series: [], breakdown };
}
