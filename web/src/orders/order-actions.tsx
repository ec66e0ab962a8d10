import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { Order } from '../api/views';
import { useSession } from '../session';

/** The next step of a released order: allocate its stock (FEFO), then a pick list for the warehouse. */
export function OrderActions({ order, onDone }: { order: Order; onDone: (error: ApiError | null) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const run = (f: () => Promise<unknown>) =>
    f().then(
      () => onDone(null),
      (e: ApiError) => onDone(e),
    );

  return (
    <>
      {order.status === 'confirmed' && (can('inventory.write') || can('orders.write')) && (
        <button
          type="button"
          onClick={() => void run(() => api.post('/api/v1/orders/{id}/allocate', { path: { id: order.id } }))}
        >
          {t('order.allocate')}
        </button>
      )}
      {order.status === 'allocated' && can('fulfillment.pick') && (
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const list = await api.post('/api/v1/pick-lists', { body: { orderIds: [order.id] } });
              navigate(`/warehouse/pick/${list.id}`);
            })
          }
        >
          {t('pick.create')}
        </button>
      )}
    </>
  );
}
