import { DomainError } from '../../platform/errors.ts';
import type { LotStatus } from './lot-eligibility.ts';

/**
 * A lot's status as a pure decision. Received lots wait in quarantine until quality releases or
 * rejects them with an electronic signature; a released lot can be blocked (investigation) or
 * recalled; the daily job expires lots past their date. Rejected and recalled are final.
 */
export type LotAction = 'release' | 'reject' | 'block' | 'recall' | 'expire';

interface Rule {
  to: LotStatus;
  from: readonly LotStatus[];
  /** Needs an electronic signature (21 CFR Part 11): the decision releases or condemns goods. */
  signed: boolean;
}

export const LOT_ACTIONS: Record<LotAction, Rule> = {
  release: { to: 'released', from: ['quarantine', 'blocked'], signed: true },
  reject: { to: 'rejected', from: ['quarantine', 'blocked'], signed: true },
  block: { to: 'blocked', from: ['quarantine', 'released'], signed: false },
  recall: { to: 'recalled', from: ['quarantine', 'released', 'blocked', 'expired'], signed: false },
  expire: { to: 'expired', from: ['quarantine', 'released', 'blocked'], signed: false },
};

export interface LotFactsForDecision {
  lotNumber: string;
  status: LotStatus;
  expiresOn: string;
  documents: number;
}

/** The status the action leads to, or the reason it is refused. */
export function decideLotStatus(action: LotAction, lot: LotFactsForDecision, today: string): LotStatus {
  const rule = LOT_ACTIONS[action];
  if (!rule.from.includes(lot.status)) {
    throw new DomainError('INVALID_STATE', `lot ${lot.lotNumber} is ${lot.status}: it cannot be ${rule.to}`, { details: { status: lot.status, action } });
  }
  if (action === 'release') {
    if (lot.expiresOn <= today) throw new DomainError('LOT_EXPIRED', `lot ${lot.lotNumber} expired on ${lot.expiresOn}: it cannot be released`);
    if (lot.documents === 0) {
      throw new DomainError('DOCUMENTS_MISSING', `lot ${lot.lotNumber} has no release document: add its certificate of conformity or inspection report first`);
    }
  }
  return rule.to;
}

/** True when stock of a lot in this status may no longer stay allocated. */
export const withdrawsAllocations = (status: LotStatus): boolean => status !== 'released';
