import { describe, expect, it } from 'vitest';
import { normaliseGtin } from './gtin.ts';

describe('normaliseGtin', () => {
  it.each([
    ['96385074', '00000096385074'], // GTIN-8
    ['614141000302', '00614141000302'], // UPC-A
    ['4006381333931', '04006381333931'], // EAN-13
    ['10614141000415', '10614141000415'], // GTIN-14
  ])('pads %s to the GTIN-14 %s', (value, gtin) => {
    expect(normaliseGtin(value)).toBe(gtin);
  });

  it.each([
    ['10614141000416', 'wrong check digit'],
    ['4006381333932', 'wrong check digit'],
    ['0614141000030', 'wrong check digit'],
    ['12345', 'no GTIN length'],
    ['100614141000415', 'fifteen digits'],
    ['1061414100041A', 'a letter'],
  ])('refuses %s (%s)', (value) => {
    expect(normaliseGtin(value)).toBeNull();
  });
});
