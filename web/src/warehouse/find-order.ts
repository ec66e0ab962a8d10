import { api, ApiError } from '../api/client';

/** The order with exactly this number (people type or scan the number, the API wants the id). */
export async function findOrderByNumber(number: string): Promise<{ id: string; number: string }> {
  const wanted = number.trim();
  const found = await api.get('/api/v1/orders', { query: { q: wanted, limit: 5 } });
  const order = found.items.find((o) => o.number === wanted);
  if (!order) throw new ApiError(404, 'NOT_FOUND', wanted, 'orderNumber');
  return order;
}
