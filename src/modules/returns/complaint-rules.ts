import { DomainError, invalid } from '../../platform/errors.ts';
import type { ComplaintStatus } from './return-schemas.ts';

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  open: ['investigating', 'closed'],
  investigating: ['closed'],
  closed: [],
};

/** A complaint goes open → investigating → closed (or straight to closed); closing needs the findings. Pure. */
export function decideComplaintStatus(from: ComplaintStatus, to: ComplaintStatus, resolution: string | undefined): ComplaintStatus {
  if (!NEXT[from].includes(to)) throw new DomainError('INVALID_STATE', `a complaint that is ${from} cannot become ${to}`, { field: 'status', details: { from, to } });
  if (to === 'closed' && !resolution) throw invalid('resolution', 'closing a complaint records the investigation’s findings');
  return to;
}

/** True when this complaint brings the lot to the threshold and the lot is not flagged yet. */
export const reachesThreshold = (complaints: number, threshold: number, alreadyFlagged: boolean): boolean => !alreadyFlagged && complaints >= threshold;

/** The alert to quality, in both languages. */
export function thresholdMessage(p: { lotNumber: string; deviceCode: string; count: number; threshold: number }): { en: string; zh: string } {
  return {
    en: `Lot ${p.lotNumber} of ${p.deviceCode} has ${p.count} complaints (threshold ${p.threshold}): review the lot`,
    zh: `${p.deviceCode} 批号 ${p.lotNumber} 已有 ${p.count} 起投诉（阈值 ${p.threshold}）：请评估该批次`,
  };
}
