import { describe, expect, it } from 'vitest';
import { inspectionPasses, sampleSizeCodeLetter, samplingPlan } from './sampling-plan.ts';

describe('samplingPlan (ISO 2859-1 single sampling, normal inspection)', () => {
  it('given a lot of 1000 at level II, AQL 1.0, when planned, then code J: sample 80, accept 2, reject 3', () => {
    expect(samplingPlan(1000, 'II', '1.0')).toEqual({ codeLetter: 'J', sampleSize: 80, acceptNumber: 2, rejectNumber: 3 });
  });

  it('given the lot-size range bounds, then the code letters of Table 1 at level II', () => {
    expect([2, 8, 9, 15, 16, 25, 26, 50, 51, 90, 91, 150, 151, 280, 281, 500, 501, 1200, 1201, 3200, 3201, 10_000, 35_000, 150_000, 500_000, 500_001]
      .map((n) => sampleSizeCodeLetter(n, 'II')).join(''))
      .toBe('AABBCCDDEEFFGGHHJJKKLLMNPQ');
    expect([8, 16, 51, 500_001].map((n) => sampleSizeCodeLetter(n, 'I')).join('')).toBe('ABCN');
    expect([8, 16, 51, 500_001].map((n) => sampleSizeCodeLetter(n, 'III')).join('')).toBe('BDFR');
  });

  it('given AQL 1.0, when the table points by arrows, then the nearest plan is used (13 / accept 0, 50 / accept 1)', () => {
    expect(samplingPlan(100, 'II', '1.0')).toMatchObject({ sampleSize: 13, acceptNumber: 0 }); // F → arrow up to E
    expect(samplingPlan(200, 'II', '1.0')).toMatchObject({ sampleSize: 50, acceptNumber: 1 }); // G → arrow down to H
    expect(samplingPlan(400, 'II', '1.0')).toMatchObject({ codeLetter: 'H', sampleSize: 50, acceptNumber: 1 });
  });

  it('given large lots, then the diagonal of acceptance numbers, capped at 21', () => {
    expect(samplingPlan(5000, 'II', '1.0')).toMatchObject({ sampleSize: 200, acceptNumber: 5 });
    expect(samplingPlan(5000, 'II', '2.5')).toMatchObject({ sampleSize: 200, acceptNumber: 10 });
    expect(samplingPlan(600_000, 'II', '6.5')).toMatchObject({ sampleSize: 200, acceptNumber: 21 });
  });

  it('given inspection levels I and III, then a smaller and a larger sample', () => {
    expect(samplingPlan(1000, 'I', '2.5')).toMatchObject({ codeLetter: 'G', sampleSize: 32, acceptNumber: 2 });
    expect(samplingPlan(1000, 'III', '2.5')).toMatchObject({ codeLetter: 'K', sampleSize: 125, acceptNumber: 7 });
  });

  it('given a lot smaller than the sample, then every unit is inspected', () => {
    expect(samplingPlan(5, 'II', '0.65')).toMatchObject({ sampleSize: 5, acceptNumber: 0 });
    expect(samplingPlan(1)).toMatchObject({ sampleSize: 1 });
  });

  it('given no lot, then it refuses', () => {
    expect(() => samplingPlan(0)).toThrow(RangeError);
    expect(() => samplingPlan(2.5)).toThrow(RangeError);
  });

  it('given defects up to the acceptance number, then the lot passes; one more and it fails', () => {
    const plan = samplingPlan(1000, 'II', '1.0');
    expect(inspectionPasses(plan, 2)).toBe(true);
    expect(inspectionPasses(plan, 3)).toBe(false);
  });
});
