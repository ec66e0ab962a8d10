import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerFilter, orgFilter } from '../../platform/org-scope.ts';

/** The ASN written for a shipment (856 or DESADV) with its text; another organisation's (or territory's) shipment is not found. */
export async function getShipmentAsn(tx: Sql, actor: Actor, shipmentId: string) {
  const { rows } = await tx.query(
    `SELECT m.id, m.shipment_id AS "shipmentId", s.number AS "shipmentNumber", m.order_id AS "orderId", m.standard,
            m.message_type AS "messageType", m.control_number AS "controlNumber", m.partner_qualifier AS "partnerQualifier",
            m.partner_id AS "partnerId", m.text, m.created_at AS "createdAt"
       FROM shipments s JOIN edi_outbound m ON m.shipment_id = s.id
      WHERE s.id = $1 AND ($2::uuid IS NULL OR s.customer_id = $2) AND ($3::uuid[] IS NULL OR s.customer_id = ANY($3))`,
    [shipmentId, orgFilter(actor), customerFilter(actor)]);
  if (!rows[0]) throw notFound('shipment ASN', shipmentId);
  return rows[0];
}
