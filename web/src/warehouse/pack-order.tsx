import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { OrderLine } from '../api/views';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { SsccLabel } from './sscc-label';
import './warehouse.css';

type Line = OrderLine & { picked: number; packed: number };
const FIELDS = ['weightG', 'lengthMm', 'widthMm', 'heightMm'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Packing at the bench: the order's picked units not yet packed go into one carton with its gross
 * weight and dimensions; the carton gets an SSCC, shown as its label. The packages packed here
 * stay listed (in the address, so a reload or a colleague's screen shows them too) with a link
 * to their outbound review.
 */
export function PackOrder() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const [search, setSearch] = useSearchParams();
  const order = useLoad(() => api.get('/api/v1/orders/{id}', { path: { id } }), [id]);
  const packed = (search.get('pkg') ?? '').split(',').filter(Boolean);
  const packages = useLoad(
    () => Promise.all(packed.map((p) => api.get('/api/v1/packages/{id}', { path: { id: p } }))),
    [search.get('pkg')],
  );
  const [dims, setDims] = useState<Record<Field, string>>({
    weightG: '',
    lengthMm: '',
    widthMm: '',
    heightMm: '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function pack(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const body = Object.fromEntries(FIELDS.map((f) => [f, Number(dims[f])])) as Record<Field, number>;
      const p = await api.post('/api/v1/orders/{id}/packages', { path: { id }, body });
      setError(null);
      setSearch({ pkg: [...packed, p.id].join(',') });
      order.reload();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  if (order.error?.status === 404) return <NotFound />;
  const o = order.data;
  const lines = (o?.lines ?? []) as Line[];
  const toPack = lines.reduce((n, l) => n + l.picked - l.packed, 0);
  return (
    <section className="tablet">
      <ErrorBox error={order.error ?? packages.error} />
      <Loading when={order.loading && !o} />
      {o && (
        <>
          <div className="title-row">
            <h1>{t('ship.packTitle', { number: o.number })}</h1>
            <StatusBadge status={o.status} />
            <span className="spacer" />
            <Link className="button" to={`/warehouse/orders/${id}/ship`}>
              {t('ship.toShip')}
            </Link>
          </div>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('order.device')}</th>
                <th className="num">{t('ship.picked')}</th>
                <th className="num">{t('ship.packed')}</th>
                <th className="num">{t('ship.toPackCount')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.lineNo} className={l.picked > 0 && l.picked === l.packed ? 'done' : ''}>
                  <td>{l.lineNo}</td>
                  <td>
                    {l.deviceCode} {zh ? l.deviceNameZh : (l.deviceNameEn ?? l.deviceNameZh)}
                  </td>
                  <td className="num">{l.picked}</td>
                  <td className="num">{l.packed}</td>
                  <td className="num">{l.picked - l.packed}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('ship.newPackage')}</h2>
          {toPack === 0 && <p className="muted">{t('ship.nothingToPack')}</p>}
          <form className="dims" onSubmit={(e) => void pack(e)}>
            {FIELDS.map((f) => (
              <label key={f}>
                {t(`ship.${f}`)}
                <input
                  name={f}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  required
                  value={dims[f]}
                  onChange={({ target: { value } }) => setDims((prev) => ({ ...prev, [f]: value }))}
                />
              </label>
            ))}
            <button type="submit" disabled={busy || toPack === 0}>
              {t('ship.pack')}
            </button>
          </form>
          <ErrorBox error={error} />
          {packages.data && packages.data.length > 0 && (
            <>
              <h2>{t('ship.packagesHere')}</h2>
              <ul className="stack" data-testid="packages">
                {packages.data.map((p) => (
                  <li key={p.id}>
                    <SsccLabel pkg={p} />
                    <StatusBadge status={`pkg-${p.status}`} />{' '}
                    <Link className="button" to={`/warehouse/packages/${p.id}`}>
                      {t('ship.openReview')}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
