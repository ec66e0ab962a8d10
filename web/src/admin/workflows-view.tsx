import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox } from '../components/feedback';
import type { WorkflowStep } from './admin-api';

/** The approval workflow in force per hold type: its steps, approver roles and escalation. */
export function WorkflowsView() {
  const { t } = useTranslation('admin');
  const flows = useLoad(() => api.get('/api/v1/workflows'), []);
  const stepsOf = (holdType: string, builtIn: boolean): WorkflowStep[] =>
    (builtIn
      ? flows.data?.builtIn[holdType]
      : flows.data?.items.find((i) => i.holdType === holdType && i.status === 'active')?.steps) ?? [];
  return (
    <>
      <h2>{t('rules.workflows')}</h2>
      <ErrorBox error={flows.error} />
      {flows.data && (
        <table>
          <thead>
            <tr>
              <th>{t('rules.holdType')}</th>
              <th>{t('rules.version')}</th>
              <th>{t('rules.steps')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.data.inForce.map((f) => (
              <tr key={f.holdType}>
                <td>{t(`holdType.${f.holdType}`, { defaultValue: f.holdType })}</td>
                <td>{f.builtIn ? t('rules.builtIn') : f.version}</td>
                <td>
                  {stepsOf(f.holdType, f.builtIn).map((s) => (
                    <div key={s.name}>
                      {s.name}: {s.approvals.map((a) => a.role).join(' + ')}
                      {s.escalation &&
                        ` · ${t('rules.escalation', { hours: s.escalation.afterHours, role: s.escalation.role })}`}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
