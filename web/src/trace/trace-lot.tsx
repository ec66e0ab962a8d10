import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime } from '../format';
import { LotRelease } from './lot-release';

/**
 * A lot's recall scope: every consignee (customer and ship-to) with what was shipped, returned
 * and is still there, each shipment, and where the rest of the lot is in the warehouses.
 */
export function TraceLot() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const trace = useLoad(() => api.get('/api/v1/trace/lots/{id}', { path: { id } }), [id]);

  if (trace.error?.status === 404) return <NotFound />;
  const d = trace.data;
  return (
    <section>
      <ErrorBox error={trace.error} />
      <Loading when={trace.loading && !d} />
      {d && (
        <>
          <div className="title-row">
            <h1>{t('trace.lotTitle', { lot: d.lot.lotNumber })}</h1>
            <StatusBadge status={`lot-${d.lot.status}`} />
          </div>
          <LotRelease lot={d.lot} />
          <p data-testid="lot-totals">
            {t('trace.totals', {
              consignees: d.totals.consignees,
              shipments: d.totals.shipments,
              shipped: d.totals.shipped,
              returned: d.totals.returned,
              net: d.totals.net,
            })}
          </p>
          <h2>{t('trace.consignees')}</h2>
          <table data-testid="consignees">
            <thead>
              <tr>
                <th>{t('orders.customer')}</th>
                <th>{t('trace.shipTo')}</th>
                <th>{t('ship.shipment')}</th>
                <th>{t('orders.number')}</th>
                <th>{t('ship.shippedAt')}</th>
                <th className="num">{t('ship.shipped')}</th>
                <th className="num">{t('trace.returned')}</th>
                <th className="num">{t('trace.net')}</th>
              </tr>
            </thead>
            <tbody>
              {d.consignees.flatMap((c) =>
                c.shipments.map((s, i) => (
                  <tr key={s.shipmentId + c.customer.id}>
                    <td>
                      {i === 0 &&
                        `${c.customer.code} ${zh ? c.customer.nameZh : (c.customer.nameEn ?? c.customer.nameZh)}`}
                    </td>
                    <td>
                      {i === 0 &&
                        (c.shipTo ? `${c.shipTo.name}, ${c.shipTo.line1} ${c.shipTo.city ?? ''}` : '—')}
                    </td>
                    <td>
                      <Link to={`/warehouse/shipments/${s.shipmentId}`}>{s.number}</Link>
                    </td>
                    <td>
                      <Link to={`/trace/orders/${s.orderId}`}>{s.orderNumber}</Link>
                    </td>
                    <td>{dateTime(s.shippedAt, i18n.language)}</td>
                    <td className="num">{s.shipped}</td>
                    <td className="num">{s.returned}</td>
                    <td className="num">{s.net}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <Empty when={d.consignees.length === 0} />
          <h2>{t('trace.onHand')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('stock.where')}</th>
                <th>{t('trace.zone')}</th>
                <th className="num">{t('trace.onHandQty')}</th>
                <th className="num">{t('trace.allocated')}</th>
              </tr>
            </thead>
            <tbody>
              {d.onHand.map((p) => (
                <tr key={p.warehouseCode + p.binCode}>
                  <td>
                    {p.warehouseCode} / {p.binCode}
                  </td>
                  <td>{p.zoneType}</td>
                  <td className="num">{p.onHand}</td>
                  <td className="num">{p.allocated}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={d.onHand.length === 0} />
        </>
      )}
    </section>
  );
}
