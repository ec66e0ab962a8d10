import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';

/** Cancelling needs a reason; it goes to the order's audit trail. */
export function CancelOrder({
  orderId,
  onDone,
}: {
  orderId: string;
  onDone: (error: ApiError | null) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/v1/orders/{id}/cancel', { path: { id: orderId }, body: { reason } });
      onDone(null);
    } catch (err) {
      onDone(err as ApiError);
    }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('order.cancelReason')}
        <input
          autoFocus
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit" className="danger">
        {t('order.confirmCancel')}
      </button>
      <button type="button" onClick={() => onDone(null)}>
        {t('common.back')}
      </button>
    </form>
  );
}
