import { describe, expect, it } from 'vitest';
import { applyDiscountBp, bpToPercent, formatMinor, percentToBp } from './money.ts';

describe('applyDiscountBp', () => {
  it('given no discount or a full one, when applied, then the price is kept or becomes zero', () => {
    expect(applyDiscountBp(12_345, 0)).toBe(12_345);
    expect(applyDiscountBp(12_345, 10_000)).toBe(0);
  });

  it('given results just under, at and over half a minor unit, when applied, then they round half up', () => {
    expect(applyDiscountBp(1, 5_001)).toBe(0); // 0.4999
    expect(applyDiscountBp(1, 5_000)).toBe(1); // 0.5
    expect(applyDiscountBp(3, 5_000)).toBe(2); // 1.5
    expect(applyDiscountBp(9_999, 850)).toBe(9_149); // 9149.085
  });
});

describe('percentToBp and bpToPercent', () => {
  it('given percentages with up to two decimals, when converted, then they become exact basis points', () => {
    expect(percentToBp('8.5')).toBe(850);
    expect(percentToBp('8.50')).toBe(850);
    expect(percentToBp('0.01')).toBe(1);
    expect(percentToBp('100')).toBe(10_000);
    expect(percentToBp('0')).toBe(0);
  });

  it('given anything else, when converted, then the answer is null', () => {
    for (const bad of ['100.01', '8.555', '-1', '1e2', 'abc', '', '.5', '1000']) expect(percentToBp(bad)).toBeNull();
  });

  it('given basis points, when shown as a percentage, then two decimals are kept', () => {
    expect(bpToPercent(850)).toBe('8.50');
    expect(bpToPercent(5)).toBe('0.05');
    expect(bpToPercent(10_000)).toBe('100.00');
  });
});

describe('formatMinor', () => {
  it('given minor units, when formatted, then the currency’s own number of decimals is used', () => {
    expect(formatMinor(123_456, 'CNY')).toBe('1234.56');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(0, 'EUR')).toBe('0.00');
    expect(formatMinor(1_200, 'JPY')).toBe('1200');
    expect(formatMinor(1_234, 'KWD')).toBe('1.234');
  });
});
