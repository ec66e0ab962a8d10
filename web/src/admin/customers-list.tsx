import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { money } from '../format';
import { Empty, ErrorBox, Loading } from '../components/feedback';
import { LICENCE_WARNING_DAYS } from './licence-state';
import './admin.css';

/** Customers with their credit terms; a customer holding a licence that expires within 60 days is highlighted. */
export function CustomersList() {
  const { t, i18n } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const parties = useLoad(
    () =>
      api.get('/api/v1/parties', { query: { kind: 'customer', q: params.get('q') || undefined, limit: 200 } }),
    [params.toString()],
  );
  const expiring = useLoad(
    () =>
      api.get('/api/v1/licences/expiring', {
        query: { within: LICENCE_WARNING_DAYS, kind: 'customer', limit: 200 },
      }),
    [],
  );
  const soonest = new Map<string, number>();
  for (const l of expiring.data?.items ?? [])
    soonest.set(l.partyId, Math.min(l.daysLeft, soonest.get(l.partyId) ?? Infinity));
  function search(e: FormEvent) {
    e.preventDefault();
    setParams(q ? { q } : {});
  }
  return (
    <section>
      <h1>{t('customers.title')}</h1>
      <form className="filters" role="search" onSubmit={search}>
        <label>
          {t('common.search')}
          <input name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <p className="legend small">
        <span className="licence-expiring">
          {t('customers.legendExpiring', { days: LICENCE_WARNING_DAYS })}
        </span>
      </p>
      <ErrorBox error={parties.error ?? expiring.error} />
      <Loading when={parties.loading && !parties.data} />
      {parties.data && (
        <table>
          <thead>
            <tr>
              <th>{t('customers.code')}</th>
              <th>{t('customers.name')}</th>
              <th>{t('customers.type')}</th>
              <th className="num">{t('customers.creditLimit')}</th>
              <th className="num">{t('customers.terms')}</th>
              <th>{t('customers.licences')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.data.items.map((p) => {
              const days = soonest.get(p.id);
              return (
                <tr key={p.id} className={days === undefined ? '' : 'licence-expiring'}>
                  <td>
                    <Link to={`/admin/customers/${p.id}`}>{p.code}</Link>
                  </td>
                  <td>
                    {p.nameZh}
                    {p.nameEn && <div className="small muted">{p.nameEn}</div>}
                  </td>
                  <td>
                    {p.customerType
                      ? t(`customerType.${p.customerType}`, { defaultValue: p.customerType })
                      : '—'}
                  </td>
                  <td className="num">{money(p.creditLimitMinor, p.currency, i18n.language)}</td>
                  <td className="num">{p.paymentTermsDays ?? '—'}</td>
                  <td>{days === undefined ? '' : t('customers.expiresIn', { days })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Empty when={parties.data?.items.length === 0} />
    </section>
  );
}
