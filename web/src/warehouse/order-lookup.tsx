import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { ErrorBox } from '../components/feedback';
import { findOrderByNumber } from './find-order';
import './warehouse.css';

/** Start of packing and shipping: the order number, typed or scanned from the pick list. */
export function OrderLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  async function open(e: FormEvent, step: 'pack' | 'ship') {
    e.preventDefault();
    try {
      const order = await findOrderByNumber(number);
      navigate(`/warehouse/orders/${order.id}/${step}`);
    } catch (err) {
      setError(err as ApiError);
    }
  }

  return (
    <section className="tablet">
      <h1>{t('ship.lookupTitle')}</h1>
      <form className="filters" onSubmit={(e) => void open(e, 'pack')}>
        <label>
          {t('pick.orderNumber')}
          <input
            name="orderNumber"
            required
            autoFocus
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            placeholder="SO-2026-000001"
          />
        </label>
        <button type="submit" name="pack">
          {t('ship.toPack')}
        </button>
        <button type="button" name="ship" onClick={(e) => void open(e, 'ship')}>
          {t('ship.toShip')}
        </button>
      </form>
      <ErrorBox error={error} />
    </section>
  );
}
