import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime, expiryClass } from '../format';

/** One lot: status and why, its documents (certificates, inspection reports), where it lies, its history. */
export function LotDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lot = useLoad(() => api.get('/api/v1/inventory/lots/{id}', { path: { id } }), [id]);
  if (lot.error?.status === 404) return <NotFound />;
  const l = lot.data;
  return (
    <section>
      <ErrorBox error={lot.error} />
      <Loading when={lot.loading && !l} />
      {l && (
        <>
          <div className="title-row">
            <h1>{t('lot.title', { lot: l.lotNumber })}</h1>
            <StatusBadge status={`lot-${l.status}`} />
          </div>
          <dl className="facts">
            <dt>{t('order.device')}</dt>
            <dd>
              {l.deviceCode} {l.deviceNameZh}
            </dd>
            <dt>{t('stock.expires')}</dt>
            <dd className={`exp-${expiryClass(l.expiresOn)}`}>{l.expiresOn}</dd>
            <dt>{t('lot.manufactured')}</dt>
            <dd>{l.manufacturedOn ?? '—'}</dd>
            <dt>{t('lot.statusReason')}</dt>
            <dd>{l.statusReason ?? '—'}</dd>
            <dt>{t('lot.releasedBy')}</dt>
            <dd>{l.releasedBy ? `${l.releasedBy} · ${dateTime(l.releasedAt, lang)}` : '—'}</dd>
          </dl>
          <h2>{t('lot.documents')}</h2>
          {l.documents.length ? (
            <table>
              <thead>
                <tr>
                  <th>{t('lot.kind')}</th>
                  <th>{t('lot.reference')}</th>
                  <th>{t('lot.issued')}</th>
                  <th>{t('lot.addedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {l.documents.map((d) => (
                  <tr key={d.id}>
                    <td>{t(`docKind.${d.kind}`, { defaultValue: d.kind })}</td>
                    <td>{d.reference}</td>
                    <td>{d.issuedOn ?? '—'}</td>
                    <td>
                      {d.createdBy} · {dateTime(d.createdAt, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('lot.noDocuments')}</p>
          )}
          <h2>{t('lot.balances')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('stock.where')}</th>
                <th className="num">{t('stock.onHand')}</th>
                <th className="num">{t('order.allocated')}</th>
                <th className="num">{t('stock.free')}</th>
              </tr>
            </thead>
            <tbody>
              {l.balances.map((b) => (
                <tr key={b.binCode}>
                  <td>
                    {b.warehouseCode} / {b.binCode}
                  </td>
                  <td className="num">{b.onHand}</td>
                  <td className="num">{b.allocated}</td>
                  <td className="num">{b.free}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('order.timeline')}</h2>
          <ol className="timeline">
            {l.history.map((e) => (
              <li key={e.seq}>
                <span className="muted">{dateTime(e.at, lang)}</span> {e.actor} ·{' '}
                {t(`action.${e.action}`, { defaultValue: e.action })}
                {e.reason ? ` · ${e.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
