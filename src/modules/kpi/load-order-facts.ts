import type { Sql } from '../../db/types.ts';
import type { KpiRequest } from './kpi-types.ts';

/** One row per order with every fact the order KPIs need, loaded in one set-based statement. */
export interface OrderFacts {
  id: string;
  number: string;
  channel: string;
  version: number;
  /** The promised date, else the requested date (both are delivery dates); null when neither. */
  dueDate: string | null;
  dueBasis: 'promised' | 'requested' | null;
  submittedOn: string | null;
  confirmedOn: string | null;
  /** Every line's ordered − cancelled quantity delivered / shipped. */
  deliveredInFull: boolean;
  shippedInFull: boolean;
  lastDeliveredOn: string | null;
  /** Hours from submission to the last shipment / the last proof of delivery. */
  hoursToShip: number | null;
  hoursToDeliver: number | null;
  /** Every lot that left on the order has a certificate of conformity. */
  documentsComplete: boolean;
  returnedDamaged: boolean;
  returnedWrongItem: boolean;
  /** A hold was ever placed or an approval ever opened on it. */
  touched: boolean;
}

/** Which date puts an order in the period. */
export type OrderAnchor = 'due' | 'submitted' | 'confirmed';

// Timestamps compare against the period's local midnights, computed once (an init plan), so the
// indexes of 0210 serve them.
const START = '(SELECT $2::date::timestamp AT TIME ZONE $1)';
const END = '(SELECT ($3::date + 1)::timestamp AT TIME ZONE $1)';
const ANCHORS: Record<OrderAnchor, string> = {
  due: 'coalesce(o.promised_date, o.requested_date) BETWEEN $2::date AND $3::date',
  submitted: `o.submitted_at >= ${START} AND o.submitted_at < ${END}`,
  confirmed: `o.confirmed_at >= ${START} AND o.confirmed_at < ${END}`,
};

export async function loadOrderFacts(tx: Sql, q: KpiRequest, anchor: OrderAnchor): Promise<OrderFacts[]> {
  const { rows } = await tx.query<OrderFacts>(
    `WITH o AS (
       SELECT o.* FROM orders o
        WHERE o.lifecycle NOT IN ('draft', 'cancelled')
          AND ${ANCHORS[anchor]}
          AND ($4::uuid IS NULL OR o.customer_id = $4) AND ($5::text IS NULL OR o.channel = $5)
          AND ($6::uuid[] IS NULL OR o.customer_id = ANY($6))),
     l AS (
       SELECT l.order_id, bool_and(l.qty_delivered >= l.qty_ordered - l.qty_cancelled) AS delivered_in_full,
              bool_and(l.qty_shipped >= l.qty_ordered - l.qty_cancelled) AS shipped_in_full
         FROM order_lines l JOIN o ON o.id = l.order_id GROUP BY l.order_id),
     s AS (
       SELECT s.order_id, max(s.shipped_at) AS last_shipped_at, max(s.delivered_at) AS last_delivered_at
         FROM shipments s JOIN o ON o.id = s.order_id GROUP BY s.order_id),
     sl AS (
       SELECT sl.order_id,
              bool_and(EXISTS (SELECT 1 FROM lot_documents d WHERE d.lot_id = sl.lot_id AND d.kind = 'certificate_of_conformity')) AS documents_complete,
              bool_or(EXISTS (SELECT 1 FROM return_lines rl JOIN return_authorisations ra ON ra.id = rl.rma_id
                               WHERE rl.shipment_line_id = sl.id AND rl.reason = 'damaged' AND ra.status <> 'cancelled')) AS damaged,
              bool_or(EXISTS (SELECT 1 FROM return_lines rl JOIN return_authorisations ra ON ra.id = rl.rma_id
                               WHERE rl.shipment_line_id = sl.id AND rl.reason = 'wrong_item' AND ra.status <> 'cancelled')) AS wrong_item
         FROM shipment_lines sl JOIN o ON o.id = sl.order_id GROUP BY sl.order_id)
     SELECT o.id, o.number, o.channel, o.version,
            to_char(coalesce(o.promised_date, o.requested_date), 'YYYY-MM-DD') AS "dueDate",
            CASE WHEN o.promised_date IS NOT NULL THEN 'promised' WHEN o.requested_date IS NOT NULL THEN 'requested' END AS "dueBasis",
            to_char((o.submitted_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "submittedOn",
            to_char((o.confirmed_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "confirmedOn",
            coalesce(l.delivered_in_full, false) AND s.last_delivered_at IS NOT NULL AS "deliveredInFull",
            coalesce(l.shipped_in_full, false) AND s.last_shipped_at IS NOT NULL AS "shippedInFull",
            to_char((s.last_delivered_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS "lastDeliveredOn",
            extract(epoch FROM s.last_shipped_at - coalesce(o.submitted_at, o.created_at))::float8 / 3600 AS "hoursToShip",
            extract(epoch FROM s.last_delivered_at - coalesce(o.submitted_at, o.created_at))::float8 / 3600 AS "hoursToDeliver",
            coalesce(sl.documents_complete, false) AS "documentsComplete",
            coalesce(sl.damaged, false) AS "returnedDamaged",
            coalesce(sl.wrong_item, false) AS "returnedWrongItem",
            (EXISTS (SELECT 1 FROM order_holds h WHERE h.order_id = o.id)
              OR EXISTS (SELECT 1 FROM approval_requests a WHERE a.order_id = o.id)) AS touched
       FROM o LEFT JOIN l ON l.order_id = o.id LEFT JOIN s ON s.order_id = o.id LEFT JOIN sl ON sl.order_id = o.id
      ORDER BY o.number`,
    [q.timeZone, q.from, q.to, q.customerId, q.channel, q.customerIds],
  );
  return rows;
}
