import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../components/use-load';
import { ErrorBox } from '../components/feedback';
import { bi } from '../i18n/i18n';
import { ChartCard } from './chart-card';
import { fetchKpi, kpiNumber, type KpiFilters } from './kpi-api';
import { kpiOption, type KpiShape } from './kpi-option';

/** One KPI: the headline value, the chart, and the formula (from the API, in the reader's language) on hover. */
export function KpiPanel({ name, shape, filters }: { name: string; shape: KpiShape; filters: KpiFilters }) {
  const { t, i18n } = useTranslation('admin');
  const kpi = useLoad(() => fetchKpi(name, filters), [name, JSON.stringify(filters)]);
  const a = kpi.data;
  const unit = a ? t(`kpi.units.${a.unit}`) : '';
  const option = useMemo(
    () => (a ? kpiOption(a, shape, unit, (k) => t(`kpi.keys.${k}`, { defaultValue: k })) : {}),
    [a, shape, unit, t],
  );
  return (
    <ChartCard title={t(`kpi.names.${name}`)} formula={bi(a?.formula, i18n.language)} option={option}>
      <ErrorBox error={kpi.error} />
      <div className="kpi-value" data-testid={`kpi-${name}`}>
        {a ? `${kpiNumber(a.value, a.unit) ?? '—'} ${unit}` : '…'}
        {a?.snapshot && <span className="small muted"> · {t('kpi.snapshot')}</span>}
      </div>
    </ChartCard>
  );
}
