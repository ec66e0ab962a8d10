import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { fileLotDocument } from '../inventory/add-lot-document.ts';
import { loadInspection, type InspectionView } from './inspection-records.ts';
import type { InspectionResultInput } from './purchasing-schemas.ts';
import { inspectionPasses } from './sampling-plan.ts';

/**
 * Records what incoming inspection found: at least the plan's sample, no more than arrived; the
 * lot passes when the defects do not exceed the acceptance number. The inspection report is filed
 * as the lot's inspection_report document (what a signed release needs).
 */
export function recordInspectionResult(db: Database, actor: Actor, id: string, input: InspectionResultInput, ctx: { today: string; requestId: string | null }): Promise<InspectionView> {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const insp = await loadInspection(w.tx, id, { forUpdate: true });
    if (insp.status !== 'pending') {
      throw new DomainError('INVALID_STATE', `the inspection of lot ${insp.lotNumber} is already ${insp.status}`, { details: { status: insp.status } });
    }
    if (input.sampled < insp.sampleSize) throw invalid('sampled', `the sampling plan asks for ${insp.sampleSize} units (level ${insp.inspectionLevel}, AQL ${insp.aql}); ${input.sampled} were inspected`);
    if (input.sampled > insp.receivedQuantity) throw invalid('sampled', `only ${insp.receivedQuantity} units arrived`);
    if (input.defects > input.sampled) throw invalid('defects', `more defects (${input.defects}) than units inspected (${input.sampled})`);
    const status = inspectionPasses(insp, input.defects) ? 'passed' : 'failed';
    await w.tx.query(
      `UPDATE incoming_inspections SET status = $2, sampled = $3, defects = $4, report_reference = $5, notes = $6, inspected_by = $7, inspected_at = now()
        WHERE id = $1`,
      [insp.id, status, input.sampled, input.defects, input.reportReference, input.notes ?? null, actor.name],
    );
    await fileLotDocument(w, insp.lotId, { kind: 'inspection_report', reference: input.reportReference, issuedOn: ctx.today })
      .catch((e: unknown) => { throw e instanceof DomainError && e.code === 'DUPLICATE' ? invalid('reportReference', e.message) : e; });
    w.audit({
      entityType: 'incoming_inspection', entityId: insp.id, action: status,
      changes: { status: { old: 'pending', new: status }, sampled: { new: input.sampled }, defects: { new: input.defects }, acceptNumber: { new: insp.acceptNumber }, report: { new: input.reportReference } },
    });
    w.emit({ topic: `purchasing.inspection_${status}`, entityType: 'incoming_inspection', entityId: insp.id, payload: { lotId: insp.lotId, lotNumber: insp.lotNumber, sampled: input.sampled, defects: input.defects } });
    return loadInspection(w.tx, insp.id);
  });
}
