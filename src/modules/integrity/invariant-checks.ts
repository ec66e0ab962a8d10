/**
 * The invariants of DESIGN.md §5 as queries over a live database. Each query returns the rows
 * that breach it (none = it holds); `lotline check` runs them all in one snapshot. A warning is
 * reported but does not fail the check (a backlog is a symptom, not corrupted data).
 */
export interface InvariantCheck {
  name: string;
  /** The DESIGN.md §5 invariant it proves, when it proves one. */
  invariant: number | null;
  severity: 'breach' | 'warning';
  description: string;
  sql: string;
}

export const INVARIANT_CHECKS: readonly InvariantCheck[] = [
  {
    name: 'open_order_totals',
    invariant: null,
    severity: 'breach',
    description: 'each customer’s running total of open orders (credit exposure) equals its open orders’ lines not yet invoiced, at their prices',
    sql: `WITH counted AS (
            SELECT o.customer_id, sum(CASE WHEN o.lifecycle IN ('submitted', 'confirmed')
                     THEN (SELECT coalesce(sum(greatest(l.qty_ordered - l.qty_cancelled - l.qty_invoiced, 0) * l.unit_price_minor), 0)
                             FROM order_lines l WHERE l.order_id = o.id) ELSE 0 END)::bigint AS open_minor
              FROM orders o GROUP BY o.customer_id)
          SELECT coalesce(c.customer_id, t.customer_id) AS "customerId", coalesce(c.open_minor, 0) AS "openMinor", coalesce(t.open_minor, 0) AS "runningTotalMinor"
            FROM counted c FULL JOIN customer_open_orders t ON t.customer_id = c.customer_id
           WHERE coalesce(c.open_minor, 0) <> coalesce(t.open_minor, 0)`,
  },
  {
    name: 'allocations_within_stock',
    invariant: 2,
    severity: 'breach',
    description: 'no lot and bin has more allocated than on hand, or negative stock',
    sql: `SELECT lot_id AS "lotId", bin_id AS "binId", on_hand AS "onHand", allocated
            FROM stock_balances WHERE allocated > on_hand OR on_hand < 0 OR allocated < 0`,
  },
  {
    name: 'allocations_on_allowed_lots',
    invariant: 1,
    severity: 'breach',
    description: 'open allocations hold only released, unexpired lots',
    sql: `SELECT a.id AS "allocationId", a.order_id AS "orderId", a.line_no AS "lineNo", l.lot_number AS "lotNumber",
                  l.status, l.expires_on AS "expiresOn"
            FROM allocations a JOIN lots l ON l.id = a.lot_id
           WHERE a.status = 'open' AND a.quantity > a.picked
             AND (l.status <> 'released' OR l.expires_on < current_date)`,
  },
  {
    name: 'shipped_lots_were_allowed',
    invariant: 1,
    severity: 'breach',
    description: 'every shipped lot had been released before it left and had not expired on the ship date',
    sql: `SELECT s.shipment_id AS "shipmentId", l.lot_number AS "lotNumber", l.released_at AS "releasedAt",
                  l.expires_on AS "expiresOn", s.shipped_at AS "shippedAt"
            FROM shipment_lines s JOIN lots l ON l.id = s.lot_id
           WHERE l.released_at IS NULL OR l.released_at > s.shipped_at OR l.expires_on < s.shipped_at::date`,
  },
  {
    name: 'shipped_units_bound',
    invariant: 3,
    severity: 'breach',
    description: 'every shipped unit of a serial-tracked device carries its serial, and the serial belongs to the lot shipped',
    sql: `SELECT s.shipment_id AS "shipmentId", s.order_id AS "orderId", s.line_no AS "lineNo", d.code AS "deviceCode",
                  CASE WHEN s.serial_id IS NULL THEN 'serial missing' ELSE 'serial of another lot' END AS problem
            FROM shipment_lines s
            JOIN devices d ON d.id = s.device_id
            LEFT JOIN serial_units u ON u.id = s.serial_id
           WHERE (d.tracking_mode IN ('serial', 'lot_serial') AND s.serial_id IS NULL)
              OR (u.lot_id IS NOT NULL AND u.lot_id <> s.lot_id)`,
  },
  {
    name: 'shipped_lots_documented',
    invariant: 3,
    severity: 'breach',
    description: 'every shipped lot has its certificate of conformity',
    sql: `SELECT DISTINCT s.lot_id AS "lotId", l.lot_number AS "lotNumber"
            FROM shipment_lines s JOIN lots l ON l.id = s.lot_id
           WHERE NOT EXISTS (SELECT 1 FROM lot_documents ld WHERE ld.lot_id = s.lot_id AND ld.kind = 'certificate_of_conformity')`,
  },
  {
    name: 'serial_shipped_once',
    invariant: 3,
    severity: 'breach',
    description: 'no serial is out in the field twice: a second shipment needs the first one returned',
    sql: `SELECT serial_id AS "serialId", count(*)::int AS "openShipments"
            FROM shipment_lines WHERE serial_id IS NOT NULL AND qty_returned = 0
           GROUP BY serial_id HAVING count(*) > 1`,
  },
  {
    name: 'order_lines_match_shipments',
    invariant: 7,
    severity: 'breach',
    description: 'each order line’s shipped and returned quantities equal the sum of its shipment lines (a repaired unit sent back is not a sale)',
    sql: `SELECT ol.order_id AS "orderId", ol.line_no AS "lineNo", ol.qty_shipped AS "lineShipped",
                  coalesce(s.shipped, 0) AS "shipmentsShipped", ol.qty_returned AS "lineReturned", coalesce(s.returned, 0) AS "shipmentsReturned"
            FROM order_lines ol
            LEFT JOIN (SELECT order_id, line_no, sum(quantity)::int AS shipped, sum(qty_returned)::int AS returned
                         FROM shipment_lines sl
                        WHERE NOT EXISTS (SELECT 1 FROM repair_orders r WHERE r.return_shipment_id = sl.shipment_id)
                        GROUP BY order_id, line_no) s USING (order_id, line_no)
           WHERE ol.qty_shipped <> coalesce(s.shipped, 0) OR ol.qty_returned < coalesce(s.returned, 0)`,
  },
  {
    name: 'outbox_dead_letters',
    invariant: null,
    severity: 'warning',
    description: 'no outbox event has exhausted its retries',
    sql: `SELECT id, topic, attempts, last_error AS "lastError" FROM outbox_events WHERE status = 'dead' ORDER BY id`,
  },
  {
    name: 'outbox_backlog',
    invariant: null,
    severity: 'warning',
    description: 'no outbox event has waited more than 15 minutes',
    sql: `SELECT id, topic, created_at AS "createdAt" FROM outbox_events
           WHERE status = 'pending' AND created_at < now() - interval '15 minutes' ORDER BY id`,
  },
];
