import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** An API error in the user's language where the code is known, with the server's words as detail. */
export function ErrorBox({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const known = t(`errors.${error.code}`, { defaultValue: '' });
  return (
    <div className="error" role="alert">
      {known || t('errors.generic')}
      {error.field ? ` (${error.field})` : ''}
      <div className="detail">{error.message}</div>
    </div>
  );
}

export function Loading({ when }: { when: boolean }) {
  const { t } = useTranslation();
  return when ? <p className="muted">{t('common.loading')}</p> : null;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge st-${status}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}

export function Empty({ when }: { when: boolean }) {
  const { t } = useTranslation();
  return when ? <p className="muted">{t('common.empty')}</p> : null;
}
