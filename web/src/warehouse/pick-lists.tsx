import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { dateTime } from '../format';

/** Pick lists still to pick, and a new one for an allocated order (by its number). */
export function PickLists() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lists = useLoad(async () => {
    const [open, picking] = await Promise.all([
      api.get('/api/v1/pick-lists', { query: { status: 'open', limit: 100 } }),
      api.get('/api/v1/pick-lists', { query: { status: 'picking', limit: 100 } }),
    ]);
    return [...picking.items, ...open.items];
  }, []);
  const [orderNumber, setOrderNumber] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      const found = await api.get('/api/v1/orders', { query: { q: orderNumber.trim(), limit: 2 } });
      const order = found.items.find((o) => o.number === orderNumber.trim());
      if (!order) throw new ApiError(404, 'NOT_FOUND', orderNumber);
      const list = await api.post('/api/v1/pick-lists', { body: { orderIds: [order.id] } });
      navigate(`/warehouse/pick/${list.id}`);
    } catch (err) {
      setError(err as ApiError);
    }
  }

  return (
    <section>
      <h1>{t('pick.listsTitle')}</h1>
      <form className="filters" onSubmit={(e) => void create(e)}>
        <label>
          {t('pick.orderNumber')}
          <input
            name="orderNumber"
            required
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.target.value)}
            placeholder="SO-2026-000001"
          />
        </label>
        <button type="submit">{t('pick.create')}</button>
      </form>
      <ErrorBox error={error ?? lists.error} />
      <Loading when={lists.loading && !lists.data} />
      {lists.data && (
        <>
          <table>
            <thead>
              <tr>
                <th>{t('pick.list')}</th>
                <th>{t('orders.status')}</th>
                <th className="num">{t('pick.lines')}</th>
                <th className="num">{t('pick.progress')}</th>
                <th>{t('orders.created')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.data.map((l) => (
                <tr key={l.id}>
                  <td>
                    <Link to={`/warehouse/pick/${l.id}`}>{l.number}</Link>
                  </td>
                  <td>
                    <StatusBadge status={`pick-${l.status}`} />
                  </td>
                  <td className="num">{l.lines}</td>
                  <td className="num">
                    {l.picked} / {l.units}
                  </td>
                  <td>{dateTime(l.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Empty when={lists.data.length === 0} />
        </>
      )}
    </section>
  );
}
