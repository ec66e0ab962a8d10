import type { Sql } from '../../db/types.ts';
import type { KpiRequest, KpiResult } from './kpi-types.ts';

export const RISK_REASONS = ['not_allocated', 'not_picked', 'promise_after_request'] as const;

/**
 * Open lines of submitted / confirmed orders (ordered − cancelled − shipped > 0), now. A line is
 * at risk when its promised ship date is on or before today + N days and it is not fully allocated
 * (`not_allocated`) or allocated but not fully picked (`not_picked`), or when its promised delivery
 * date is later than the requested date (`promise_after_request`). A line counts once, under its
 * first reason in that order.
 */
export async function ordersAtRisk(tx: Sql, q: KpiRequest): Promise<KpiResult> {
  const { rows } = await tx.query<{ orderId: string; orderNumber: string; lineNo: number; shipBy: string | null; promisedDate: string | null; requestedDate: string | null; reason: string | null }>(
    `WITH l AS (
       SELECT o.id, o.number, l.line_no, l.qty_ordered - l.qty_cancelled AS open_qty, l.qty_allocated, l.qty_picked,
              coalesce((l.promise_basis ->> 'shipDate')::date, l.promised_date, o.promised_date) AS ship_by,
              coalesce(l.promised_date, o.promised_date) AS promised, coalesce(l.requested_date, o.requested_date) AS requested
         FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE o.lifecycle IN ('submitted', 'confirmed') AND l.qty_ordered - l.qty_cancelled - l.qty_shipped > 0
          AND ($2::uuid IS NULL OR o.customer_id = $2) AND ($3::text IS NULL OR o.channel = $3)
          AND ($5::uuid[] IS NULL OR o.customer_id = ANY($5)))
     SELECT id AS "orderId", number AS "orderNumber", line_no AS "lineNo", to_char(ship_by, 'YYYY-MM-DD') AS "shipBy",
            to_char(promised, 'YYYY-MM-DD') AS "promisedDate", to_char(requested, 'YYYY-MM-DD') AS "requestedDate",
            CASE WHEN ship_by <= $1::date + $4::int AND qty_allocated < open_qty THEN 'not_allocated'
                 WHEN ship_by <= $1::date + $4::int AND qty_picked < open_qty THEN 'not_picked'
                 WHEN promised > requested THEN 'promise_after_request' END AS reason
       FROM l ORDER BY ship_by NULLS LAST, number, line_no`,
    [q.today, q.customerId, q.channel, q.days, q.customerIds],
  );
  const risky = rows.filter((r) => r.reason !== null);
  return {
    unit: 'lines', value: risky.length, numerator: risky.length, denominator: rows.length, series: [],
    breakdown: RISK_REASONS.map((key) => {
      const n = risky.filter((r) => r.reason === key).length;
      return { key, value: n, numerator: n, denominator: rows.length };
    }),
    items: risky,
  };
}
