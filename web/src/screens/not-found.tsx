import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Unknown addresses, and records this user may not see (the API answers 404 for both). */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="not-found" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
