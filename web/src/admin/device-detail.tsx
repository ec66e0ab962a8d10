import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading } from '../components/feedback';

/** One device: registration, storage, tracking and a UDI-DI (GTIN) per packaging level. */
export function DeviceDetailView() {
  const { t } = useTranslation('admin');
  const { id = '' } = useParams();
  const device = useLoad(
    () => api.get('/api/v1/devices/{id}', { path: { id } }),
    [id],
  );
  const d = device.data;
  return (
    <section>
      <p>
        <Link to="/admin/devices">← {t('devices.title')}</Link>
      </p>
      <ErrorBox error={device.error} />
      <Loading when={device.loading && !d} />
      {d && (
        <>
          <h1>
            {d.code} {d.nameZh}
          </h1>
          <dl className="facts">
            <dt>{t('devices.nameEn')}</dt>
            <dd>{d.nameEn ?? '—'}</dd>
            <dt>{t('devices.class')}</dt>
            <dd>{d.deviceClass}</dd>
            <dt>{t('devices.category')}</dt>
            <dd>{d.categoryCode}</dd>
            <dt>{t('devices.registration')}</dt>
            <dd>{d.registrationNumber ?? '—'}</dd>
            <dt>{t('devices.expires')}</dt>
            <dd>{d.registrationExpiresOn ?? '—'}</dd>
            <dt>{t('devices.storage')}</dt>
            <dd>{t(`storage.${d.storageCondition}`, { defaultValue: d.storageCondition })}</dd>
            <dt>{t('devices.tracking')}</dt>
            <dd>{t(`tracking.${d.trackingMode}`, { defaultValue: d.trackingMode })}</dd>
            <dt>{t('devices.baseUnit')}</dt>
            <dd>{d.baseUnit}</dd>
            <dt>{t('devices.shelfLife')}</dt>
            <dd>{d.shelfLifeDays ?? '—'}</dd>
            <dt>{t('common.source')}</dt>
            <dd>{d.source}</dd>
          </dl>
          <h2>{t('devices.packaging')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('devices.level')}</th>
                <th>{t('devices.gtin')}</th>
                <th className="num">{t('devices.perPackage')}</th>
              </tr>
            </thead>
            <tbody>
              {d.packaging.map((p) => (
                <tr key={p.gtin}>
                  <td>{t(`level.${p.level}`, { defaultValue: p.level })}</td>
                  <td>{p.gtin}</td>
                  <td className="num">{p.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
