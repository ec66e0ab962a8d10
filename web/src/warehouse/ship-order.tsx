import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { OrderLine } from '../api/views';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime } from '../format';
import './warehouse.css';

type Line = OrderLine & { packed: number };

/**
 * Shipping at the dock: every packed package of the order not yet shipped leaves with the carrier
 * and its tracking number; the API refuses what may not leave (unreviewed package, lot without
 * its certificate, lot no longer eligible) and the reason is shown.
 */
export function ShipOrder() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const order = useLoad(() => api.get('/api/v1/orders/{id}', { path: { id } }), [id]);
  const shipments = useLoad(() => api.get('/api/v1/shipments', { query: { orderId: id, limit: 100 } }), [id]);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function ship(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const s = await api.post('/api/v1/orders/{id}/shipments', {
        path: { id },
        body: { carrier: carrier.trim(), trackingNumber: tracking.trim() },
      });
      navigate(`/warehouse/shipments/${s.id}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  if (order.error?.status === 404) return <NotFound />;
  const o = order.data;
  const lines = (o?.lines ?? []) as Line[];
  const ready = lines.reduce((n, l) => n + l.packed - l.shipped, 0);
  return (
    <section className="tablet">
      <ErrorBox error={order.error ?? shipments.error} />
      <Loading when={order.loading && !o} />
      {o && (
        <>
          <div className="title-row">
            <h1>{t('ship.shipTitle', { number: o.number })}</h1>
            <StatusBadge status={o.status} />
            <span className="spacer" />
            <Link className="button" to={`/warehouse/orders/${id}/pack`}>
              {t('ship.toPack')}
            </Link>
          </div>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('order.device')}</th>
                <th className="num">{t('ship.packed')}</th>
                <th className="num">{t('ship.shipped')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.lineNo}>
                  <td>{l.lineNo}</td>
                  <td>{l.deviceCode}</td>
                  <td className="num">{l.packed}</td>
                  <td className="num">{l.shipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('ship.handOver')}</h2>
          {ready === 0 && <p className="muted">{t('ship.nothingToShip')}</p>}
          <form className="dims" onSubmit={(e) => void ship(e)}>
            <label>
              {t('ship.carrier')}
              <input
                name="carrier"
                required
                maxLength={100}
                value={carrier}
                onChange={(e) => setCarrier(e.target.value)}
              />
            </label>
            <label>
              {t('ship.trackingNumber')}
              <input
                name="trackingNumber"
                required
                maxLength={100}
                value={tracking}
                onChange={(e) => setTracking(e.target.value)}
              />
            </label>
            <button type="submit" disabled={busy || ready === 0}>
              {t('ship.ship')}
            </button>
          </form>
          <ErrorBox error={error} />
          {shipments.data && shipments.data.items.length > 0 && (
            <>
              <h2>{t('ship.shipmentsOfOrder')}</h2>
              <ul className="stack">
                {shipments.data.items.map((s) => (
                  <li key={s.id}>
                    <Link to={`/warehouse/shipments/${s.id}`}>{s.number}</Link> · {s.carrier}{' '}
                    {s.trackingNumber} · {dateTime(s.shippedAt, i18n.language)}{' '}
                    <StatusBadge status={s.status} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
