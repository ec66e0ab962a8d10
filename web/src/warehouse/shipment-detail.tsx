import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useSession } from '../session';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime } from '../format';
import { ShipmentDocumentsList } from './shipment-documents';
import './warehouse.css';

/** What left on one shipment (lot, serial, carton), its documents, and the proof of delivery. */
export function ShipmentDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const { can } = useSession();
  const shipment = useLoad(() => api.get('/api/v1/shipments/{id}', { path: { id } }), [id]);
  const [receivedBy, setReceivedBy] = useState('');
  const [pod, setPod] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  async function deliver(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/v1/shipments/{id}/delivery', {
        path: { id },
        body: { receivedBy: receivedBy.trim(), ...(pod.trim() ? { podReference: pod.trim() } : {}) },
      });
      setError(null);
      shipment.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  if (shipment.error?.status === 404) return <NotFound />;
  const s = shipment.data;
  return (
    <section className="tablet">
      <ErrorBox error={shipment.error} />
      <Loading when={shipment.loading && !s} />
      {s && (
        <>
          <div className="title-row">
            <h1>{t('ship.shipmentTitle', { number: s.number })}</h1>
            <StatusBadge status={s.status} />
            <span className="spacer" />
            {can('trace.read') && (
              <Link className="button" to={`/trace/orders/${s.orderId}`}>
                {t('trace.title')}
              </Link>
            )}
          </div>
          <dl className="facts">
            <dt>{t('orders.number')}</dt>
            <dd>{s.orderNumber}</dd>
            <dt>{t('ship.carrier')}</dt>
            <dd>
              {s.carrier} · {s.trackingNumber}
            </dd>
            <dt>{t('ship.shippedAt')}</dt>
            <dd>
              {s.shippedBy} · {dateTime(s.shippedAt, i18n.language)}
            </dd>
            <dt>{t('ship.deliveredAt')}</dt>
            <dd data-testid="delivered">
              {s.deliveredAt
                ? `${dateTime(s.deliveredAt, i18n.language)} · ${s.receivedBy ?? ''} ${s.podReference ?? ''}`
                : '—'}
            </dd>
          </dl>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('order.device')}</th>
                <th>{t('stock.lot')}</th>
                <th>{t('stock.expires')}</th>
                <th>{t('ship.serial')}</th>
                <th>SSCC</th>
                <th className="num">{t('ship.quantity')}</th>
                <th className="num">{t('trace.returned')}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l, i) => (
                <tr key={i}>
                  <td>{l.lineNo}</td>
                  <td>
                    {l.deviceCode} {zh ? l.deviceNameZh : (l.deviceNameEn ?? l.deviceNameZh)}
                  </td>
                  <td>
                    {can('trace.read') ? (
                      <Link to={`/trace/lots/${l.lotId}`}>{l.lotNumber}</Link>
                    ) : (
                      l.lotNumber
                    )}
                  </td>
                  <td>{l.expiresOn}</td>
                  <td>{l.serial ?? '—'}</td>
                  <td>{l.sscc ?? '—'}</td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">{l.qtyReturned}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShipmentDocumentsList shipmentId={s.id} />
          {s.status === 'shipped' && can('fulfillment.ship') && (
            <>
              <h2>{t('ship.confirmDelivery')}</h2>
              <form className="dims" onSubmit={(e) => void deliver(e)}>
                <label>
                  {t('ship.receivedBy')}
                  <input
                    name="receivedBy"
                    required
                    maxLength={200}
                    value={receivedBy}
                    onChange={(e) => setReceivedBy(e.target.value)}
                  />
                </label>
                <label>
                  {t('ship.podReference')}
                  <input
                    name="podReference"
                    maxLength={200}
                    value={pod}
                    onChange={(e) => setPod(e.target.value)}
                  />
                </label>
                <button type="submit">{t('ship.deliver')}</button>
              </form>
              <ErrorBox error={error} />
            </>
          )}
        </>
      )}
    </section>
  );
}
