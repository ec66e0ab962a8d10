import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { daysUntil, expiryClass } from '../format';

export const LOT_STATUSES = ['quarantine', 'released', 'blocked', 'recalled', 'expired', 'rejected'] as const;
type LotStatus = (typeof LOT_STATUSES)[number];

/** Stock by device, lot, bin and status; expiry coloured (expired, under 30 days, under 90 days). */
export function StockList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState({
    lotNumber: params.get('lotNumber') ?? '',
    status: params.get('status') ?? '',
    expiresBefore: params.get('expiresBefore') ?? '',
  });
  const stock = useLoad(
    () =>
      api.get('/api/v1/inventory/stock', {
        query: {
          lotNumber: params.get('lotNumber') || undefined,
          status: (params.get('status') || undefined) as LotStatus | undefined,
          expiresBefore: params.get('expiresBefore') || undefined,
          limit: 200,
        },
      }),
    [params.toString()],
  );
  function apply(e: FormEvent) {
    e.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)));
  }
  return (
    <section>
      <div className="title-row">
        <h1>{t('stock.title')}</h1>
        <Link to="/inventory/near-expiry">{t('nav.nearExpiry')}</Link>
      </div>
      <form className="filters" onSubmit={apply} role="search">
        <label>
          {t('stock.lot')}
          <input
            name="lotNumber"
            value={draft.lotNumber}
            onChange={({ target: { value } }) => setDraft((prev) => ({ ...prev, lotNumber: value }))}
          />
        </label>
        <label>
          {t('stock.status')}
          <select
            name="status"
            value={draft.status}
            onChange={({ target: { value } }) => setDraft((prev) => ({ ...prev, status: value }))}
          >
            <option value="">{t('common.all')}</option>
            {LOT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`lotStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stock.expiresBefore')}
          <input
            type="date"
            name="expiresBefore"
            value={draft.expiresBefore}
            onChange={({ target: { value } }) => setDraft((prev) => ({ ...prev, expiresBefore: value }))}
          />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <p className="legend small">
        <span className="exp-expired">{t('stock.legendExpired')}</span>{' '}
        <span className="exp-exp30">{t('stock.legend30')}</span>{' '}
        <span className="exp-exp90">{t('stock.legend90')}</span>
      </p>
      <ErrorBox error={stock.error} />
      <Loading when={stock.loading && !stock.data} />
      {stock.data && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t('order.device')}</th>
                <th>{t('stock.lot')}</th>
                <th>{t('stock.status')}</th>
                <th>{t('stock.expires')}</th>
                <th>{t('stock.where')}</th>
                <th className="num">{t('stock.onHand')}</th>
                <th className="num">{t('order.allocated')}</th>
                <th className="num">{t('stock.free')}</th>
              </tr>
            </thead>
            <tbody>
              {stock.data.items.map((s) => (
                <tr key={`${s.lotId}-${s.binCode}`}>
                  <td>
                    {s.deviceCode} {s.deviceNameZh}
                  </td>
                  <td>
                    <Link to={`/inventory/lots/${s.lotId}`}>{s.lotNumber}</Link>
                  </td>
                  <td>
                    <StatusBadge status={`lot-${s.lotStatus}`} />
                  </td>
                  <td className={`exp-${expiryClass(s.expiresOn)}`}>
                    {s.expiresOn} ({t('stock.daysLeft', { count: daysUntil(s.expiresOn) })})
                  </td>
                  <td>
                    {s.warehouseCode} / {s.binCode}
                  </td>
                  <td className="num">{s.onHand}</td>
                  <td className="num">{s.allocated}</td>
                  <td className="num">{s.free}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={stock.data.items.length === 0} />
        </>
      )}
    </section>
  );
}
