import type { Static } from 'typebox';
import type { Sql } from '../../db/types.ts';
import type { ShipmentLine, ShipmentSummary as ShipmentSummarySchema } from './fulfillment-answer-schemas.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';

/** The answer's shape, from the schemas the routes publish (fulfillment-answer-schemas.ts). */
export type ShipmentSummary = Static<typeof ShipmentSummarySchema>;
export type ShipmentLineView = Static<typeof ShipmentLine>;

const COLUMNS = `s.id, s.number, s.order_id AS "orderId", o.number AS "orderNumber", s.customer_id AS "customerId", s.ship_to_id AS "shipToId",
  s.warehouse_id AS "warehouseId", s.carrier, s.tracking_number AS "trackingNumber", s.status, s.shipped_by AS "shippedBy", s.shipped_at AS "shippedAt",
  s.delivered_at AS "deliveredAt", s.received_by AS "receivedBy", s.pod_reference AS "podReference"`;

/** Shipments, newest first; a hospital portal user sees only its organisation's, a territory user only its customers'. */
export async function listShipments(tx: Sql, actor: Actor, q: { orderId?: string | undefined; customerId?: string | undefined; limit: number; offset: number }): Promise<{ items: ShipmentSummary[]; total: number }> {
  const { rows } = await tx.query<ShipmentSummary & { total: number }>(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total
       FROM shipments s JOIN orders o ON o.id = s.order_id
      WHERE ($1::uuid IS NULL OR s.order_id = $1) AND ($2::uuid IS NULL OR s.customer_id = $2) AND ($3::uuid IS NULL OR s.customer_id = $3)
        AND ($6::uuid[] IS NULL OR s.customer_id = ANY($6))
      ORDER BY s.shipped_at DESC, s.id DESC LIMIT $4 OFFSET $5`,
    [q.orderId ?? null, q.customerId ?? null, orgFilter(actor), q.limit, q.offset, customerFilter(actor)],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** One shipment with what left: device, lot, expiry, serial and package SSCC per line. */
export async function getShipment(tx: Sql, actor: Actor, id: string): Promise<ShipmentSummary & { lines: ShipmentLineView[] }> {
  if (!isUuid(id)) throw notFound('shipment', id);
  const { rows: [s] } = await tx.query<ShipmentSummary>(
    `SELECT ${COLUMNS} FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = $1 AND ($2::uuid IS NULL OR s.customer_id = $2)
       AND ($3::uuid[] IS NULL OR s.customer_id = ANY($3))`,
    [id, orgFilter(actor), customerFilter(actor)],
  );
  if (!s) throw notFound('shipment', id);
  const { rows: lines } = await tx.query<ShipmentLineView>(
    `SELECT sl.line_no AS "lineNo", sl.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh", d.name_en AS "deviceNameEn",
            sl.lot_id AS "lotId", l.lot_number AS "lotNumber", l.expires_on AS "expiresOn", su.serial, sl.package_id AS "packageId", p.sscc,
            sl.quantity, sl.qty_returned AS "qtyReturned"
       FROM shipment_lines sl
       JOIN devices d ON d.id = sl.device_id
       JOIN lots l ON l.id = sl.lot_id
       LEFT JOIN serial_units su ON su.id = sl.serial_id
       LEFT JOIN packages p ON p.id = sl.package_id
      WHERE sl.shipment_id = $1 ORDER BY sl.line_no, p.sscc, l.lot_number, su.serial`,
    [id],
  );
  return { ...s, lines };
}
