import type { GroupBy, KpiPoint, KpiResult } from './kpi-types.ts';

/** A ratio to 4 decimals; null when nothing was counted (a 0/0 is not 0 %). */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The first day of the day/week (ISO, Monday)/month holding `date`. */
export function periodStart(date: string, groupBy: GroupBy): string {
  if (groupBy === 'day') return date;
  if (groupBy === 'month') return `${date.slice(0, 7)}-01`;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Counts hits over rows anchored on a date: the total and one point per period, oldest first. */
export function ratioOver(rows: ReadonlyArray<{ on: string; hit: boolean }>, groupBy: GroupBy): Pick<KpiResult, 'value' | 'numerator' | 'denominator' | 'series'> {
  const byPeriod = new Map<string, { numerator: number; denominator: number }>();
  for (const r of rows) {
    const key = periodStart(r.on, groupBy);
    const p = byPeriod.get(key) ?? { numerator: 0, denominator: 0 };
    p.denominator += 1;
    if (r.hit) p.numerator += 1;
    byPeriod.set(key, p);
  }
  const series: KpiPoint[] = [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([period, p]) => ({ period, ...p, value: ratio(p.numerator, p.denominator) }));
  const numerator = rows.filter((r) => r.hit).length;
  return { value: ratio(numerator, rows.length), numerator, denominator: rows.length, series };
}

/** Nearest-rank percentile (the smallest value with at least p of the values at or below it). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export const EXPIRY_BUCKETS = ['expired', 'lt30', 'lt90', 'lt180', 'gte180'] as const;

/** Days of shelf life left → bucket; a lot expires at the end of its expiry day. */
export function expiryBucket(daysLeft: number): (typeof EXPIRY_BUCKETS)[number] {
  if (daysLeft < 0) return 'expired';
  if (daysLeft < 30) return 'lt30';
  if (daysLeft < 90) return 'lt90';
  if (daysLeft < 180) return 'lt180';
  return 'gte180';
}

export const AGE_BUCKETS = ['lt1d', 'd1to3', 'd3to7', 'gte7d'] as const;

/** Hours a hold has been open → bucket. */
export function ageBucket(hours: number): (typeof AGE_BUCKETS)[number] {
  if (hours < 24) return 'lt1d';
  if (hours < 72) return 'd1to3';
  if (hours < 168) return 'd3to7';
  return 'gte7d';
}
