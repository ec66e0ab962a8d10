import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';

const HEADER = `o.id, o.number, o.version, o.channel, o.external_po AS "externalPo", o.customer_id AS "customerId",
  c.code AS "customerCode", c.name_zh AS "customerName", o.ship_to_id AS "shipToId", o.bill_to_id AS "billToId",
  o.carrier_service_id AS "carrierServiceId", o.requested_date AS "requestedDate", o.promised_date AS "promisedDate",
  o.priority, o.currency, o.incoterms, o.lifecycle, o.status, o.source_type AS "sourceType", o.source_ref AS "sourceRef",
  o.notes, o.cancel_reason AS "cancelReason", o.created_by AS "createdBy", o.created_at AS "createdAt",
  o.updated_at AS "updatedAt", o.submitted_at AS "submittedAt", o.confirmed_at AS "confirmedAt"`;

/** An order with its lines, holds, alerts and the timeline of everything that happened to it. */
export async function getOrder(tx: Sql, actor: Actor, id: string) {
  const { rows } = await tx.query<Record<string, unknown> & { customerId: string }>(
    `SELECT ${HEADER} FROM orders o JOIN parties c ON c.id = o.customer_id WHERE o.id = $1`, [id]);
  const order = rows[0];
  if (!order) throw notFound('order', id);
  assertVisible(actor, order.customerId, 'order', id);
  const [lines, holds, alerts, timeline] = await Promise.all([
    tx.query(
      `SELECT l.line_no AS "lineNo", l.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh",
              d.name_en AS "deviceNameEn", l.ordered_uom AS uom, l.ordered_uom_qty AS "uomQuantity", l.qty_ordered AS ordered,
              l.qty_cancelled AS cancelled, l.qty_allocated AS allocated, l.qty_picked AS picked, l.qty_packed AS packed,
              l.qty_shipped AS shipped, l.qty_delivered AS delivered, l.qty_invoiced AS invoiced, l.qty_returned AS returned,
              l.unit_price_minor AS "unitPriceMinor", l.price_explanation AS "priceExplanation",
              l.requested_date AS "requestedDate", l.promised_date AS "promisedDate", l.promise_basis AS "promiseBasis",
              l.buyer_item AS "buyerItem", l.notes
         FROM order_lines l JOIN devices d ON d.id = l.device_id WHERE l.order_id = $1 ORDER BY l.line_no`, [id]),
    tx.query(
      `SELECT id, hold_type AS type, reason, origin, status, placed_at AS "placedAt", placed_by AS "placedBy",
              released_at AS "releasedAt", released_by AS "releasedBy", release_note AS "releaseNote"
         FROM order_holds WHERE order_id = $1 ORDER BY placed_at`, [id]),
    tx.query(
      `SELECT id, line_no AS "lineNo", code, severity, message_en AS en, message_zh AS zh, details, created_at AS "createdAt",
              acknowledged_at AS "acknowledgedAt", acknowledged_by AS "acknowledgedBy"
         FROM order_alerts WHERE order_id = $1 ORDER BY created_at, line_no NULLS FIRST`, [id]),
    tx.query(
      `SELECT seq, at, actor_name AS actor, action, changes, reason, signature FROM audit_log
        WHERE entity_type = 'order' AND entity_id = $1 ORDER BY seq`, [id]),
  ]);
  return { ...order, lines: lines.rows, holds: holds.rows, alerts: alerts.rows, timeline: timeline.rows };
}
