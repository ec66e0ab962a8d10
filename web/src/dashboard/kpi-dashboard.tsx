import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { CHANNELS, type KpiFilters } from './kpi-api';
import { KpiPanel } from './kpi-panel';
import type { KpiShape } from './kpi-option';
import '../admin/admin.css';

const PANELS: { name: string; shape: KpiShape }[] = [
  { name: 'otif', shape: 'line' },
  { name: 'perfect-order-rate', shape: 'line' },
  { name: 'order-cycle-time', shape: 'line' },
  { name: 'auto-confirmed-share', shape: 'line' },
  { name: 'orders-by-channel', shape: 'pie' },
  { name: 'holds-by-type-age', shape: 'bar' },
  { name: 'inventory-by-expiry', shape: 'bar' },
  { name: 'lot-quality', shape: 'bar' },
  { name: 'orders-at-risk', shape: 'bar' },
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const defaults = (): KpiFilters => ({
  from: iso(new Date(Date.now() - 89 * 86_400_000)),
  to: iso(new Date()),
  groupBy: 'month',
  customerId: '',
  channel: '',
});

/** The KPI dashboard: one chart per KPI for the chosen period, customer and channel. */
export function KpiDashboard() {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<KpiFilters>(defaults);
  const [filters, setFilters] = useState<KpiFilters>(draft);
  const customers = useLoad(
    () =>
      api.get('/api/v1/parties', { query: { kind: 'customer', limit: 200 } }),
    [],
  );
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
  };
  const set =
    (k: keyof KpiFilters) =>
    ({ target: { value } }: { target: { value: string } }) =>
      setDraft((prev) => ({ ...prev, [k]: value }));
  return (
    <section>
      <h1>{t('kpi.title')}</h1>
      <form className="filters" role="search" onSubmit={apply}>
        <label>
          {t('kpi.from')}
          <input type="date" name="from" value={draft.from} onChange={set('from')} />
        </label>
        <label>
          {t('kpi.to')}
          <input type="date" name="to" value={draft.to} onChange={set('to')} />
        </label>
        <label>
          {t('kpi.groupBy')}
          <select name="groupBy" value={draft.groupBy} onChange={set('groupBy')}>
            {(['day', 'week', 'month'] as const).map((g) => (
              <option key={g} value={g}>
                {t(`kpi.groupBys.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kpi.customer')}
          <select name="customerId" value={draft.customerId} onChange={set('customerId')}>
            <option value="">{t('common.all')}</option>
            {customers.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kpi.channel')}
          <select name="channel" value={draft.channel} onChange={set('channel')}>
            <option value="">{t('common.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`kpi.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <div className="charts">
        {PANELS.map((p) => (
          <KpiPanel key={p.name} name={p.name} shape={p.shape} filters={filters} />
        ))}
      </div>
    </section>
  );
}
