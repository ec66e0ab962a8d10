import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { orgFilter } from '../../platform/org-scope.ts';
import type { OutboundQuery } from './intake-schemas.ts';

/** The purchase-order acknowledgements written (855 / ORDRSP), newest first, with their text. */
export async function listOutbound(tx: Sql, actor: Actor, q: OutboundQuery & { limit: number; offset: number }) {
  const params = [orgFilter(actor), q.orderId ?? null];
  const where = `($1::uuid IS NULL OR o.customer_id = $1) AND ($2::uuid IS NULL OR m.order_id = $2)`;
  const items = await tx.query(
    `SELECT m.id, m.order_id AS "orderId", o.number AS "orderNumber", m.order_version AS "orderVersion", m.standard,
            m.message_type AS "messageType", m.control_number AS "controlNumber", m.partner_qualifier AS "partnerQualifier",
            m.partner_id AS "partnerId", m.text, m.created_at AS "createdAt"
       FROM edi_outbound m JOIN orders o ON o.id = m.order_id
      WHERE ${where} ORDER BY m.created_at DESC, m.id DESC LIMIT $3 OFFSET $4`,
    [...params, q.limit, q.offset],
  );
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM edi_outbound m JOIN orders o ON o.id = m.order_id WHERE ${where}`, params);
  return { items: items.rows, total: total.rows[0]!.n, limit: q.limit, offset: q.offset };
}
