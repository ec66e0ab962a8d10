import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading } from '../components/feedback';
import './admin.css';

/** The device catalogue: search by code, name, GTIN or category; class and registration at a glance. */
export function DevicesList() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const devices = useLoad(
    () =>
      api.get('/api/v1/devices', { query: { q: params.get('q') || undefined, limit: 200 } }),
    [params.toString()],
  );
  function search(e: FormEvent) {
    e.preventDefault();
    setParams(q ? { q } : {});
  }
  return (
    <section>
      <div className="title-row">
        <h1>{t('devices.title')}</h1>
        <Link className="button" to="/admin/devices/new">
          {t('devices.new')}
        </Link>
      </div>
      <form className="filters" role="search" onSubmit={search}>
        <label>
          {t('common.search')}
          <input name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <ErrorBox error={devices.error} />
      <Loading when={devices.loading && !devices.data} />
      {devices.data && (
        <table>
          <thead>
            <tr>
              <th>{t('devices.code')}</th>
              <th>{t('devices.name')}</th>
              <th>{t('devices.class')}</th>
              <th>{t('devices.category')}</th>
              <th>{t('devices.registration')}</th>
              <th>{t('devices.expires')}</th>
              <th>{t('devices.storage')}</th>
              <th>{t('devices.tracking')}</th>
              <th>{t('common.active')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.data.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/admin/devices/${d.id}`}>{d.code}</Link>
                </td>
                <td>
                  {d.nameZh}
                  {d.nameEn && <div className="small muted">{d.nameEn}</div>}
                </td>
                <td>{d.deviceClass}</td>
                <td>{d.categoryCode}</td>
                <td>{d.registrationNumber ?? '—'}</td>
                <td>{d.registrationExpiresOn ?? '—'}</td>
                <td>{t(`storage.${d.storageCondition}`, { defaultValue: d.storageCondition })}</td>
                <td>{t(`tracking.${d.trackingMode}`, { defaultValue: d.trackingMode })}</td>
                <td>{d.active ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Empty when={devices.data?.items.length === 0} />
    </section>
  );
}
