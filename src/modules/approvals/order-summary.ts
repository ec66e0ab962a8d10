import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';

export interface OrderSummary {
  id: string;
  number: string;
  version: number;
  currency: string;
  totalMinor: number;
  customerId: string;
}

/** What an approval needs of its order: number, version, and the total the amount thresholds compare. */
export async function loadOrderSummary(tx: Sql, orderId: string): Promise<OrderSummary> {
  const { rows } = await tx.query<OrderSummary>(
    `SELECT o.id, o.number, o.version, o.currency, o.customer_id AS "customerId",
            coalesce((SELECT sum((l.qty_ordered - l.qty_cancelled) * l.unit_price_minor) FROM order_lines l WHERE l.order_id = o.id), 0)::bigint AS "totalMinor"
       FROM orders o WHERE o.id = $1`,
    [orderId],
  );
  if (!rows[0]) throw notFound('order', orderId);
  return rows[0];
}
