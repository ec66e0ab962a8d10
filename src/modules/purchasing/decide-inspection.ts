import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { applyLotStatus, type LotStatusContext, type LotStatusOutcome } from '../inventory/change-lot-status.ts';
import { loadLotHead } from '../inventory/lot-records.ts';
import { verifySignature } from '../inventory/verify-signature.ts';
import { loadInspection, type InspectionView } from './inspection-records.ts';
import type { InspectionDecisionInput } from './purchasing-schemas.ts';

/**
 * Quality's signed decision on an inspected lot, through inventory's lot release: a passed lot
 * may be released or rejected, a failed one only rejected. The password is checked before the
 * transaction; the lot's status change and the inspection's decision commit together.
 */
export async function decideInspection(
  db: Database, actor: Actor, id: string, input: InspectionDecisionInput, ctx: Omit<LotStatusContext, 'requestId'> & { requestId: string | null },
): Promise<{ inspection: InspectionView; lot: LotStatusOutcome }> {
  const before = await readTx(db, (tx) => loadInspection(tx, id));
  if (before.status === 'pending') throw new DomainError('INVALID_STATE', `lot ${before.lotNumber} has not been inspected yet: record the inspection result first`, { details: { status: before.status } });
  const signature = await verifySignature(db, actor, { password: input.password, meaning: input.meaning }, { entityType: 'lot', entityId: before.lotId, requestId: ctx.requestId });
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const insp = await loadInspection(w.tx, id, { forUpdate: true });
    if (insp.status !== 'passed' && insp.status !== 'failed') {
      throw new DomainError('INVALID_STATE', `the inspection of lot ${insp.lotNumber} is already ${insp.status}`, { details: { status: insp.status } });
    }
    if (input.decision === 'release' && insp.status === 'failed') {
      throw new DomainError('INVALID_STATE', `lot ${insp.lotNumber} failed incoming inspection (${insp.defects} defects, accept ${insp.acceptNumber}): it can only be rejected`, { field: 'decision' });
    }
    const lot = await loadLotHead(w.tx, insp.lotId, { forUpdate: true });
    const outcome = await applyLotStatus(w, lot, input.decision, { reason: input.reason, signature }, ctx);
    const status = input.decision === 'release' ? 'released' : 'rejected';
    await w.tx.query('UPDATE incoming_inspections SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1', [insp.id, status, actor.name]);
    w.audit({ entityType: 'incoming_inspection', entityId: insp.id, action: status, reason: input.reason ?? null, signature, changes: { status: { old: insp.status, new: status } } });
    return { inspection: await loadInspection(w.tx, insp.id), lot: outcome };
  });
}
