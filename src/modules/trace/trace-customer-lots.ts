import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Quantities } from './trace-lot.ts';

export interface CustomerLot extends Quantities {
  lotId: string;
  lotNumber: string;
  expiresOn: string;
  lotStatus: string;
  device: { id: string; code: string; nameZh: string; nameEn: string | null };
  /** ISO 8601 */
  firstShippedAt: string;
  lastShippedAt: string;
}

/**
 * What lots a consignee holds: shipped, returned and net per lot, from the (customer, lot)
 * covering index. `held` keeps only lots with units still in the field (net > 0), as a recall
 * check asks; paged, soonest expiry first.
 */
export async function traceCustomerLots(tx: Sql, actor: Actor, customerId: string, q: { held: boolean; limit: number; offset: number }) {
  const { rows: [customer] } = await tx.query<{ id: string; code: string; nameZh: string; nameEn: string | null }>(
    `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn" FROM parties WHERE id = $1 AND kind = 'customer'`, [customerId]);
  if (!customer) throw notFound('customer', customerId);
  assertVisible(actor, customer.id, 'customer', customerId);
  const { rows: [page] } = await tx.query<{ items: CustomerLot[]; total: number }>(
    `WITH per AS (
       SELECT sl.lot_id, sum(sl.quantity)::int AS shipped, sum(sl.qty_returned)::int AS returned,
              min(sl.shipped_at) AS first_at, max(sl.shipped_at) AS last_at
         FROM shipment_lines sl WHERE sl.customer_id = $1 GROUP BY sl.lot_id),
     chosen AS (SELECT * FROM per WHERE NOT $2::boolean OR per.shipped > per.returned)
     SELECT (SELECT count(*)::int FROM chosen) AS total,
            (SELECT coalesce(json_agg(json_build_object('lotId', x.id, 'lotNumber', x.lot_number, 'expiresOn', x.expires_on, 'lotStatus', x.status,
                      'device', json_build_object('id', x.device_id, 'code', x.code, 'nameZh', x.name_zh, 'nameEn', x.name_en),
                      'shipped', x.shipped, 'returned', x.returned, 'net', x.shipped - x.returned,
                      'firstShippedAt', x.first_at, 'lastShippedAt', x.last_at) ORDER BY x.n), '[]'::json)
               FROM (SELECT l.id, l.lot_number, l.expires_on, l.status, l.device_id, d.code, d.name_zh, d.name_en, c.shipped, c.returned, c.first_at, c.last_at,
                            row_number() OVER (ORDER BY l.expires_on, d.code, l.lot_number) AS n
                       FROM chosen c JOIN lots l ON l.id = c.lot_id JOIN devices d ON d.id = l.device_id
                      ORDER BY n LIMIT $3 OFFSET $4) x) AS items`,
    [customerId, q.held, q.limit, q.offset],
  );
  return {
    customer,
    items: page!.items,
    total: page!.total,
    limit: q.limit,
    offset: q.offset,
  };
}
