import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime } from '../format';
import { ShipmentDocumentsList } from '../warehouse/shipment-documents';
import { LotRelease } from './lot-release';
import { serialPath } from './trace-paths';

/** What went to the customer on one order: per shipment and carton every lot, serial and UDI, the lots' release records and the shipping documents. */
export function TraceOrder() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const trace = useLoad(() => api.get('/api/v1/trace/orders/{id}', { path: { id } }), [id]);

  if (trace.error?.status === 404) return <NotFound />;
  const d = trace.data;
  const c = d?.order.customer;
  return (
    <section>
      <ErrorBox error={trace.error} />
      <Loading when={trace.loading && !d} />
      {d && c && (
        <>
          <div className="title-row">
            <h1>{t('trace.orderTitle', { number: d.order.number })}</h1>
            <StatusBadge status={d.order.status} />
            <span className="muted">
              {c.code} {zh ? c.nameZh : (c.nameEn ?? c.nameZh)}
            </span>
          </div>
          <p>
            {t('trace.orderTotals', {
              lots: d.totals.lots,
              serials: d.totals.serials,
              shipped: d.totals.shipped,
              returned: d.totals.returned,
            })}
          </p>
          <Empty when={d.shipments.length === 0} />
          {d.shipments.map((s) => (
            <article key={s.id}>
              <h2>
                <Link to={`/warehouse/shipments/${s.id}`}>{s.number}</Link> · {s.carrier} {s.trackingNumber} ·{' '}
                {dateTime(s.shippedAt, i18n.language)} <StatusBadge status={s.status} />
              </h2>
              <table>
                <thead>
                  <tr>
                    <th>SSCC</th>
                    <th>#</th>
                    <th>{t('order.device')}</th>
                    <th>{t('stock.lot')}</th>
                    <th>{t('ship.serial')}</th>
                    <th>UDI</th>
                    <th className="num">{t('ship.quantity')}</th>
                    <th className="num">{t('trace.returned')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.packages.flatMap((p) =>
                    p.units.map((u, i) => (
                      <tr key={`${p.sscc}-${u.lineNo}-${u.lotId}-${u.serial ?? i}`}>
                        <td>{i === 0 ? (p.sscc ?? '—') : ''}</td>
                        <td>{u.lineNo}</td>
                        <td>{u.deviceCode}</td>
                        <td>
                          <Link to={`/trace/lots/${u.lotId}`}>{u.lotNumber}</Link> ({u.expiresOn})
                        </td>
                        <td>
                          {u.serial && u.gtin ? (
                            <Link to={serialPath(u.gtin, u.serial)}>{u.serial}</Link>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          <code>{u.udi?.hri ?? '—'}</code>
                        </td>
                        <td className="num">{u.quantity}</td>
                        <td className="num">{u.returned}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
              <ShipmentDocumentsList shipmentId={s.id} />
            </article>
          ))}
          <h2>{t('trace.lots')}</h2>
          {d.lots.map((l) => (
            <article key={l.id}>
              <h3>
                <Link to={`/trace/lots/${l.id}`}>{l.lotNumber}</Link>{' '}
                <StatusBadge status={`lot-${l.status}`} />
              </h3>
              <LotRelease lot={l} />
            </article>
          ))}
        </>
      )}
    </section>
  );
}
