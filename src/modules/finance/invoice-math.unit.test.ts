import { describe, expect, it } from 'vitest';
import { computeDocument, divRoundHalfUp } from './invoice-math.ts';

const std = { vatCode: 'CN_STD', vatRateBp: 1300 };
const zero = { vatCode: 'EXPORT_0', vatRateBp: 0 };

describe('invoice arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divRoundHalfUp(-5n, 10n)).toBe(-1n);
    expect(divRoundHalfUp(-4n, 10n)).toBe(0n);
  });

  it('given lines at 13%, computes net per line and VAT once on the rate total', () => {
    const doc = computeDocument([{ quantity: 3, unitPriceMinor: 1_200_000, ...std }, { quantity: 10, unitPriceMinor: 350, ...std }]);
    expect(doc.lines.map((l) => l.netMinor)).toEqual([3_600_000, 3_500]);
    expect(doc.netMinor).toBe(3_603_500);
    expect(doc.vatMinor).toBe(468_455);
    expect(doc.totalMinor).toBe(4_071_955);
    expect(doc.vatBreakdown).toEqual([{ code: 'CN_STD', rateBp: 1300, netMinor: 3_603_500, vatMinor: 468_455 }]);
  });

  it('given lines whose VAT each rounds down, the rate total rounds once and the fen goes to the largest remainder', () => {
    // 3 × (1 × 3) at 13% = 0.39 each → rate total 1.17 → 1; truncated shares are 0, 0, 0
    const doc = computeDocument([
      { quantity: 1, unitPriceMinor: 3, ...std },
      { quantity: 1, unitPriceMinor: 4, ...std },
      { quantity: 1, unitPriceMinor: 3, ...std },
    ]);
    expect(doc.vatMinor).toBe(1); // 10 × 0.13 = 1.3 → 1
    expect(doc.lines.map((l) => l.vatMinor)).toEqual([0, 1, 0]);
    expect(doc.lines.reduce((s, l) => s + l.vatMinor, 0)).toBe(doc.vatMinor);
  });

  it('given two rates, keeps a breakdown per rate with the zero rate for exports', () => {
    const doc = computeDocument([{ quantity: 2, unitPriceMinor: 999, ...std }, { quantity: 5, unitPriceMinor: 1000, ...zero }]);
    expect(doc.vatBreakdown).toEqual([
      { code: 'CN_STD', rateBp: 1300, netMinor: 1998, vatMinor: 260 }, // 259.74 → 260
      { code: 'EXPORT_0', rateBp: 0, netMinor: 5000, vatMinor: 0 },
    ]);
    expect(doc.totalMinor).toBe(1998 + 260 + 5000);
  });

  it('given a credit note, every amount is negative and rounds like the invoice it mirrors', () => {
    const lines = [{ quantity: 2, unitPriceMinor: 999, ...std }];
    const invoice = computeDocument(lines);
    const credit = computeDocument(lines, -1);
    expect(credit.netMinor).toBe(-invoice.netMinor);
    expect(credit.vatMinor).toBe(-invoice.vatMinor);
    expect(credit.totalMinor).toBe(-invoice.totalMinor);
    expect(credit.lines[0]!.quantity).toBe(2);
  });

  it('keeps exact amounts far beyond 2^53 / 10000 in the intermediate product', () => {
    const doc = computeDocument([{ quantity: 1_000_000, unitPriceMinor: 90_000_000, ...std }]);
    expect(doc.netMinor).toBe(90_000_000_000_000);
    expect(doc.vatMinor).toBe(11_700_000_000_000);
  });
});
