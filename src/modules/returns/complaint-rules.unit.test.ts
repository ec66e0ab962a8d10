import { describe, expect, it } from 'vitest';
import { decideComplaintStatus, reachesThreshold, thresholdMessage } from './complaint-rules.ts';

describe('complaint rules', () => {
  it('given an open complaint, then it may go to investigating or, with findings, closed', () => {
    expect(decideComplaintStatus('open', 'investigating', undefined)).toBe('investigating');
    expect(decideComplaintStatus('investigating', 'closed', 'supplier CAPA 12')).toBe('closed');
  });

  it('given closing without findings, or a closed complaint, then it is refused', () => {
    expect(() => decideComplaintStatus('open', 'closed', undefined)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'resolution' }));
    expect(() => decideComplaintStatus('closed', 'investigating', undefined)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() => decideComplaintStatus('investigating', 'open', undefined)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });

  it('given the count reaching the threshold, then the lot is flagged once', () => {
    expect(reachesThreshold(2, 3, false)).toBe(false);
    expect(reachesThreshold(3, 3, false)).toBe(true);
    expect(reachesThreshold(4, 3, true)).toBe(false);
  });

  it('says it in both languages', () => {
    const m = thresholdMessage({ lotNumber: 'L1', deviceCode: 'STENT', count: 3, threshold: 3 });
    expect(m.en).toContain('Lot L1');
    expect(m.zh).toContain('批号 L1');
  });
});
