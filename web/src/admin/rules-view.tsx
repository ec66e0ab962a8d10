import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { bi } from '../i18n/i18n';
import type { DryRun, Rule, RuleSetRow } from './admin-api';
import { WorkflowsView } from './workflows-view';

type Action = Rule['then'][number];
/** "hold credit → finance": what a rule does and who may release or approve it. */
const outcome = (a: Action, t: (k: string, o?: Record<string, unknown>) => string): string => {
  const roles = 'releaseRoles' in a ? a.releaseRoles : 'roles' in a ? a.roles : undefined;
  const who = (roles ?? []).map((r) => t(`role.${r}`, { defaultValue: r })).join(', ');
  const action = t(`rules.actions.${a.type}`, { defaultValue: a.type });
  const what = 'holdType' in a ? `${action} · ${t(`holdType.${a.holdType}`, { defaultValue: a.holdType })}` : action;
  return who ? `${what} → ${who}` : what;
};

/** The order rule set in force (stored or built in), its versions with a dry run against recent orders, and the approval workflows. */
export function RulesView() {
  const { t, i18n } = useTranslation('admin');
  const sets = useLoad(() => api.get('/api/v1/rule-sets'), []);
  const activeId = sets.data?.items.find((s) => s.status === 'active')?.id;
  const active = useLoad(
    () =>
      activeId
        ? api.get('/api/v1/rule-sets/{id}', { path: { id: activeId } })
        : Promise.resolve(sets.data?.builtIn ?? null),
    [activeId, sets.data],
  );
  const [dry, setDry] = useState<{ version: number; result: DryRun } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function dryRun(s: RuleSetRow) {
    setError(null);
    try {
      const result = await api.post('/api/v1/rule-sets/{id}/dry-run', { path: { id: s.id }, body: {} });
      setDry({ version: s.version, result });
    } catch (e) {
      setError(e as ApiError);
    }
  }
  return (
    <section>
      <h1>{t('rules.title')}</h1>
      <ErrorBox error={sets.error ?? active.error ?? error} />
      <Loading when={sets.loading && !sets.data} />
      {active.data && (
        <>
          <h2>
            {t('rules.inForce', { version: active.data.version })}
            {active.data.version === 0 && <span className="muted small"> ({t('rules.builtIn')})</span>}
          </h2>
          <table>
            <thead>
              <tr>
                <th>{t('rules.code')}</th>
                <th>{t('rules.name')}</th>
                <th>{t('rules.scope')}</th>
                <th>{t('rules.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {active.data.rules.map((r) => (
                <tr key={r.code}>
                  <td>{r.code}</td>
                  <td>{bi(r.name, i18n.language)}</td>
                  <td>{r.scope}</td>
                  <td>{r.then.map((a) => outcome(a, t)).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('rules.versions')}</h2>
      {sets.data?.items.length === 0 && <p className="muted">{t('rules.noVersions')}</p>}
      {!!sets.data?.items.length && (
        <table>
          <thead>
            <tr>
              <th>{t('rules.version')}</th>
              <th>{t('rules.status')}</th>
              <th>{t('rules.effectiveFrom')}</th>
              <th className="num">{t('rules.ruleCount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sets.data.items.map((s) => (
              <tr key={s.id}>
                <td>{s.version}</td>
                <td>
                  <StatusBadge status={s.status} />
                </td>
                <td>{s.effectiveFrom ?? '—'}</td>
                <td className="num">{s.ruleCount}</td>
                <td>
                  <button type="button" onClick={() => void dryRun(s)}>
                    {t('rules.dryRun')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dry && (
        <div className="notice" role="status">
          {t('rules.dryRunResult', {
            version: dry.version,
            checked: dry.result.ordersChecked,
            changed: dry.result.changed.length,
          })}
          <ul>
            {dry.result.changed.map((c) => (
              <li key={c.orderId}>
                {c.number}: {c.holdsNow.join(', ') || '—'} → {c.holdsWithCandidate.join(', ') || '—'}
              </li>
            ))}
          </ul>
        </div>
      )}
      <WorkflowsView />
    </section>
  );
}
