import { describe, expect, it } from 'vitest';
import { kpiNumber, type KpiAnswer } from './kpi-api';
import { kpiOption } from './kpi-option';

const answer = (over: Partial<KpiAnswer>): KpiAnswer => ({
  kpi: 'otif',
  from: '2026-01-01',
  to: '2026-01-31',
  groupBy: 'day',
  filters: { customerId: null, channel: null },
  restricted: false,
  unit: 'ratio',
  value: 0.8333,
  numerator: 5,
  denominator: 6,
  series: [],
  breakdown: [],
  snapshot: false,
  formula: { en: 'f', zh: '公式' },
  ...over,
});
type Drawn = { series: { type: string; data: unknown[] }[]; xAxis?: { data: string[] } };

describe('KPI numbers as people read them', () => {
  it('given a ratio, then a percentage with one decimal; given hours, then one decimal; given none, then null', () => {
    expect(kpiNumber(0.8333, 'ratio')).toBe(83.3);
    expect(kpiNumber(12.345, 'hours')).toBe(12.3);
    expect(kpiNumber(null, 'ratio')).toBeNull();
  });
});

describe('the chart of a KPI', () => {
  it('given a series and the line shape, then a line over the periods in percent', () => {
    const o = kpiOption(
      answer({
        series: [
          { period: '2026-10', value: 0.5, numerator: 1, denominator: 2 },
          { period: '2026-11', value: 1, numerator: 2, denominator: 2 },
        ],
      }),
      'line',
      '%',
      (k) => k,
    ) as Drawn;
    expect(o.xAxis?.data).toEqual(['2026-10', '2026-11']);
    expect(o.series[0]).toMatchObject({ type: 'line', data: [50, 100] });
  });
  it('given no series, then the breakdown as bars with translated keys', () => {
    const o = kpiOption(
      answer({
        unit: 'hours',
        breakdown: [{ key: 'receipt_to_ship', value: 20.04, numerator: null, denominator: 3 }],
      }),
      'line',
      'h',
      (k) => `[${k}]`,
    ) as Drawn;
    expect(o.xAxis?.data).toEqual(['[receipt_to_ship]']);
    expect(o.series[0]).toMatchObject({ type: 'bar', data: [20] });
  });
  it('given the pie shape, then one slice per breakdown row', () => {
    const o = kpiOption(
      answer({
        unit: 'orders',
        breakdown: [
          { key: 'edi', value: 2, numerator: 2, denominator: 5 },
          { key: 'portal', value: 3, numerator: 3, denominator: 5 },
        ],
      }),
      'pie',
      '',
      (k) => k,
    ) as Drawn;
    expect(o.series[0]).toMatchObject({
      type: 'pie',
      data: [
        { name: 'edi', value: 2 },
        { name: 'portal', value: 3 },
      ],
    });
  });
});
