import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox } from '../components/feedback';
import type { SavedView } from '../api/views';

interface Props {
  /** The filters the form shows now; "save" keeps these. */
  current: Record<string, string>;
  /** Sets the list's filters (the form and the address) to those of a view. */
  onApply: (filters: Record<string, string>) => void;
}

/** Saved views of the order list: pick one to apply its filters, save the current ones, delete your own. */
export function SavedViews({ current, onApply }: Props) {
  const { t } = useTranslation();
  const views = useLoad(
    () => api.get('/api/v1/saved-views', { query: { screen: 'orders' } }),
    [],
  );
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  const chosen = views.data?.items.find((v) => v.id === selected);

  function choose(id: string) {
    setSelected(id);
    const view = views.data?.items.find((v) => v.id === id);
    if (view) onApply(view.filters);
  }
  async function run(write: () => Promise<void>) {
    setError(null);
    setSaved('');
    try {
      await write();
      views.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e)));
    }
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    const filters = Object.fromEntries(Object.entries(current).filter(([, v]) => v));
    void run(async () => {
      const view = await api.post('/api/v1/saved-views', {
        body: { screen: 'orders', name: name.trim(), filters, shared },
      });
      onApply(view.filters);
      setSelected(view.id);
      setSaved(view.name);
      setName('');
      setShared(false);
    });
  };
  const remove = () =>
    void run(async () => {
      await api.del('/api/v1/saved-views/{id}', { path: { id: selected } });
      setSelected('');
    });
  const label = (v: SavedView) =>
    !v.shared
      ? v.name
      : v.mine
        ? t('savedViews.mineShared', { name: v.name })
        : t('savedViews.sharedBy', { name: v.name, owner: v.ownerName });

  return (
    <section className="row" aria-label={t('savedViews.region')}>
      <label>
        {t('savedViews.label')}
        <select name="savedView" value={selected} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('savedViews.choose')}</option>
          {views.data?.items.map((v) => (
            <option key={v.id} value={v.id}>
              {label(v)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="danger" disabled={!chosen?.mine} onClick={remove}>
        {t('savedViews.delete')}
      </button>
      <form className="row" onSubmit={save}>
        <label>
          {t('savedViews.name')}
          <input
            name="viewName"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            name="viewShared"
            checked={shared}
            onChange={(e) => setShared(e.target.checked)}
          />
          {t('savedViews.shared')}
        </label>
        <button type="submit" disabled={!name.trim()}>
          {t('savedViews.save')}
        </button>
      </form>
      <ErrorBox error={error ?? views.error} />
      {saved && <p role="status">{t('savedViews.saved', { name: saved })}</p>}
    </section>
  );
}
