import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading } from '../components/feedback';

const BUCKET_CLASS: Record<string, string> = { '<30': 'exp30', '<90': 'exp90', '<180': 'ok' };

/** Lots expiring within 30, 90 and 180 days, with what is on hand and already allocated. */
export function NearExpiryView() {
  const { t } = useTranslation();
  const near = useLoad(() => api.get('/api/v1/inventory/near-expiry'), []);
  return (
    <section>
      <h1>{t('nearExpiry.title')}</h1>
      <ErrorBox error={near.error} />
      <Loading when={near.loading && !near.data} />
      {near.data?.buckets.map((b) => (
        <div key={b.bucket} className="bucket">
          <h2 className={`exp-${BUCKET_CLASS[b.bucket] ?? 'ok'}`}>
            {t('nearExpiry.bucket', { days: b.maxDays })} · {t('stock.onHand')} {b.onHand}
          </h2>
          {b.lots.length ? (
            <table>
              <thead>
                <tr>
                  <th>{t('order.device')}</th>
                  <th>{t('stock.lot')}</th>
                  <th>{t('stock.expires')}</th>
                  <th className="num">{t('nearExpiry.daysLeft')}</th>
                  <th className="num">{t('stock.onHand')}</th>
                  <th className="num">{t('order.allocated')}</th>
                </tr>
              </thead>
              <tbody>
                {b.lots.map((l) => (
                  <tr key={l.lotId}>
                    <td>
                      {l.deviceCode} {l.deviceNameZh}
                    </td>
                    <td>
                      <Link to={`/inventory/lots/${l.lotId}`}>{l.lotNumber}</Link>
                    </td>
                    <td>{l.expiresOn}</td>
                    <td className="num">{l.daysLeft}</td>
                    <td className="num">{l.onHand}</td>
                    <td className="num">{l.allocated}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('common.empty')}</p>
          )}
        </div>
      ))}
    </section>
  );
}
