import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useSession } from '../session';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime, expiryClass, money } from '../format';
import { HoldExplained } from './hold-explained';
import { CancelOrder } from './cancel-order';
import { OrderActions } from './order-actions';

const CLOSED = ['cancelled', 'closed', 'shipped', 'delivered', 'invoiced'];

export function OrderDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language;
  const order = useLoad(() => api.get('/api/v1/orders/{id}', { path: { id } }), [id]);
  const allocations = useLoad(() => api.get('/api/v1/orders/{id}/allocations', { path: { id } }), [id]);
  const [cancelling, setCancelling] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);

  if (order.error?.status === 404) return <NotFound />;
  const o = order.data;
  return (
    <section>
      <ErrorBox error={order.error ?? actionError} />
      <Loading when={order.loading && !o} />
      {o && (
        <>
          <div className="title-row">
            <h1>{t('order.title', { number: o.number })}</h1>
            <StatusBadge status={o.status} />
            <span className="spacer" />
            <OrderActions
              order={o}
              onDone={(err) => {
                setActionError(err);
                order.reload();
                allocations.reload();
              }}
            />
            {can('orders.write') && !CLOSED.includes(o.status) && (
              <button type="button" className="danger" onClick={() => setCancelling(true)}>
                {t('order.cancel')}
              </button>
            )}
          </div>
          <dl className="facts">
            <dt>{t('orders.customer')}</dt>
            <dd>
              {o.customerCode} {o.customerName}
            </dd>
            <dt>{t('orders.channel')}</dt>
            <dd>{t(`channel.${o.channel}`, { defaultValue: o.channel })}</dd>
            <dt>{t('order.externalPo')}</dt>
            <dd>{o.externalPo ?? '—'}</dd>
            <dt>{t('order.requested')}</dt>
            <dd>{o.requestedDate ?? '—'}</dd>
            <dt>{t('orders.promised')}</dt>
            <dd>{o.promisedDate ?? '—'}</dd>
            <dt>{t('orders.created')}</dt>
            <dd>
              {o.createdBy} · {dateTime(o.createdAt, lang)}
            </dd>
            {o.cancelReason && (
              <>
                <dt>{t('order.cancelReason')}</dt>
                <dd>{o.cancelReason}</dd>
              </>
            )}
          </dl>
          {cancelling && (
            <CancelOrder
              orderId={o.id}
              onDone={(err) => {
                setCancelling(false);
                setActionError(err);
                order.reload();
              }}
            />
          )}

          <h2>{t('order.holds')}</h2>
          {o.holds.length ? (
            <ul className="holds">
              {o.holds.map((h) => (
                <HoldExplained key={h.id} hold={h} />
              ))}
            </ul>
          ) : (
            <p className="muted">{t('order.noHolds')}</p>
          )}
          {o.holds.some((h) => h.status === 'open') && can('approvals.decide') && (
            <Link to="/approvals">{t('order.toInbox')}</Link>
          )}

          <h2>{t('order.alerts')}</h2>
          {o.alerts.length ? (
            <ul className="alerts">
              {o.alerts.map((a) => (
                <li key={a.id} className={`sev-${a.severity}`}>
                  <code>{a.code}</code> {lang.startsWith('zh') ? a.zh : a.en}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('order.noAlerts')}</p>
          )}

          <h2>{t('order.lines')}</h2>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('order.device')}</th>
                <th className="num">{t('order.quantity')}</th>
                <th className="num">{t('order.allocated')}</th>
                <th className="num">{t('order.picked')}</th>
                <th className="num">{t('order.shipped')}</th>
                <th className="num">{t('order.unitPrice')}</th>
                <th>{t('order.priceWhy')}</th>
                <th>{t('orders.promised')}</th>
                <th>{t('order.promiseBasis')}</th>
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
                    {l.ordered}
                    {l.cancelled ? ` (−${l.cancelled})` : ''} {l.uom}
                  </td>
                  <td className="num">{l.allocated ?? 0}</td>
                  <td className="num">{l.picked ?? 0}</td>
                  <td className="num">{l.shipped}</td>
                  <td className="num">{money(l.unitPriceMinor, o.currency, lang)}</td>
                  <td className="small">
                    {l.priceExplanation
                      ? lang.startsWith('zh')
                        ? l.priceExplanation.zh
                        : l.priceExplanation.en
                      : '—'}
                  </td>
                  <td>{l.promisedDate ?? '—'}</td>
                  <td>
                    {l.promiseBasis
                      ? t(`promise.${l.promiseBasis.basis}`, { defaultValue: l.promiseBasis.basis })
                      : t('order.notPromised')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{t('order.allocations')}</h2>
          {allocations.data?.items.length ? (
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('stock.lot')}</th>
                  <th>{t('stock.expires')}</th>
                  <th>{t('stock.where')}</th>
                  <th className="num">{t('order.quantity')}</th>
                </tr>
              </thead>
              <tbody>
                {allocations.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.lineNo}</td>
                    <td>
                      <Link to={`/inventory/lots/${a.lotId}`}>{a.lotNumber}</Link>
                    </td>
                    <td className={`exp-${expiryClass(a.expiresOn)}`}>{a.expiresOn}</td>
                    <td>
                      {a.warehouseCode} / {a.binCode}
                    </td>
                    <td className="num">{a.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('order.noAllocations')}</p>
          )}

          <h2>{t('order.timeline')}</h2>
          <ol className="timeline">
            {o.timeline.map((e) => (
              <li key={e.seq}>
                <span className="muted">{dateTime(e.at, lang)}</span> {e.actor} ·{' '}
                {t(`action.${e.action}`, { defaultValue: e.action })}
                {e.signature
                  ? ` · ${t('order.signed', { meaning: t(`meaning.${e.signature.meaning}`, { defaultValue: e.signature.meaning ?? '' }) })}`
                  : ''}
                {e.reason ? ` · ${e.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
