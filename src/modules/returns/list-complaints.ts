import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerFilter, isCustomerRestricted, orgFilter } from '../../platform/org-scope.ts';
import { COMPLAINT_SELECT, type ComplaintView } from './get-complaint.ts';
import type { ComplaintQuery } from './return-schemas.ts';

/** Complaints the actor may see (its organisation's or territory's), newest first, by lot, customer and status. */
export async function listComplaints(tx: Sql, actor: Actor, q: ComplaintQuery & { limit: number; offset: number }) {
  const params = [orgFilter(actor), q.lotId ?? null, q.customerId ?? null, q.status ?? null, customerFilter(actor)];
  const where = `($1::uuid IS NULL OR c.customer_id = $1) AND ($2::uuid IS NULL OR c.lot_id = $2) AND ($3::uuid IS NULL OR c.customer_id = $3)
    AND ($4::text IS NULL OR c.status = $4) AND ($5::uuid[] IS NULL OR c.customer_id = ANY($5))`;
  const { rows } = await tx.query<ComplaintView>(`${COMPLAINT_SELECT} WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT $6 OFFSET $7`, [...params, q.limit, q.offset]);
  const { rows: [count] } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM complaints c WHERE ${where}`, params);
  return { items: rows, total: count!.n };
}

/**
 * A lot's complaints at a glance: how many, by status and customer, against the threshold, and
 * whether it is flagged. A territory or portal user counts only its customers' complaints
 * (`restricted: true`); the flag and threshold stay the lot's own, as quality set them.
 */
export async function lotComplaintSummary(tx: Sql, actor: Actor, lotId: string) {
  const { rows: [lot] } = await tx.query<{ lotNumber: string; deviceId: string; deviceCode: string }>(
    'SELECT l.lot_number AS "lotNumber", l.device_id AS "deviceId", d.code AS "deviceCode" FROM lots l JOIN devices d ON d.id = l.device_id WHERE l.id = $1', [lotId]);
  if (!lot) throw notFound('lot', lotId);
  const { rows: [s] } = await tx.query<{ total: number; byStatus: Record<string, number>; customers: number; threshold: number; flaggedAt: string | null }>(
    `WITH own AS (SELECT status, customer_id FROM complaints
                   WHERE lot_id = $1 AND ($2::uuid IS NULL OR customer_id = $2) AND ($3::uuid[] IS NULL OR customer_id = ANY($3)))
     SELECT (SELECT count(*)::int FROM own) AS total,
            coalesce((SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM own GROUP BY status) x), '{}'::jsonb) AS "byStatus",
            (SELECT count(DISTINCT customer_id)::int FROM own) AS customers,
            (SELECT lot_threshold FROM complaint_settings) AS threshold,
            (SELECT flagged_at FROM lot_complaint_flags WHERE lot_id = $1) AS "flaggedAt"`, [lotId, orgFilter(actor), customerFilter(actor)]);
  return {
    lotId, ...lot, total: s!.total, byStatus: s!.byStatus, customers: s!.customers, threshold: s!.threshold,
    flagged: s!.flaggedAt !== null, flaggedAt: s!.flaggedAt, restricted: isCustomerRestricted(actor),
  };
}
