import { describe, expect, it } from 'vitest';
import { decideLotStatus, withdrawsAllocations, type LotAction } from './lot-status.ts';
import type { LotStatus } from './lot-eligibility.ts';

const lot = (status: LotStatus, more: { expiresOn?: string; documents?: number } = {}) => ({
  lotNumber: 'L1', status, expiresOn: more.expiresOn ?? '2027-06-30', documents: more.documents ?? 1,
});
const refusal = (action: LotAction, l: ReturnType<typeof lot>) => {
  try {
    decideLotStatus(action, l, '2026-11-26');
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('lot status decisions', () => {
  it('releases a quarantined or blocked lot that has a release document and is not expired', () => {
    expect(decideLotStatus('release', lot('quarantine'), '2026-11-26')).toBe('released');
    expect(decideLotStatus('release', lot('blocked'), '2026-11-26')).toBe('released');
    expect(refusal('release', lot('quarantine', { documents: 0 }))).toBe('DOCUMENTS_MISSING');
    expect(refusal('release', lot('quarantine', { expiresOn: '2026-11-26' }))).toBe('LOT_EXPIRED');
  });

  it('refuses transitions the lifecycle does not allow', () => {
    const refused: Array<[LotAction, LotStatus]> = [
      ['release', 'released'], ['release', 'rejected'], ['release', 'recalled'], ['release', 'expired'],
      ['reject', 'released'], ['block', 'blocked'], ['block', 'recalled'], ['recall', 'recalled'], ['recall', 'rejected'],
      ['expire', 'expired'], ['expire', 'recalled'],
    ];
    for (const [action, status] of refused) expect(refusal(action, lot(status)), `${action} ${status}`).toBe('INVALID_STATE');
  });

  it('blocks, recalls, rejects and expires from the states that allow it', () => {
    expect(decideLotStatus('block', lot('released'), '2026-11-26')).toBe('blocked');
    expect(decideLotStatus('recall', lot('expired'), '2026-11-26')).toBe('recalled');
    expect(decideLotStatus('reject', lot('quarantine', { documents: 0 }), '2026-11-26')).toBe('rejected');
    expect(decideLotStatus('expire', lot('quarantine'), '2026-11-26')).toBe('expired');
  });

  it('withdraws allocations from every status but released', () => {
    expect((['quarantine', 'blocked', 'recalled', 'expired', 'rejected'] as LotStatus[]).every(withdrawsAllocations)).toBe(true);
    expect(withdrawsAllocations('released')).toBe(false);
  });
});
