import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';

export interface OrderQuery {
  status?: string;
  customerId?: string;
  channel?: string;
  from?: string;
  to?: string;
  holdType?: string;
  deviceId?: string;
  lot?: string;
  /** Searches the PO number, the order number and the customer's code and names. */
  q?: string;
  limit: number;
  offset: number;
}

/** Orders the actor may see, newest first, with every filter the order list offers. */
export async function listOrders(tx: Sql, actor: Actor, f: OrderQuery) {
  const params: unknown[] = [orgFilter(actor), f.status ?? null, f.customerId ?? null, f.channel ?? null, f.from ?? null,
    f.to ?? null, f.holdType ?? null, f.deviceId ?? null, f.q ? `%${f.q.toLowerCase()}%` : null, f.lot ?? null, customerFilter(actor)];
  const where = `($1::uuid IS NULL OR o.customer_id = $1) AND ($2::text IS NULL OR o.status = $2)
    AND ($3::uuid IS NULL OR o.customer_id = $3) AND ($4::text IS NULL OR o.channel = $4)
    AND ($5::date IS NULL OR o.created_at >= $5::date) AND ($6::date IS NULL OR o.created_at < $6::date + 1)
    AND ($7::text IS NULL OR EXISTS (SELECT 1 FROM order_holds h WHERE h.order_id = o.id AND h.status = 'open' AND h.hold_type = $7))
    AND ($8::uuid IS NULL OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.device_id = $8))
    AND ($9::text IS NULL OR lower(coalesce(o.external_po, '')) LIKE $9 OR lower(o.number) LIKE $9
         OR lower(c.code) LIKE $9 OR lower(c.name_zh) LIKE $9 OR lower(coalesce(c.name_en, '')) LIKE $9)
    AND ($10::text IS NULL OR ${lotFilter}) AND ($11::uuid[] IS NULL OR o.customer_id = ANY($11))`;
  const [items, total] = await Promise.all([
    tx.query(
      `SELECT o.id, o.number, o.channel, o.external_po AS "externalPo", o.customer_id AS "customerId", c.code AS "customerCode",
              c.name_zh AS "customerName", o.status, o.requested_date AS "requestedDate", o.promised_date AS "promisedDate",
              o.currency, o.created_at AS "createdAt",
              (SELECT count(*)::int FROM order_lines l WHERE l.order_id = o.id) AS lines,
              (SELECT coalesce(sum((l.qty_ordered - l.qty_cancelled) * l.unit_price_minor), 0) FROM order_lines l WHERE l.order_id = o.id) AS "totalMinor",
              (SELECT array_agg(DISTINCT h.hold_type) FROM order_holds h WHERE h.order_id = o.id AND h.status = 'open') AS "openHolds"
         FROM orders o JOIN parties c ON c.id = o.customer_id
        WHERE ${where} ORDER BY o.created_at DESC, o.number DESC LIMIT $12 OFFSET $13`,
      [...params, f.limit, f.offset]),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders o JOIN parties c ON c.id = o.customer_id WHERE ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n, limit: f.limit, offset: f.offset };
}

/** Orders holding (allocated, picked or shipped) a lot with this number. */
const lotFilter = `EXISTS (SELECT 1 FROM allocations a JOIN lots lt ON lt.id = a.lot_id WHERE a.order_id = o.id AND lt.lot_number = $10)`;
