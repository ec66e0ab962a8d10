import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from './echart';
import '../admin/admin.css';

/** A titled chart whose formula (in the reader's language) shows on hover or keyboard focus. */
export function ChartCard({
  title,
  formula,
  option,
  children,
}: {
  title: string;
  formula: string;
  option: EChartsCoreOption;
  children?: ReactNode;
}) {
  const { t } = useTranslation('admin');
  return (
    <section className="chart-card" data-testid="chart-card">
      <h2>
        {title}
        {formula && (
          <span className="formula" tabIndex={0} aria-label={t('kpi.formula')}>
            ƒ<span role="tooltip">{formula}</span>
          </span>
        )}
      </h2>
      {children}
      <EChart option={option} label={title} />
    </section>
  );
}
