import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { orgFilter } from '../../platform/org-scope.ts';
import { BUSINESS_TIME_ZONE } from '../orders/business-day.ts';
import type { InterchangeQuery } from './intake-schemas.ts';

export const INTERCHANGE_SUMMARY = `i.id, i.standard, i.sender_qualifier AS "senderQualifier", i.sender_id AS "senderId",
  i.receiver_qualifier AS "receiverQualifier", i.receiver_id AS "receiverId", i.control_number AS "controlNumber", i.test,
  i.received_at AS "receivedAt", i.received_via AS via, i.received_by AS "receivedBy", i.file_name AS "fileName", i.outcome,
  i.error_code AS "errorCode", i.error_summary AS "errorSummary", i.orders, i.customer_id AS "customerId", c.code AS "customerCode"`;

/**
 * Interchanges as received, newest first, without their raw text (see getInterchange). Dates are
 * business days; an organisation-scoped user sees its own organisation's interchanges only.
 */
export async function listInterchanges(tx: Sql, actor: Actor, q: InterchangeQuery & { limit: number; offset: number }) {
  const params = [orgFilter(actor), q.sender ?? null, q.outcome ?? null, q.via ?? null, q.customerId ?? null,
    q.date ?? q.from ?? null, q.date ?? q.to ?? null, BUSINESS_TIME_ZONE];
  const where = `($1::uuid IS NULL OR i.customer_id = $1) AND ($2::text IS NULL OR i.sender_id = $2)
    AND ($3::text IS NULL OR i.outcome = $3) AND ($4::text IS NULL OR i.received_via = $4)
    AND ($5::uuid IS NULL OR i.customer_id = $5)
    AND ($6::date IS NULL OR (i.received_at AT TIME ZONE $8)::date >= $6::date)
    AND ($7::date IS NULL OR (i.received_at AT TIME ZONE $8)::date <= $7::date)`;
  const items = await tx.query(
    `SELECT ${INTERCHANGE_SUMMARY} FROM edi_interchanges i LEFT JOIN parties c ON c.id = i.customer_id
      WHERE ${where} ORDER BY i.received_at DESC, i.id DESC LIMIT $9 OFFSET $10`,
    [...params, q.limit, q.offset],
  );
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM edi_interchanges i WHERE ${where}`, params);
  return { items: items.rows, total: total.rows[0]!.n, limit: q.limit, offset: q.offset };
}
