import type { Sql } from '../../db/types.ts';
import { contractsInForce } from './gather-order-facts.ts';
import { customerOpenOrdersMinor } from './open-order-value.ts';

export interface IntakeHistory {
  samePoOrders: string[];
  largestRecent: Map<string, number>;
  /** The customer's other open orders at their prices, and its contracts in force (the credit and contract rules' facts). */
  otherOpenOrdersMinor: number;
  contractsInForce: number;
}

/**
 * The customer's past that intake checks against, in one statement: same PO numbers and largest
 * recent quantities (for the alerts), other open orders and contracts (for the rules). A device's
 * largest quantity is the first recent line of an index walked from the largest quantity down, so
 * its cost does not grow with the customer's history.
 */
export async function loadIntakeHistory(
  tx: Sql,
  q: { customerId: string; externalPo: string | null; deviceIds: readonly string[]; today: string; excludeOrderId?: string },
): Promise<IntakeHistory> {
  const { rows } = await tx.query<{ samePo: string[] | null; largest: Array<{ deviceId: string; largest: number | null }> | null; exposure: number; contracts: number }>(
    `SELECT
       (SELECT array_agg(number ORDER BY created_at) FROM orders
         WHERE $2::text IS NOT NULL AND customer_id = $1 AND lower(external_po) = lower($2) AND lifecycle <> 'cancelled'
           AND id IS DISTINCT FROM $3::uuid) AS "samePo",
       (SELECT json_agg(json_build_object('deviceId', d.id, 'largest', (
          SELECT l.qty_ordered FROM order_lines l JOIN orders o ON o.id = l.order_id
           WHERE l.customer_id = $1 AND l.device_id = d.id AND l.ordered_at >= $5::date - 180
             AND o.lifecycle <> 'cancelled' AND o.id IS DISTINCT FROM $3::uuid
           ORDER BY l.qty_ordered DESC LIMIT 1)))
          FROM unnest($4::uuid[]) AS d(id)) AS largest,
       ${customerOpenOrdersMinor('$1::uuid', '$3::uuid')} AS exposure, ${contractsInForce('$1::uuid', '$5::date')}`,
    [q.customerId, q.externalPo, q.excludeOrderId ?? null, [...new Set(q.deviceIds)], q.today],
  );
  const row = rows[0]!;
  return {
    samePoOrders: row.samePo ?? [],
    largestRecent: new Map((row.largest ?? []).flatMap((r) => (r.largest === null ? [] : [[r.deviceId, r.largest] as const]))),
    otherOpenOrdersMinor: row.exposure,
    contractsInForce: row.contracts,
  };
}
