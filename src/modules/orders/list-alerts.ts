import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { orgFilter } from '../../platform/org-scope.ts';

/** Intake alerts across orders, newest first, for customer service's review. */
export async function listAlerts(tx: Sql, actor: Actor, f: { open?: boolean; severity?: string; code?: string; limit: number; offset: number }) {
  const { rows } = await tx.query(
    `SELECT a.id, a.order_id AS "orderId", o.number AS "orderNumber", c.code AS "customerCode", a.line_no AS "lineNo",
            a.code, a.severity, a.message_en AS en, a.message_zh AS zh, a.created_at AS "createdAt",
            a.acknowledged_at AS "acknowledgedAt", a.acknowledged_by AS "acknowledgedBy"
       FROM order_alerts a JOIN orders o ON o.id = a.order_id JOIN parties c ON c.id = o.customer_id
      WHERE ($1::uuid IS NULL OR o.customer_id = $1) AND ($2::boolean IS NULL OR (a.acknowledged_at IS NULL) = $2)
        AND ($3::text IS NULL OR a.severity = $3) AND ($4::text IS NULL OR a.code = $4)
      ORDER BY a.created_at DESC LIMIT $5 OFFSET $6`,
    [orgFilter(actor), f.open ?? null, f.severity ?? null, f.code ?? null, f.limit, f.offset],
  );
  return { items: rows, limit: f.limit, offset: f.offset };
}
