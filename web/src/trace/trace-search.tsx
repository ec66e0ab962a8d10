import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { ErrorBox } from '../components/feedback';
import { scanTarget, serialPath } from './trace-paths';
import '../warehouse/warehouse.css';

function SearchForm({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="dims"
      aria-label={title}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <strong>{title}</strong>
      {children}
      <button type="submit">{t('trace.search')}</button>
    </form>
  );
}

/**
 * Trace search (追溯): by device GTIN and lot (recall scope), GTIN and serial (a unit's life), a
 * scanned UDI or carton label, or an order number (what went to the customer).
 */
export function TraceSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [v, setV] = useState({ gtin: '', lot: '', sgtin: '', serial: '', code: '', order: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const set =
    (k: keyof typeof v) =>
    ({ target: { value } }: { target: { value: string } }) =>
      setV((prev) => ({ ...prev, [k]: value }));
  const go = (f: () => Promise<string>) => async () => {
    try {
      setError(null);
      navigate(await f());
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <section className="tablet">
      <h1>{t('trace.title')}</h1>
      <ErrorBox error={error} />
      <div className="stack">
        <SearchForm
          title={t('trace.byScan')}
          onSubmit={go(async () =>
            scanTarget(await api.get('/api/v1/trace/scan', { query: { code: v.code.trim() } })),
          )}
        >
          <label>
            {t('trace.scan')}
            <input name="code" autoFocus autoComplete="off" required value={v.code} onChange={set('code')} />
          </label>
        </SearchForm>
        <SearchForm
          title={t('trace.byLot')}
          onSubmit={go(async () => {
            const found = await api.get('/api/v1/trace/lots', {
              query: { gtin: v.gtin.trim(), lot: v.lot.trim() },
            });
            return `/trace/lots/${found.lot.id}`;
          })}
        >
          <label>
            GTIN
            <input name="gtin" inputMode="numeric" required value={v.gtin} onChange={set('gtin')} />
          </label>
          <label>
            {t('stock.lot')}
            <input name="lot" required value={v.lot} onChange={set('lot')} />
          </label>
        </SearchForm>
        <SearchForm
          title={t('trace.bySerial')}
          onSubmit={go(async () => {
            // Asked first so a wrong GTIN or serial is answered here, with the field named.
            const found = await api.get('/api/v1/trace/serials', {
              query: { gtin: v.sgtin.trim(), serial: v.serial.trim() },
            });
            return serialPath(found.gtin, found.serial);
          })}
        >
          <label>
            GTIN
            <input name="serialGtin" inputMode="numeric" required value={v.sgtin} onChange={set('sgtin')} />
          </label>
          <label>
            {t('ship.serial')}
            <input name="serial" required value={v.serial} onChange={set('serial')} />
          </label>
        </SearchForm>
        <SearchForm
          title={t('trace.byOrder')}
          onSubmit={go(async () => {
            const found = await api.get('/api/v1/trace/orders/{id}', { path: { id: v.order.trim() } });
            return `/trace/orders/${found.order.id}`;
          })}
        >
          <label>
            {t('orders.number')}
            <input
              name="order"
              required
              value={v.order}
              onChange={set('order')}
              placeholder="SO-2026-000001"
            />
          </label>
        </SearchForm>
      </div>
    </section>
  );
}
