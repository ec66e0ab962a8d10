import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { dateTime, money } from '../format';
import { CHANNELS, HOLD_TYPES, ORDER_STATUSES } from './order-options';
import { SavedViews } from './saved-views';

const FILTERS = ['status', 'customerId', 'channel', 'from', 'to', 'holdType', 'q'] as const;

/** Orders with filters kept in the address, so a filtered list can be bookmarked or shared. */
export function OrdersList() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const [draft, setDraft] = useState(query);
  const customers = useLoad(
    () => api.get('/api/v1/parties', { query: { kind: 'customer', limit: 200 } }),
    [],
  );
  const orders = useLoad(
    () => api.get('/api/v1/orders', { query: { ...query, limit: 100 } }),
    [params.toString()],
  );

  /** Shows these filters in the form and the address (a saved view sets every filter, empty or not). */
  function applyFilters(filters: Partial<typeof draft>) {
    const next = Object.fromEntries(FILTERS.map((k) => [k, filters[k] ?? ''])) as typeof draft;
    setDraft(next);
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
  }
  function apply(e: FormEvent) {
    e.preventDefault();
    applyFilters(draft);
  }
  const field = (k: keyof typeof draft) => ({
    name: k,
    value: draft[k],
    onChange: ({ target: { value } }: { target: { value: string } }) =>
      setDraft((prev) => ({ ...prev, [k]: value })),
  });

  return (
    <section>
      <div className="title-row">
        <h1>{t('orders.title')}</h1>
        <Link className="button" to="/orders/new">
          {t('nav.newOrder')}
        </Link>
      </div>
      <form className="filters" onSubmit={apply} role="search">
        <label>
          {t('orders.search')}
          <input type="search" placeholder={t('orders.searchHint')} {...field('q')} />
        </label>
        <label>
          {t('orders.status')}
          <select {...field('status')}>
            <option value="">{t('common.all')}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.customer')}
          <select {...field('customerId')}>
            <option value="">{t('common.all')}</option>
            {customers.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {i18n.language === 'en' ? (c.nameEn ?? c.nameZh) : c.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.channel')}
          <select {...field('channel')}>
            <option value="">{t('common.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.holdType')}
          <select {...field('holdType')}>
            <option value="">{t('common.all')}</option>
            {HOLD_TYPES.map((h) => (
              <option key={h} value={h}>
                {t(`hold.${h}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orders.from')}
          <input type="date" {...field('from')} />
        </label>
        <label>
          {t('orders.to')}
          <input type="date" {...field('to')} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <SavedViews current={draft} onApply={applyFilters} />
      <ErrorBox error={orders.error} />
      <Loading when={orders.loading && !orders.data} />
      {orders.data && (
        <>
          <p className="muted">{t('common.total', { count: orders.data.total })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('orders.number')}</th>
                <th>{t('orders.customer')}</th>
                <th>{t('orders.status')}</th>
                <th>{t('orders.holds')}</th>
                <th>{t('orders.channel')}</th>
                <th>{t('orders.promised')}</th>
                <th className="num">{t('orders.total')}</th>
                <th>{t('orders.created')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.items.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td>
                    {o.customerCode} {o.customerName}
                  </td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td>{(o.openHolds ?? []).map((h) => t(`hold.${h}`)).join('、')}</td>
                  <td>{t(`channel.${o.channel}`, { defaultValue: o.channel })}</td>
                  <td>{o.promisedDate ?? '—'}</td>
                  <td className="num">{money(o.totalMinor, o.currency, i18n.language)}</td>
                  <td>{dateTime(o.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={orders.data.items.length === 0} />
        </>
      )}
    </section>
  );
}
