import { describe, expect, it } from 'vitest';
import { loadOption } from './load-chart';
import type { LoadRow } from './planning-views';

const row = (date: string, loadMinutes: number, capacityMinutes = 480): LoadRow => ({
  workCentreId: 'wc',
  workCentreCode: 'WC-ASM',
  date,
  capacityMinutes,
  loadMinutes,
  utilisationPct: 0,
});

describe('the load chart of a work centre', () => {
  it('given days under and over capacity, then bars of load (an overloaded day in red) and a capacity line', () => {
    const o = loadOption([row('2026-11-26', 300), row('2026-11-27', 600)], { load: 'L', capacity: 'C' }) as {
      xAxis: { data: string[] };
      series: { type: string; data: unknown[] }[];
    };
    expect(o.xAxis.data).toEqual(['2026-11-26', '2026-11-27']);
    expect(o.series[0]).toMatchObject({
      type: 'bar',
      data: [
        { value: 300, itemStyle: {} },
        { value: 600, itemStyle: { color: '#cf222e' } },
      ],
    });
    expect(o.series[1]).toMatchObject({ type: 'line', data: [480, 480] });
  });
});
