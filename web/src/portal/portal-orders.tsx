import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { dateTime, money } from '../format';

export function PortalOrders() {
  const { t, i18n } = useTranslation();
  const orders = useLoad(() => api.get('/api/v1/portal/orders', { query: { limit: 100 } }), []);
  return (
    <section>
      <h1>{t('portal.ordersTitle')}</h1>
      <ErrorBox error={orders.error} />
      <Loading when={orders.loading && !orders.data} />
      {orders.data && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t('orders.number')}</th>
                <th>{t('order.externalPo')}</th>
                <th>{t('orders.status')}</th>
                <th>{t('order.requested')}</th>
                <th>{t('orders.promised')}</th>
                <th className="num">{t('orders.total')}</th>
                <th>{t('orders.created')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/portal/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td>{o.externalPo ?? '—'}</td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td>{o.requestedDate ?? '—'}</td>
                  <td>{o.promisedDate ?? t('portal.notYetPromised')}</td>
                  <td className="num">{money(o.totalMinor, o.currency, i18n.language)}</td>
                  <td>{dateTime(o.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={orders.data.items.length === 0} />
        </>
      )}
    </section>
  );
}
