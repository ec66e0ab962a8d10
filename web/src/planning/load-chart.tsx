import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { ChartCard } from '../dashboard/chart-card';
import type { LoadRow } from './planning-views';

/** Scheduled minutes against capacity per day, for one work centre. */
export function loadOption(rows: LoadRow[], names: { load: string; capacity: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [names.load, names.capacity] },
    grid: { left: 50, right: 16, top: 44, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => r.date) },
    yAxis: { type: 'value', name: 'min' },
    series: [
      {
        name: names.load,
        type: 'bar',
        data: rows.map((r) => ({
          value: r.loadMinutes,
          itemStyle: r.loadMinutes > r.capacityMinutes ? { color: '#cf222e' } : {},
        })),
      },
      { name: names.capacity, type: 'line', step: 'middle', data: rows.map((r) => r.capacityMinutes) },
    ],
  };
}

export function LoadChart({ code, rows }: { code: string; rows: LoadRow[] }) {
  const { t } = useTranslation('admin');
  const option = useMemo(
    () => loadOption(rows, { load: t('planning.load'), capacity: t('planning.capacity') }),
    [rows, t],
  );
  return (
    <ChartCard title={t('planning.loadOf', { code })} formula={t('planning.loadFormula')} option={option} />
  );
}
