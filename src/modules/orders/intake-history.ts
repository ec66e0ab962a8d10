import type { Sql } from '../../db/types.ts';

/**
 * The customer's past the intake alerts compare with: same PO numbers, largest recent quantities
 * (one statement for both).
 */
export async function loadIntakeHistory(
  tx: Sql,
  q: { customerId: string; externalPo: string | null; deviceIds: readonly string[]; today: string; excludeOrderId?: string },
): Promise<{ samePoOrders: string[]; largestRecent: Map<string, number> }> {
  const { rows } = await tx.query<{ samePo: string[] | null; largest: Array<{ deviceId: string; largest: number }> | null }>(
    `SELECT
       (SELECT array_agg(number ORDER BY created_at) FROM orders
         WHERE $2::text IS NOT NULL AND customer_id = $1 AND lower(external_po) = lower($2) AND lifecycle <> 'cancelled'
           AND id IS DISTINCT FROM $3::uuid) AS "samePo",
       (SELECT json_agg(json_build_object('deviceId', r.device_id, 'largest', r.largest)) FROM (
          SELECT l.device_id, max(l.qty_ordered)::int AS largest
            FROM order_lines l JOIN orders o ON o.id = l.order_id
           WHERE o.customer_id = $1 AND l.device_id = ANY($4::uuid[]) AND o.lifecycle <> 'cancelled'
             AND o.created_at >= $5::date - 180 AND o.id IS DISTINCT FROM $3::uuid
           GROUP BY l.device_id) AS r) AS largest`,
    [q.customerId, q.externalPo, q.excludeOrderId ?? null, [...new Set(q.deviceIds)], q.today],
  );
  const row = rows[0]!;
  return {
    samePoOrders: row.samePo ?? [],
    largestRecent: new Map((row.largest ?? []).map((r) => [r.deviceId, r.largest])),
  };
}
