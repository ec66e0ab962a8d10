import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { loadRequisition, type RequisitionStatus, type RequisitionView } from './requisition-records.ts';

const RULES = {
  approve: { from: ['open'], to: 'approved' },
  cancel: { from: ['open', 'approved'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly RequisitionStatus[]; to: RequisitionStatus }>;

/** Approves or cancels a requisition (a converted one belongs to its purchase order). */
export function changeRequisitionStatus(
  db: Database, actor: Actor, idOrNumber: string, action: keyof typeof RULES, input: { reason?: string | undefined }, requestId: string | null,
): Promise<RequisitionView> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const r = await loadRequisition(w.tx, idOrNumber, { forUpdate: true });
    const rule = RULES[action];
    if (!(rule.from as readonly string[]).includes(r.status)) {
      throw new DomainError('INVALID_STATE', `requisition ${r.number} is ${r.status}: it cannot be ${rule.to}`, { details: { status: r.status, action } });
    }
    await w.tx.query(
      `UPDATE purchase_requisitions SET status = $2, updated_at = now(),
              approved_by = CASE WHEN $2 = 'approved' THEN $3 ELSE approved_by END,
              approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END
        WHERE id = $1`, [r.id, rule.to, actor.name]);
    w.audit({ entityType: 'purchase_requisition', entityId: r.id, action: rule.to, reason: input.reason ?? null, changes: { status: { old: r.status, new: rule.to } } });
    w.emit({ topic: `purchasing.requisition_${rule.to}`, entityType: 'purchase_requisition', entityId: r.id, payload: { number: r.number, from: r.status, to: rule.to } });
    return loadRequisition(w.tx, r.id);
  });
}
