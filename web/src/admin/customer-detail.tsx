import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading } from '../components/feedback';
import { daysUntil, money } from '../format';
import { licenceState } from './licence-state';

/** One customer and its licences; a licence expiring within 60 days is highlighted, an expired one in red. */
export function CustomerDetail() {
  const { t, i18n } = useTranslation('admin');
  const { id = '' } = useParams();
  const party = useLoad(
    () => api.get('/api/v1/parties/{id}', { path: { id } }),
    [id],
  );
  const p = party.data;
  return (
    <section>
      <p>
        <Link to="/admin/customers">← {t('customers.title')}</Link>
      </p>
      <ErrorBox error={party.error} />
      <Loading when={party.loading && !p} />
      {p && (
        <>
          <h1>
            {p.code} {p.nameZh}
          </h1>
          <dl className="facts">
            <dt>{t('customers.nameEn')}</dt>
            <dd>{p.nameEn ?? '—'}</dd>
            <dt>{t('customers.type')}</dt>
            <dd>
              {p.customerType ? t(`customerType.${p.customerType}`, { defaultValue: p.customerType }) : '—'}
            </dd>
            <dt>{t('customers.creditLimit')}</dt>
            <dd>{money(p.creditLimitMinor, p.currency, i18n.language)}</dd>
            <dt>{t('customers.terms')}</dt>
            <dd>{p.paymentTermsDays ?? '—'}</dd>
          </dl>
          <h2>{t('customers.licences')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('customers.licenceType')}</th>
                <th>{t('customers.licenceNumber')}</th>
                <th>{t('customers.classes')}</th>
                <th>{t('customers.validFrom')}</th>
                <th>{t('customers.validTo')}</th>
                <th>{t('customers.state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.licences.map((l) => {
                const state = licenceState(l.validTo);
                return (
                  <tr key={l.id} className={`licence-${state}`} data-state={state}>
                    <td>{t(`licenceType.${l.licenceType}`, { defaultValue: l.licenceType })}</td>
                    <td>{l.number}</td>
                    <td>{l.deviceClasses.join(', ')}</td>
                    <td>{l.validFrom}</td>
                    <td>{l.validTo ?? '—'}</td>
                    <td>
                      {state === 'valid'
                        ? t('customers.valid')
                        : state === 'expired'
                          ? t('customers.expired')
                          : t('customers.expiresIn', { days: daysUntil(l.validTo!) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {p.licences.length === 0 && <p className="muted">{t('customers.noLicences')}</p>}
        </>
      )}
    </section>
  );
}
