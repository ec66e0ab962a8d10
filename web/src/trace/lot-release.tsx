import { useTranslation } from 'react-i18next';
import { dateTime } from '../format';
import type { LotHead } from './trace-views';

/** A lot's device, registration, release signature and documents: what an inspector asks first. */
export function LotRelease({ lot }: { lot: LotHead }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <dl className="facts">
      <dt>{t('order.device')}</dt>
      <dd>
        {lot.device.code} {zh ? lot.device.nameZh : (lot.device.nameEn ?? lot.device.nameZh)} (
        {lot.device.deviceClass})
      </dd>
      <dt>GTIN</dt>
      <dd>{lot.device.eachGtin ?? '—'}</dd>
      <dt>{t('trace.registration')}</dt>
      <dd>{lot.device.registrationNumber ?? '—'}</dd>
      <dt>{t('stock.expires')}</dt>
      <dd>{lot.expiresOn}</dd>
      <dt>{t('trace.release')}</dt>
      <dd>
        {lot.release
          ? [
              lot.release.signedBy ?? lot.release.by,
              lot.release.meaning &&
                t(`meaning.${lot.release.meaning}`, { defaultValue: lot.release.meaning }),
              dateTime(lot.release.at, i18n.language),
            ]
              .filter(Boolean)
              .join(' · ')
          : '—'}
      </dd>
      <dt>{t('trace.documents')}</dt>
      <dd>
        {lot.documents.length
          ? lot.documents
              .map((d) => `${t(`docKind.${d.kind}`, { defaultValue: d.kind })} ${d.reference}`)
              .join(' · ')
          : '—'}
      </dd>
    </dl>
  );
}
