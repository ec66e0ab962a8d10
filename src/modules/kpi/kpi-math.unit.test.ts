import { describe, expect, it } from 'vitest';
import { ageBucket, expiryBucket, percentile, periodStart, ratio, ratioOver } from './kpi-math.ts';
import { wipTurnover } from './wip.ts';

describe('kpi math', () => {
  it('given a date, when grouped, then the period starts on that day, the ISO week’s Monday, or the 1st', () => {
    expect(periodStart('2026-03-15', 'day')).toBe('2026-03-15');
    expect(periodStart('2026-03-15', 'week')).toBe('2026-03-09'); // a Sunday belongs to the week from Monday 9th
    expect(periodStart('2026-03-09', 'week')).toBe('2026-03-09');
    expect(periodStart('2026-01-01', 'week')).toBe('2025-12-29'); // across the year
    expect(periodStart('2026-03-15', 'month')).toBe('2026-03-01');
  });

  it('given counts, when nothing was counted, then the ratio is null, else rounded to 4 decimals', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(0, 5)).toBe(0);
  });

  it('given hits on dates, when grouped by month, then each month counts its own rows, oldest first', () => {
    const r = ratioOver([{ on: '2026-04-02', hit: true }, { on: '2026-03-31', hit: false }, { on: '2026-03-01', hit: true }], 'month');
    expect(r).toEqual({
      value: 0.6667, numerator: 2, denominator: 3,
      series: [{ period: '2026-03-01', numerator: 1, denominator: 2, value: 0.5 }, { period: '2026-04-01', numerator: 1, denominator: 1, value: 1 }],
    });
  });

  it('given values, when a percentile is asked, then it is the nearest rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([72, 12, 48, 24], 0.5)).toBe(24); // ceil(0.5 × 4) = 2nd of 12, 24, 48, 72
    expect(percentile([72, 12, 48, 24], 0.9)).toBe(72); // ceil(3.6) = 4th
    expect(percentile([5], 0.9)).toBe(5);
  });

  it('given days of shelf life left, then the bucket edges are exclusive above', () => {
    expect([-1, 0, 29, 30, 89, 90, 179, 180].map(expiryBucket)).toEqual(['expired', 'lt30', 'lt30', 'lt90', 'lt90', 'lt180', 'lt180', 'gte180']);
  });

  it('given hours a hold is open, then its age bucket', () => {
    expect([0, 23.9, 24, 71.9, 72, 167.9, 168].map(ageBucket)).toEqual(['lt1d', 'lt1d', 'd1to3', 'd1to3', 'd3to7', 'd3to7', 'gte7d']);
  });

  it('given WIP and output, then turnover days = WIP ÷ (output ÷ days), null with no output', () => {
    const r = wipTurnover([{ code: 'A', openOrders: 1, wipUnits: 30, output: 60 }, { code: 'B', openOrders: 1, wipUnits: 3, output: 0 }], { wipUnits: 30, output: 60 }, 30);
    expect(r.value).toBe(15); // 30 ÷ (60 ÷ 30) = 15
    expect(r.breakdown.map((b) => b.value)).toEqual([15, null]);
  });
});
