import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { dateTime } from '../format';
import { OrderLookup } from './order-lookup';

/** The start of the warehouse's work after picking: an order to pack or ship, and the latest shipments. */
export function ShipmentsList() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => api.get('/api/v1/shipments', { query: { limit: 50 } }), []);
  return (
    <>
      <OrderLookup />
      <section>
        <h2>{t('ship.latest')}</h2>
        <ErrorBox error={list.error} />
        <Loading when={list.loading && !list.data} />
        {list.data && (
          <>
            <table>
              <thead>
                <tr>
                  <th>{t('ship.shipment')}</th>
                  <th>{t('orders.number')}</th>
                  <th>{t('ship.carrier')}</th>
                  <th>{t('orders.status')}</th>
                  <th>{t('ship.shippedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={`/warehouse/shipments/${s.id}`}>{s.number}</Link>
                    </td>
                    <td>{s.orderNumber}</td>
                    <td>
                      {s.carrier} {s.trackingNumber}
                    </td>
                    <td>
                      <StatusBadge status={s.status} />
                    </td>
                    <td>{dateTime(s.shippedAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Empty when={list.data.items.length === 0} />
          </>
        )}
      </section>
    </>
  );
}
