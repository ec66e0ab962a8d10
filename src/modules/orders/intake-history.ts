import type { Sql } from '../../db/types.ts';

/** The customer's past the intake alerts compare with: same PO numbers, largest recent quantities. */
export async function loadIntakeHistory(
  tx: Sql,
  q: { customerId: string; externalPo: string | null; deviceIds: readonly string[]; today: string; excludeOrderId?: string },
): Promise<{ samePoOrders: string[]; largestRecent: Map<string, number> }> {
  const [samePo, largest] = await Promise.all([
    q.externalPo
      ? tx.query<{ number: string }>(
          `SELECT number FROM orders WHERE customer_id = $1 AND lower(external_po) = lower($2) AND lifecycle <> 'cancelled'
              AND id IS DISTINCT FROM $3::uuid ORDER BY created_at`,
          [q.customerId, q.externalPo, q.excludeOrderId ?? null],
        )
      : Promise.resolve({ rows: [] as Array<{ number: string }> }),
    tx.query<{ device_id: string; largest: number }>(
      `SELECT l.device_id, max(l.qty_ordered)::int AS largest
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.customer_id = $1 AND l.device_id = ANY($2::uuid[]) AND o.lifecycle <> 'cancelled'
          AND o.created_at >= $3::date - 180 AND o.id IS DISTINCT FROM $4::uuid
        GROUP BY l.device_id`,
      [q.customerId, [...new Set(q.deviceIds)], q.today, q.excludeOrderId ?? null],
    ),
  ]);
  return {
    samePoOrders: samePo.rows.map((r) => r.number),
    largestRecent: new Map(largest.rows.map((r) => [r.device_id, r.largest])),
  };
}
