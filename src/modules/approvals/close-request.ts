import type { Work } from '../../platform/unit-of-work.ts';

export type ClosedStatus = 'approved' | 'rejected' | 'withdrawn' | 'superseded';

/** Closes a request (its pending tasks are cancelled) and says so in the audit trail and the outbox. */
export async function closeRequest(
  w: Work, req: { id: string; orderId: string; number: string; holdId: string; holdType: string }, status: ClosedStatus, note: string | null,
): Promise<void> {
  await w.tx.query(
    `UPDATE approval_requests SET status = $2, closed_at = now(), closed_by = $3, close_note = $4 WHERE id = $1`,
    [req.id, status, w.actor.name, note]);
  const cancelled = await w.tx.query<{ id: string }>(
    `UPDATE approval_tasks SET status = 'cancelled' WHERE request_id = $1 AND status = 'pending' RETURNING id`, [req.id]);
  w.audit({ entityType: 'approval_request', entityId: req.id, action: status, reason: note,
    changes: { status: { old: 'open', new: status }, ...(cancelled.rows.length ? { cancelledTasks: { new: cancelled.rows.map((t) => t.id) } } : {}) } });
  w.emit({ topic: `approval.${status}`, entityType: 'approval_request', entityId: req.id,
    payload: { orderId: req.orderId, number: req.number, holdId: req.holdId, holdType: req.holdType } });
}
