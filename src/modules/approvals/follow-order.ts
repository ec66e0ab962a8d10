import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import type { HoldType } from '../rules/rule-types.ts';
import { nothingToWrite, writeIfNeeded } from '../notifications/write-if-needed.ts';
import { closeRequest } from './close-request.ts';
import { openApproval } from './open-approval.ts';

interface OpenRequest {
  id: string;
  orderId: string;
  number: string;
  holdId: string;
  holdType: string;
}

const actor = systemActor('approvals');

async function openRequests(w: Work, orderId: string, holdId: string | null): Promise<OpenRequest[]> {
  const { rows } = await w.tx.query<OpenRequest>(
    `SELECT r.id, r.order_id AS "orderId", o.number, r.hold_id AS "holdId", r.hold_type AS "holdType"
       FROM approval_requests r JOIN orders o ON o.id = r.order_id
      WHERE r.order_id = $1 AND r.status = 'open' AND ($2::uuid IS NULL OR r.hold_id = $2) FOR UPDATE OF r`,
    [orderId, holdId]);
  return rows;
}

/**
 * A hold released by other means than its approval (the orders module's release route), or an
 * order cancelled: the open requests are withdrawn, so nobody is asked to sign for nothing.
 */
export function withdrawApprovals(db: Database, orderId: string, holdId: string | null, note: string) {
  return writeIfNeeded(db, { actor }, async (w) => {
    const open = await openRequests(w, orderId, holdId);
    if (open.length === 0) nothingToWrite();
    for (const r of open) await closeRequest(w, r, 'withdrawn', note);
    return open.length;
  });
}

/**
 * An amended order is a new record to sign: a request of an earlier version is superseded, and
 * every hold still open without an open request for this version (superseded, or rejected
 * before the amendment) gets a new round planned on the amended order.
 */
export function reopenApprovalsForVersion(db: Database, orderId: string) {
  return writeIfNeeded(db, { actor }, async (w) => {
    const { rows } = await w.tx.query<{ holdId: string; holdType: HoldType; origin: Record<string, unknown>; request: OpenRequest | null; stale: boolean }>(
      `SELECT h.id AS "holdId", h.hold_type AS "holdType", h.origin,
              CASE WHEN r.status = 'open' THEN json_build_object('id', r.id, 'orderId', h.order_id, 'number', o.number, 'holdId', h.id, 'holdType', h.hold_type) END AS request,
              r.id IS NULL OR r.order_version < o.version OR r.status = 'rejected' AS stale
         FROM order_holds h JOIN orders o ON o.id = h.order_id
         LEFT JOIN LATERAL (SELECT * FROM approval_requests x WHERE x.hold_id = h.id ORDER BY x.round DESC LIMIT 1 FOR UPDATE) r ON true
        WHERE h.order_id = $1 AND h.status = 'open' AND (r.id IS NULL OR r.status IN ('open', 'rejected'))`,
      [orderId]);
    const stale = rows.filter((r) => r.stale);
    if (stale.length === 0) nothingToWrite();
    for (const h of stale) {
      if (h.request) await closeRequest(w, h.request, 'superseded', 'the order was amended');
      await openApproval(w, { orderId, holdId: h.holdId, holdType: h.holdType, origin: h.origin });
    }
    return stale.length;
  });
}
