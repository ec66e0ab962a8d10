import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { InboxTask } from '../api/views';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { dateTime, money } from '../format';
import { bi } from '../i18n/i18n';
import { SignDialog } from './sign-dialog';

/** The approvals waiting for one of this user's roles, each signed in the dialog. */
export function ApprovalsInbox() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const inbox = useLoad(() => api.get('/api/v1/approvals/inbox'), []);
  const [signing, setSigning] = useState<InboxTask | null>(null);
  const [signed, setSigned] = useState<InboxTask | null>(null);

  return (
    <section>
      <h1>{t('approvals.title')}</h1>
      {signed?.order && (
        <p className="ok" role="status">
          {t('approvals.signed', { number: signed.order.number })}{' '}
          <Link to={`/orders/${signed.order.id}`}>{t('approvals.openOrder')}</Link>
        </p>
      )}
      <ErrorBox error={inbox.error} />
      <Loading when={inbox.loading && !inbox.data} />
      {inbox.data && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t('orders.number')}</th>
                <th>{t('orders.customer')}</th>
                <th>{t('orders.status')}</th>
                <th>{t('approvals.why')}</th>
                <th className="num">{t('orders.total')}</th>
                <th>{t('approvals.opened')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {inbox.data.items.map((task) => (
                <tr key={task.taskId} className={task.escalated ? 'escalated' : ''}>
                  <td>
                    {task.order ? <Link to={`/orders/${task.order.id}`}>{task.order.number}</Link> : '—'}
                  </td>
                  <td>{task.order ? `${task.order.customerCode} ${task.order.customerName}` : ''}</td>
                  <td>{task.order && <StatusBadge status={task.order.status} />}</td>
                  <td>{task.hold ? `${t(`hold.${task.hold.type}`)}: ${bi(task.hold.reason, lang)}` : ''}</td>
                  <td className="num">
                    {task.order ? money(task.order.totalMinor, task.order.currency, lang) : ''}
                  </td>
                  <td>
                    {dateTime(task.openedAt, lang)}
                    {task.escalated ? ` · ${t('approvals.escalated')}` : ''}
                  </td>
                  <td>
                    <button type="button" onClick={() => setSigning(task)}>
                      {t('approvals.sign')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={inbox.data.items.length === 0} />
        </>
      )}
      {signing && (
        <SignDialog
          task={signing}
          onClose={(ok) => {
            if (ok) {
              setSigned(signing);
              inbox.reload();
            }
            setSigning(null);
          }}
        />
      )}
    </section>
  );
}
