import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors.ts';
import { checkIssues, componentShort, type ComponentNeed } from './issue-rules.ts';

const needs = new Map<string, ComponentNeed>([
  ['tube', { deviceId: 'tube', deviceCode: 'TUBE', quantityPer: 2, required: 20, issued: 6 }],
  ['bag', { deviceId: 'bag', deviceCode: 'BAG', quantityPer: 1, required: 10, issued: 0 }],
]);
const fail = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return [e.code, e.field];
    throw e;
  }
  return null;
};

describe('checkIssues', () => {
  it('given what the BOM still needs, then issuing it exactly is accepted', () => {
    expect(fail(() => checkIssues('WO-1', needs, [{ deviceId: 'tube', quantity: 14, field: 'lines.0' }, { deviceId: 'bag', quantity: 10, field: 'lines.1' }]))).toBeNull();
  });

  it('given one unit more than the BOM asks for, then over-issue is refused on that line', () => {
    expect(fail(() => checkIssues('WO-1', needs, [{ deviceId: 'tube', quantity: 15, field: 'lines.0' }]))).toEqual(['VALIDATION_FAILED', 'lines.0.quantity']);
    expect(fail(() => checkIssues('WO-1', needs, [{ deviceId: 'tube', quantity: 10, field: 'lines.0' }, { deviceId: 'tube', quantity: 5, field: 'lines.1' }])))
      .toEqual(['VALIDATION_FAILED', 'lines.1.quantity']);
  });

  it('given a device outside the BOM, then it is the wrong device', () => {
    expect(fail(() => checkIssues('WO-1', needs, [{ deviceId: 'glove', quantity: 1, field: 'lines.0' }]))).toEqual(['SCAN_WRONG_DEVICE', 'lines.0']);
  });
});

describe('componentShort', () => {
  it('given 6 tubes issued at 2 per unit, then 3 units may be reported, not 4; the bag is short first when none was issued', () => {
    const tubeOnly = [needs.get('tube')!];
    expect(componentShort(tubeOnly, 3)).toBeNull();
    expect(componentShort(tubeOnly, 4)).toMatchObject({ deviceCode: 'TUBE', needed: 8 });
    expect(componentShort(needs.values(), 1)).toMatchObject({ deviceCode: 'BAG', needed: 1 });
  });
});
