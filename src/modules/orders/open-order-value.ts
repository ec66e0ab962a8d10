import type { Sql } from '../../db/types.ts';

/**
 * What an order (the row `o`) adds to its customer's credit exposure with lifecycle `lifecycle`:
 * while submitted or confirmed, its lines' quantities not yet invoiced at their prices; else nothing.
 */
const openValue = (lifecycle: string): string => `
  CASE WHEN ${lifecycle} IN ('submitted', 'confirmed')
       THEN coalesce((SELECT sum(greatest(l.qty_ordered - l.qty_cancelled - l.qty_invoiced, 0) * l.unit_price_minor)
                        FROM order_lines l WHERE l.order_id = o.id), 0)::bigint
       ELSE 0 END`;

/**
 * A statement that sets orders' header columns (`set`, may be empty) and recounts what they add to
 * their customers' open order totals, moving the difference onto each total: `o` is the order row,
 * `$1` the order ids, `lifecycle` the order's lifecycle after the statement (a parameter when the
 * statement changes it). Customers are locked in id order, so two recounts never deadlock.
 */
export function recountingUpdate(set: readonly string[], lifecycle = 'o.lifecycle'): string {
  return `WITH fresh AS (
      SELECT o.id, o.customer_id, o.counted_open_minor AS counted, ${openValue(lifecycle)} AS open_minor
        FROM orders o WHERE o.id = ANY($1::uuid[])
    ), moved AS (
      INSERT INTO customer_open_orders AS t (customer_id, open_minor)
      SELECT customer_id, sum(open_minor - counted) FROM fresh GROUP BY customer_id HAVING sum(open_minor - counted) <> 0 ORDER BY customer_id
      ON CONFLICT (customer_id) DO UPDATE SET open_minor = t.open_minor + excluded.open_minor
    )
    UPDATE orders o SET ${[...set, 'counted_open_minor = f.open_minor'].join(', ')}
      FROM fresh f WHERE o.id = f.id`;
}

/** Recounts orders whose lines another module changed (invoicing): see recountingUpdate. */
export async function recountOpenOrders(tx: Sql, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length) await tx.query(recountingUpdate([]), [[...new Set(orderIds)]]);
}

/** The customer's open orders at their prices (the credit exposure's order part), less one order's own share. */
export const customerOpenOrdersMinor = (customer: string, self: string): string => `
  (coalesce((SELECT open_minor FROM customer_open_orders WHERE customer_id = ${customer}), 0)
   - coalesce((SELECT counted_open_minor FROM orders WHERE id = ${self}), 0))::bigint`;
