import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { holdView } from './hold-view.ts';
import { verifySignature } from './verify-signature.ts';

/** An approval request with its order, hold, plan, tasks and signatures (each verified against its audit record). */
export async function getApproval(tx: Sql, id: string) {
  const { rows } = await tx.query<Record<string, unknown> & { holdId: string; holdType: string; reason: string; origin: Record<string, unknown> }>(
    `SELECT r.id, r.status, r.round, r.current_step AS "currentStep", r.plan, r.workflow_id AS "workflowId", r.workflow_version AS "workflowVersion",
            r.order_version AS "orderVersion", r.order_total_minor AS "totalMinor", r.currency, r.opened_by AS "openedBy", r.opened_at AS "openedAt",
            r.closed_at AS "closedAt", r.closed_by AS "closedBy", r.close_note AS "closeNote",
            json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'customerCode', c.code, 'customerName', c.name_zh) AS "order",
            h.id AS "holdId", h.hold_type AS "holdType", h.reason, h.origin, h.status AS "holdStatus"
       FROM approval_requests r JOIN orders o ON o.id = r.order_id JOIN parties c ON c.id = o.customer_id JOIN order_holds h ON h.id = r.hold_id
      WHERE r.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('approval', id);
  // One connection in a transaction: its queries run in turn.
  const tasks = await tx.query(
    `SELECT id, step_no AS "stepNo", role, roles, status, escalate_at AS "escalateAt", escalated_at AS "escalatedAt",
            decided_by_name AS "decidedBy", decided_at AS "decidedAt", comment, created_at AS "openedAt"
       FROM approval_tasks WHERE request_id = $1 ORDER BY step_no, created_at, id`, [id]);
  const signatures = await tx.query<{ id: string }>(
    `SELECT s.id, s.task_id AS "taskId", s.decision, s.meaning, s.signer_id AS "signerId", s.signer_name AS "signerName",
            s.on_behalf_of AS "onBehalfOf", s.signed_at AS "signedAt", s.comment, s.binding_hash AS "bindingHash", s.audit_seq AS "auditSeq"
       FROM approval_signatures s WHERE s.request_id = $1 ORDER BY s.signed_at, s.id`, [id]);
  const verified = [];
  for (const s of signatures.rows) verified.push({ ...s, verification: await verifySignature(tx, s.id) });
  const { holdId, holdType, reason, origin, holdStatus, ...request } = row;
  return { ...request, hold: { ...holdView({ id: holdId, type: holdType, reason, origin }), status: holdStatus }, tasks: tasks.rows, signatures: verified };
}

/** Approval requests, newest first, by status and/or order. */
export async function listApprovals(tx: Sql, q: { status?: string; orderId?: string; limit: number; offset: number }) {
  const { rows } = await tx.query(
    `SELECT r.id, r.status, r.round, r.hold_type AS "holdType", r.current_step AS "currentStep", jsonb_array_length(r.plan) AS steps,
            r.order_id AS "orderId", o.number, r.opened_at AS "openedAt", r.closed_at AS "closedAt", count(*) OVER () AS total
       FROM approval_requests r JOIN orders o ON o.id = r.order_id
      WHERE ($1::text IS NULL OR r.status = $1) AND ($2::uuid IS NULL OR r.order_id = $2)
      ORDER BY r.opened_at DESC, r.id DESC LIMIT $3 OFFSET $4`,
    [q.status ?? null, q.orderId ?? null, q.limit, q.offset]);
  const total = Number((rows[0] as { total?: number } | undefined)?.total ?? 0);
  return { items: rows.map(({ total: _t, ...r }) => r), total, limit: q.limit, offset: q.offset };
}
