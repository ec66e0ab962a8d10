import { describe, expect, it } from 'vitest';
import { readDecimal, readWholeQuantity } from './numbers.ts';

describe('EDI numbers', () => {
  it.each([
    ['12.50', '.', '12.50'],
    ['0012.5', '.', '12.5'],
    ['.5', '.', '0.5'],
    ['12.', '.', '12'],
    ['-3', '.', '-3'],
    ['1250,50', ',', '1250.50'],
    ['0', '.', '0'],
  ] as const)(
    'reads the decimal %j (mark %j) as the string %j, keeping the precision sent',
    (raw, mark, value) => {
      expect(readDecimal(raw, mark)).toEqual({ ok: true, value });
    },
  );

  it.each([
    ['12,50', '.', 'wrong-decimal-mark'],
    ['12.50', ',', 'wrong-decimal-mark'],
    ['12.5.0', '.', 'invalid-character'],
    ['1O', '.', 'invalid-character'],
    ['', '.', 'invalid-character'],
    ['-', '.', 'invalid-character'],
  ] as const)('refuses the decimal %j (mark %j): %s', (raw, mark, problem) => {
    expect(readDecimal(raw, mark)).toEqual({ ok: false, problem });
  });

  it('reads quantities in whole units', () => {
    expect(readWholeQuantity('10', '.')).toEqual({ ok: true, value: 10 });
    expect(readWholeQuantity('10.000', '.')).toEqual({ ok: true, value: 10 });
    expect(readWholeQuantity('007', '.')).toEqual({ ok: true, value: 7 });
  });

  it.each([
    ['10.5', 'not-whole'],
    ['-1', 'negative'],
    ['TEN', 'invalid-character'],
    ['99999999999999999', 'too-large'],
  ] as const)('refuses the quantity %j: %s', (raw, problem) => {
    expect(readWholeQuantity(raw, '.')).toEqual({ ok: false, problem });
  });
});
