import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { CatalogueItem } from '../api/views';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading } from '../components/feedback';
import { money } from '../format';
import { bi } from '../i18n/i18n';

/** What this hospital may buy, at its own (contract or list) price. */
export function PortalCatalogue() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const catalogue = useLoad(
    () => api.get('/api/v1/portal/catalogue', { query: { q: search || undefined, limit: 100 } }),
    [search],
  );

  async function add(item: CatalogueItem) {
    try {
      const cart = await api.get('/api/v1/portal/cart');
      const inCart = cart.lines.find((l) => l.deviceId === item.id && l.uom === 'EA')?.quantity ?? 0;
      await api.put('/api/v1/portal/cart/lines', {
        body: { deviceId: item.id, quantity: inCart + (quantities[item.id] ?? 1) },
      });
      setAdded(item.code);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }

  return (
    <section>
      <div className="title-row">
        <h1>{t('portal.catalogueTitle')}</h1>
        <Link to="/portal/cart">{t('nav.cart')}</Link>
      </div>
      <form
        className="filters"
        role="search"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSearch(q);
        }}
      >
        <label>
          {t('orders.search')}
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      {added && (
        <p className="ok" role="status">
          {t('portal.added', { code: added })} <Link to="/portal/cart">{t('portal.toCart')}</Link>
        </p>
      )}
      <ErrorBox error={error ?? catalogue.error} />
      <Loading when={catalogue.loading && !catalogue.data} />
      {catalogue.data && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t('order.device')}</th>
                <th>{t('portal.class')}</th>
                <th className="num">{t('order.unitPrice')}</th>
                <th>{t('portal.priceBasis')}</th>
                <th>{t('portal.availability')}</th>
                <th>{t('order.quantity')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {catalogue.data.items.map((d) => (
                <tr key={d.id} data-code={d.code}>
                  <td>
                    {d.code} {lang.startsWith('zh') ? d.nameZh : (d.nameEn ?? d.nameZh)}
                    {d.coldChain ? ` · ${t('portal.coldChain')}` : ''}
                  </td>
                  <td>{d.deviceClass}</td>
                  <td className="num">
                    {d.price
                      ? `${money(d.price.unitPriceMinor, d.price.currency, lang)} / ${d.baseUnit}`
                      : '—'}
                  </td>
                  <td className="small" title={bi(d.price?.explanation, lang)}>
                    {d.price ? t(`priceSource.${d.price.source}`, { defaultValue: d.price.source }) : ''}
                  </td>
                  <td className="small">{t('portal.availabilityAtOrder')}</td>
                  <td>
                    <input
                      aria-label={t('portal.quantityOf', { code: d.code })}
                      type="number"
                      min={1}
                      className="qty"
                      value={quantities[d.id] ?? 1}
                      onChange={(e) => {
                        const quantity = Math.max(1, Number(e.target.value));
                        setQuantities((prev) => ({ ...prev, [d.id]: quantity }));
                      }}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => void add(d)}>
                      {t('portal.addToCart')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={catalogue.data.items.length === 0} />
        </>
      )}
    </section>
  );
}
