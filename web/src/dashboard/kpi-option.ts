import type { EChartsCoreOption } from 'echarts/core';
import { kpiNumber, type KpiAnswer } from './kpi-api';

/** How one KPI is drawn: its series over time, or its breakdown as bars or a pie. */
export type KpiShape = 'line' | 'bar' | 'pie';

export function kpiOption(
  a: KpiAnswer,
  shape: KpiShape,
  unitLabel: string,
  keyLabel: (k: string) => string,
): EChartsCoreOption {
  const useSeries = shape === 'line' && a.series.length > 0;
  const points = useSeries
    ? a.series.map((p) => ({ name: p.period, value: kpiNumber(p.value, a.unit) }))
    : a.breakdown.map((r) => ({ name: keyLabel(r.key), value: kpiNumber(r.value, a.unit) }));
  if (shape === 'pie')
    return {
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => `${String(v)} ${unitLabel}` },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: points }],
    };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v ?? '—')} ${unitLabel}` },
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.name),
      axisLabel: { interval: 0, rotate: points.length > 4 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: unitLabel },
    series: [{ type: useSeries ? 'line' : 'bar', data: points.map((p) => p.value), smooth: useSeries }],
  };
}
