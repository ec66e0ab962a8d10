import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime, money } from '../format';
import { bi } from '../i18n/i18n';

/** A hospital's own order; another organisation's order answers 404 and shows the not-found screen. */
export function PortalOrderDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const order = useLoad(() => api.get('/api/v1/portal/orders/{id}', { path: { id } }), [id]);
  if (order.error?.status === 404 || order.error?.status === 400) return <NotFound />;
  const o = order.data;
  return (
    <section>
      <ErrorBox error={order.error} />
      <Loading when={order.loading && !o} />
      {o && (
        <>
          <div className="title-row">
            <h1>{t('order.title', { number: o.number })}</h1>
            <StatusBadge status={o.status} />
          </div>
          <dl className="facts">
            <dt>{t('order.externalPo')}</dt>
            <dd>{o.externalPo ?? '—'}</dd>
            <dt>{t('order.requested')}</dt>
            <dd>{o.requestedDate ?? '—'}</dd>
            <dt>{t('orders.promised')}</dt>
            <dd>{o.promisedDate ?? t('portal.notYetPromised')}</dd>
            <dt>{t('orders.created')}</dt>
            <dd>{dateTime(o.createdAt, lang)}</dd>
          </dl>
          {o.holds
            .filter((h) => h.status === 'open')
            .map((h, i) => (
              <p key={i} className="notice">
                {t('portal.inReview')}: {bi(h, lang)}
              </p>
            ))}
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('order.device')}</th>
                <th className="num">{t('order.quantity')}</th>
                <th className="num">{t('order.unitPrice')}</th>
                <th>{t('orders.promised')}</th>
                <th className="num">{t('order.shipped')}</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l) => (
                <tr key={l.lineNo}>
                  <td>{l.lineNo}</td>
                  <td>
                    {l.deviceCode}{' '}
                    {lang.startsWith('zh') ? l.deviceNameZh : (l.deviceNameEn ?? l.deviceNameZh)}
                  </td>
                  <td className="num">
                    {l.ordered} {l.uom}
                  </td>
                  <td className="num">{money(l.unitPriceMinor, o.currency, lang)}</td>
                  <td>{l.promisedDate ?? t('portal.notYetPromised')}</td>
                  <td className="num">{l.shipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('order.timeline')}</h2>
          <ol className="timeline">
            {o.timeline.map((e, i) => (
              <li key={i}>
                <span className="muted">{dateTime(e.at, lang)}</span> <StatusBadge status={e.status} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
