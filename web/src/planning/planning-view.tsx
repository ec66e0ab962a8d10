import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { useSession } from '../session';
import { dateTime } from '../format';
import { LoadChart } from './load-chart';
import type { LoadRow } from './planning-views';
import '../admin/admin.css';

/** The latest plan's planned orders and exceptions, and the load per work centre per day of the latest schedule. */
export function PlanningView() {
  const { t, i18n } = useTranslation('admin');
  const { me } = useSession();
  const [kind, setKind] = useState('');
  const plan = useLoad(
    () =>
      api.get('/api/v1/planning/plan', { query: { kind: (kind || undefined) as 'make' | 'buy' | undefined } }),
    [kind],
  );
  const load = useLoad(
    () => api.get('/api/v1/planning/load'),
    [],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const byCentre = new Map<string, LoadRow[]>();
  for (const r of load.data?.items ?? [])
    byCentre.set(r.workCentreCode, [...(byCentre.get(r.workCentreCode) ?? []), r]);

  async function act(path: '/api/v1/planning/runs' | '/api/v1/planning/schedule') {
    setBusy(true);
    setError(null);
    try {
      await api.post(path, { body: {} });
      plan.reload();
      load.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const zh = i18n.language.startsWith('zh');
  return (
    <section>
      <div className="title-row">
        <h1>{t('planning.title')}</h1>
        {me?.permissions.includes('planning.write') && (
          <span className="row">
            <button type="button" disabled={busy} onClick={() => void act('/api/v1/planning/runs')}>
              {t('planning.run')}
            </button>
            <button type="button" disabled={busy} onClick={() => void act('/api/v1/planning/schedule')}>
              {t('planning.schedule')}
            </button>
          </span>
        )}
      </div>
      <ErrorBox error={plan.error ?? load.error ?? error} />
      <Loading when={plan.loading && !plan.data} />
      <p className="muted small">
        {t('planning.lastRun')}: {dateTime(plan.data?.run?.finishedAt, i18n.language)} ·{' '}
        {t('planning.lastSchedule')}: {dateTime(load.data?.scheduledAt, i18n.language)}
      </p>
      <h2>{t('planning.loadTitle')}</h2>
      <div className="charts">
        {[...byCentre].map(([code, rows]) => (
          <LoadChart key={code} code={code} rows={rows} />
        ))}
      </div>
      <Empty when={!!load.data && byCentre.size === 0} />
      <div className="title-row">
        <h2>{t('planning.plannedOrders')}</h2>
        <label className="inline">
          {t('planning.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="make">{t('planning.make')}</option>
            <option value="buy">{t('planning.buy')}</option>
          </select>
        </label>
      </div>
      {plan.data && (
        <table>
          <thead>
            <tr>
              <th>{t('planning.kind')}</th>
              <th>{t('planning.device')}</th>
              <th className="num">{t('planning.quantity')}</th>
              <th>{t('planning.start')}</th>
              <th>{t('planning.due')}</th>
              <th>{t('planning.status')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.data.plannedOrders.map((p) => (
              <tr key={p.id}>
                <td>{t(`planning.${p.kind}`)}</td>
                <td>{p.deviceCode}</td>
                <td className="num">{p.quantity}</td>
                <td>{p.startDate}</td>
                <td>{p.dueDate}</td>
                <td>
                  <StatusBadge status={p.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Empty when={plan.data?.plannedOrders.length === 0} />
      {!!plan.data?.exceptions.length && (
        <>
          <h2>{t('planning.exceptions')}</h2>
          <ul className="alerts">
            {plan.data.exceptions.map((e, i) => (
              <li key={i}>
                {e.deviceCode ? `${e.deviceCode}: ` : ''}
                {zh ? e.messageZh : e.messageEn}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
