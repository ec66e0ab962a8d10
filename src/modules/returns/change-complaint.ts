import type { Work } from '../../platform/unit-of-work.ts';
import { decideComplaintStatus } from './complaint-rules.ts';
import { getComplaint, type ComplaintView } from './get-complaint.ts';
import type { ComplaintStatusInput } from './return-schemas.ts';

/** Moves a complaint to investigating or closed (with its findings). */
export async function changeComplaintStatus(w: Work, id: string, input: ComplaintStatusInput): Promise<ComplaintView> {
  const before = await getComplaint(w.tx, w.actor, id);
  await w.tx.query('SELECT 1 FROM complaints WHERE id = $1 FOR UPDATE', [id]);
  const { rows: [now] } = await w.tx.query<{ status: ComplaintView['status'] }>('SELECT status FROM complaints WHERE id = $1', [id]);
  const to = decideComplaintStatus(now!.status, input.status, input.resolution);
  await w.tx.query(
    `UPDATE complaints SET status = $2, resolution = coalesce($3, resolution), updated_at = now(), closed_at = CASE WHEN $2 = 'closed' THEN now() END WHERE id = $1`,
    [id, to, input.resolution ?? null]);
  w.audit({ entityType: 'complaint', entityId: id, action: 'status', changes: { status: { old: now!.status, new: to }, ...(input.resolution ? { resolution: { old: before.resolution, new: input.resolution } } : {}) } });
  w.emit({ topic: 'complaint.status_changed', entityType: 'complaint', entityId: id, payload: { number: before.number, from: now!.status, to } });
  return getComplaint(w.tx, w.actor, id);
}

/** Sets how many complaints against one lot flag it. */
export async function setComplaintThreshold(w: Work, lotThreshold: number): Promise<{ lotThreshold: number }> {
  const { rows: [old] } = await w.tx.query<{ t: number }>('SELECT lot_threshold AS t FROM complaint_settings FOR UPDATE');
  await w.tx.query('UPDATE complaint_settings SET lot_threshold = $1, updated_by = $2, updated_at = now()', [lotThreshold, w.actor.name]);
  w.audit({ entityType: 'complaint_settings', entityId: 'lot_threshold', action: 'updated', changes: { lotThreshold: { old: old!.t, new: lotThreshold } } });
  return { lotThreshold };
}
