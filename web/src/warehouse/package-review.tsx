import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../session';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime } from '../format';
import { ReviewDialog } from './review-dialog';
import { SsccLabel } from './sscc-label';
import './warehouse.css';

/** One package: its label and content, and the outbound review (出库复核) by a second person. */
export function PackageReview() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const pkg = useLoad(() => api.get('/api/v1/packages/{id}', { path: { id } }), [id]);
  const [signing, setSigning] = useState(false);

  if (pkg.error?.status === 404) return <NotFound />;
  const p = pkg.data;
  return (
    <section className="tablet">
      <ErrorBox error={pkg.error} />
      <Loading when={pkg.loading && !p} />
      {p && (
        <>
          <div className="title-row">
            <h1>{t('ship.packageTitle', { sscc: p.sscc })}</h1>
            <StatusBadge status={`pkg-${p.status}`} />
            <span className="spacer" />
            {p.status === 'closed' && can('fulfillment.review') && (
              <button type="button" name="review" onClick={() => setSigning(true)}>
                {t('ship.review')}
              </button>
            )}
            {p.status === 'reviewed' && (
              <Link className="button" to={`/warehouse/orders/${p.orderId}/ship`}>
                {t('ship.toShip')}
              </Link>
            )}
            {p.shipmentId && (
              <Link className="button" to={`/warehouse/shipments/${p.shipmentId}`}>
                {t('ship.shipment')}
              </Link>
            )}
          </div>
          <SsccLabel pkg={p} />
          <dl className="facts">
            <dt>{t('orders.number')}</dt>
            <dd>{p.orderNumber}</dd>
            <dt>{t('ship.packedBy')}</dt>
            <dd>
              {p.createdBy} · {dateTime(p.createdAt, i18n.language)}
            </dd>
            <dt>{t('ship.reviewedBy')}</dt>
            <dd data-testid="reviewed-by">
              {p.reviewedBy
                ? `${p.reviewedBy} · ${t(`meaning.${p.reviewMeaning}`, { defaultValue: p.reviewMeaning ?? '' })} · ${dateTime(p.reviewedAt, i18n.language)}`
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
                <th className="num">{t('ship.quantity')}</th>
                <th>{t('ship.pickedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {p.content.map((c) => (
                <tr key={c.pickId}>
                  <td>{c.lineNo}</td>
                  <td>{c.deviceCode}</td>
                  <td>{c.lotNumber}</td>
                  <td>{c.expiresOn}</td>
                  <td>{c.serial ?? '—'}</td>
                  <td className="num">{c.quantity}</td>
                  <td>{c.pickedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {signing && (
            <ReviewDialog
              pkg={p}
              onClose={(signed) => {
                setSigning(false);
                if (signed) pkg.reload();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
