import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../udi/check-digit.ts';
import { parseGs1 } from '../udi/parse-gs1.ts';
import { udiOfUnit } from './udi-of-unit.ts';

const body = '0690000000001';
const gtin = `${body}${gs1CheckDigit(body)}`;

describe('udiOfUnit', () => {
  it('given a serial unit, when encoded, then the element string carries GTIN, expiry, lot and serial', () => {
    const udi = udiOfUnit({ gtin, expiresOn: '2028-06-30', lotNumber: 'L-1', serial: 'SN9' })!;
    expect(parseGs1(udi.raw, new Date('2026-01-01'))).toMatchObject({ gtin, expiry: '2028-06-30', lot: 'L-1', serial: 'SN9' });
    expect(udi.hri).toBe(`(01)${gtin}(17)280630(10)L-1(21)SN9`);
  });

  it('given a lot-only unit, when encoded, then there is no serial element', () => {
    expect(udiOfUnit({ gtin, expiresOn: '2028-06-30', lotNumber: 'L-1', serial: null })!.hri).toBe(`(01)${gtin}(17)280630(10)L-1`);
  });

  it('given no GTIN or a lot GS1 cannot carry, then there is no UDI', () => {
    expect(udiOfUnit({ gtin: null, expiresOn: '2028-06-30', lotNumber: 'L-1', serial: null })).toBeNull();
    expect(udiOfUnit({ gtin, expiresOn: '2028-06-30', lotNumber: 'LOT WITH SPACE', serial: null })).toBeNull();
  });
});
