import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import './admin.css';

/** The master-data areas, each shown to those whose permissions open it. */
export const ADMIN_AREAS = [
  { to: '/admin/devices', key: 'devices', permission: 'catalog.read' },
  { to: '/admin/customers', key: 'customers', permission: 'parties.read' },
  { to: '/admin/pricing', key: 'pricing', permission: 'pricing.read' },
  { to: '/admin/rules', key: 'rules', permission: 'rules.manage' },
  { to: '/admin/users', key: 'users', permission: 'users.manage' },
  { to: '/admin/imports', key: 'imports', permission: 'import.run' },
] as const;

export function AdminHome() {
  const { t } = useTranslation('admin');
  const { me } = useSession();
  return (
    <section>
      <h1>{t('hub.title')}</h1>
      <div className="hub">
        {ADMIN_AREAS.filter((a) => me?.permissions.includes(a.permission)).map((a) => (
          <Link key={a.to} to={a.to}>
            {t(`${a.key}.title`)}
            <span>{t(`hub.${a.key}`)}</span>
          </Link>
        ))}
      </div>
    </section>
  );
}
