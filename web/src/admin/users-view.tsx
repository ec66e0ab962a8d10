import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading } from '../components/feedback';

/** The console's staff roles (src/modules/auth/migrations/0003_auth.sql); portal users are made per hospital. */
export const ROLES = [
  'admin',
  'sales',
  'customer_service',
  'quality',
  'finance',
  'planner',
  'warehouse',
  'auditor',
] as const;

/** Users with their roles, and a form to add one. */
export function UsersView() {
  const { t } = useTranslation('admin');
  const users = useLoad(() => api.get('/api/v1/users'), []);
  const [f, setF] = useState({ username: '', displayName: '', password: '' });
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone('');
    try {
      await api.post('/api/v1/users', { body: { ...f, roles } });
      setDone(f.username);
      setF({ username: '', displayName: '', password: '' });
      setRoles([]);
      users.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <ErrorBox error={users.error} />
      <Loading when={users.loading && !users.data} />
      <table>
        <thead>
          <tr>
            <th>{t('users.username')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.roles')}</th>
            <th>{t('common.active')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{u.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(', ')}</td>
              <td>{u.active ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('users.new')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="row">
          {(['username', 'displayName', 'password'] as const).map((k) => (
            <label key={k}>
              {t(`users.${k}`)}
              <input
                name={k}
                type={k === 'password' ? 'password' : 'text'}
                autoComplete={k === 'password' ? 'new-password' : 'off'}
                value={f[k]}
                required={k !== 'displayName'}
                onChange={({ target: { value } }) => setF((prev) => ({ ...prev, [k]: value }))}
              />
            </label>
          ))}
        </div>
        <fieldset>
          <legend>{t('users.roles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="inline">
              <input
                type="checkbox"
                name={`role-${r}`}
                checked={roles.includes(r)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
              />
              {t(`role.${r}`)}
            </label>
          ))}
        </fieldset>
        <ErrorBox error={error} />
        {done && (
          <p className="ok" role="status">
            {t('users.created', { username: done })}
          </p>
        )}
        <div>
          <button type="submit" disabled={roles.length === 0}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
