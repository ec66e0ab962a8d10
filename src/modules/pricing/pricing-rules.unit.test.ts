import { describe, expect, it } from 'vitest';
import { checkBreaks, checkContractTerms, checkDistinctDevices, checkValidity, discountBpOf } from './pricing-rules.ts';

const fieldOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as { field?: string }).field;
  }
  return undefined;
};

describe('pricing rules', () => {
  it('given validity ends, when the last day is before the first, then validTo is at fault; equal days are fine', () => {
    expect(fieldOf(() => checkValidity('2026-02-01', '2026-01-31'))).toBe('validTo');
    expect(fieldOf(() => checkValidity('2026-02-01', '2026-01-31', 'rows.3.'))).toBe('rows.3.validTo');
    expect(fieldOf(() => checkValidity('2026-02-01', '2026-02-01'))).toBeUndefined();
    expect(fieldOf(() => checkValidity('2026-02-01', null))).toBeUndefined();
  });

  it('given breaks with a repeated quantity, when checked, then the repeat is named', () => {
    const breaks = [{ minQuantity: 10, unitPriceMinor: 1 }, { minQuantity: 20, unitPriceMinor: 1 }, { minQuantity: 10, unitPriceMinor: 2 }];
    expect(fieldOf(() => checkBreaks(breaks, 'lines.0.'))).toBe('lines.0.breaks.2.minQuantity');
    expect(fieldOf(() => checkBreaks(breaks.slice(0, 2)))).toBeUndefined();
  });

  it('given a device listed twice, when checked, then the second one is named', () => {
    expect(fieldOf(() => checkDistinctDevices([{ deviceId: 'a' }, { deviceId: 'b' }, { deviceId: 'a' }], 'prices'))).toBe('prices.2.deviceId');
  });

  it('given a discount as percent or basis points, when read, then it is basis points; both or a bad percent are refused', () => {
    expect(discountBpOf({ discountPercent: '8.5' })).toBe(850);
    expect(discountBpOf({ discountBp: 850 })).toBe(850);
    expect(discountBpOf({ discountBp: null })).toBeNull();
    expect(discountBpOf({})).toBeUndefined();
    expect(fieldOf(() => discountBpOf({ discountBp: 850, discountPercent: '8.5' }))).toBe('discountPercent');
    expect(fieldOf(() => discountBpOf({ discountPercent: '120' }))).toBe('discountPercent');
  });

  it('given contract terms, when a list is named without discount or nothing is priced, then they are refused', () => {
    expect(fieldOf(() => checkContractTerms({ discountBp: null, priceListId: 'pl', priceCount: 3 }))).toBe('priceListId');
    expect(fieldOf(() => checkContractTerms({ discountBp: null, priceListId: null, priceCount: 0 }))).toBe('prices');
    expect(fieldOf(() => checkContractTerms({ discountBp: 0, priceListId: 'pl', priceCount: 0 }))).toBeUndefined();
    expect(fieldOf(() => checkContractTerms({ discountBp: null, priceListId: null, priceCount: 1 }))).toBeUndefined();
  });
});
