import type { Sql } from '../../db/types.ts';
import type { KpiRequest, KpiResult } from './kpi-types.ts';
import { ratioOver } from './kpi-math.ts';

/**
 * Order lines whose promised ship date (the promise's shipDate, else the line's promised delivery
 * date) falls in the period: prepared on time when every open unit was packed and the last
 * package holding the line was packed on or before that date.
 */
export async function onTimePreparation(tx: Sql, q: KpiRequest): Promise<KpiResult> {
  const { rows } = await tx.query<{ on: string; hit: boolean; orderNumber: string; lineNo: number; packedOn: string | null }>(
    `WITH l AS (
       SELECT l.order_id, l.line_no, o.number, l.qty_ordered - l.qty_cancelled AS open_qty, l.qty_packed,
              coalesce((l.promise_basis ->> 'shipDate')::date, l.promised_date) AS ship_by
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.lifecycle NOT IN ('draft', 'cancelled') AND l.qty_ordered > l.qty_cancelled
          AND coalesce((l.promise_basis ->> 'shipDate')::date, l.promised_date) BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR o.customer_id = $4) AND ($5::text IS NULL OR o.channel = $5)
          AND ($6::uuid[] IS NULL OR o.customer_id = ANY($6)))
     SELECT to_char(l.ship_by, 'YYYY-MM-DD') AS on, l.number AS "orderNumber", l.line_no AS "lineNo",
            to_char((max(p.created_at) AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "packedOn",
            (l.qty_packed >= l.open_qty AND coalesce((max(p.created_at) AT TIME ZONE $1)::date <= l.ship_by, false)) AS hit
       FROM l LEFT JOIN picks k ON k.order_id = l.order_id AND k.line_no = l.line_no
              LEFT JOIN packages p ON p.id = k.package_id
      GROUP BY l.order_id, l.line_no, l.number, l.ship_by, l.qty_packed, l.open_qty
      ORDER BY l.number, l.line_no`,
    [q.timeZone, q.from, q.to, q.customerId, q.channel, q.customerIds],
  );
  return { unit: 'ratio', breakdown: [], ...ratioOver(rows, q.groupBy), items: rows };
}
