import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { OrderLine } from '../api/views';
import { useLoad } from '../components/use-load';
import { StatusBadge } from '../components/feedback';
import { dateTime } from '../format';
import { OrderStation } from './order-station';

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

  async function ship() {
    const s = await api.post('/api/v1/orders/{id}/shipments', {
      path: { id },
      body: { carrier: carrier.trim(), trackingNumber: tracking.trim() },
    });
    navigate(`/warehouse/shipments/${s.id}`);
  }

  return (
    <OrderStation<Line>
      order={order}
      alsoError={shipments.error}
      title={(number) => t('ship.shipTitle', { number })}
      link={{ to: `/warehouse/orders/${id}/pack`, label: t('ship.toPack') }}
      columns={[
        { head: '#', cell: (l) => l.lineNo },
        { head: t('order.device'), cell: (l) => l.deviceCode },
        { head: t('ship.packed'), num: true, cell: (l) => l.packed },
        { head: t('ship.shipped'), num: true, cell: (l) => l.shipped },
      ]}
      heading={t('ship.handOver')}
      waiting={(lines) => lines.reduce((n, l) => n + l.packed - l.shipped, 0)}
      nothingLeft={t('ship.nothingToShip')}
      submitLabel={t('ship.ship')}
      action={ship}
      fields={
        <>
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
        </>
      }
    >
      {shipments.data && shipments.data.items.length > 0 && (
        <>
          <h2>{t('ship.shipmentsOfOrder')}</h2>
          <ul className="stack">
            {shipments.data.items.map((s) => (
              <li key={s.id}>
                <Link to={`/warehouse/shipments/${s.id}`}>{s.number}</Link> · {s.carrier} {s.trackingNumber} ·{' '}
                {dateTime(s.shippedAt, i18n.language)} <StatusBadge status={s.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </OrderStation>
  );
}
