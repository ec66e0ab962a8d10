import type { Work } from '../../platform/unit-of-work.ts';

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
 * their customers' open orders: `o` is the order row, `$1` the order ids, `lifecycle` the order's
 * lifecycle after the statement (a parameter when the statement changes it), `ctes` more writes of
 * the same statement. It returns each order's change, for addToOpenOrders.
 */
export function recountingUpdate(set: readonly string[], lifecycle = 'o.lifecycle', ctes: readonly string[] = []): string {
  return `WITH ${ctes.map((c) => `${c}, `).join('')}fresh AS (
      SELECT o.id, o.customer_id, o.counted_open_minor AS counted, ${openValue(lifecycle)} AS open_minor
        FROM orders o WHERE o.id = ANY($1::uuid[])
    )
    UPDATE orders o SET ${[...set, 'counted_open_minor = f.open_minor'].join(', ')}
      FROM fresh f WHERE o.id = f.id
    RETURNING o.customer_id AS "customerId", f.open_minor - f.counted AS delta`;
}

export type OpenOrderChange = { customerId: string; delta: number };

/**
 * Moves orders' changes onto their customers' running totals. Many transactions move the same
 * customer's total, so it is written in the closing statement (Work.atCommit), customers in id order.
 */
export function addToOpenOrders(w: Work, changes: readonly OpenOrderChange[]): void {
  const moved = changes.filter((c) => Number(c.delta) !== 0);
  if (!moved.length) return;
  w.atCommit({
    key: 'customer_open_orders',
    rows: moved,
    sql: (rows) => `INSERT INTO customer_open_orders AS t (customer_id, open_minor)
      SELECT r."customerId", sum(r.delta) FROM jsonb_to_recordset(${rows}) AS r("customerId" uuid, delta bigint)
       GROUP BY r."customerId" HAVING sum(r.delta) <> 0 ORDER BY r."customerId"
      ON CONFLICT (customer_id) DO UPDATE SET open_minor = t.open_minor + excluded.open_minor`,
  });
}

/** Recounts orders whose lines another module changed (invoicing): see recountingUpdate. */
export async function recountOpenOrders(w: Work, orderIds: readonly string[]): Promise<void> {
  if (!orderIds.length) return;
  const { rows } = await w.tx.query<OpenOrderChange>(recountingUpdate([]), [[...new Set(orderIds)]]);
  addToOpenOrders(w, rows);
}

/** The customer's open orders at their prices (the credit exposure's order part), less one order's own share. */
export const customerOpenOrdersMinor = (customer: string, self: string): string => `
  (coalesce((SELECT open_minor FROM customer_open_orders WHERE customer_id = ${customer}), 0)
   - coalesce((SELECT counted_open_minor FROM orders WHERE id = ${self}), 0))::bigint`;
