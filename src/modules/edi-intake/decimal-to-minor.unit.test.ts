import { describe, expect, it } from 'vitest';
import { decimalToMinor } from './decimal-to-minor.ts';

describe('decimalToMinor', () => {
  it('given a price with the currency’s own decimals, then it is exact minor units', () => {
    expect(decimalToMinor('125.00', 'CNY')).toEqual({ minor: 12_500, exact: true });
    expect(decimalToMinor('980.5', 'USD')).toEqual({ minor: 98_050, exact: true });
    expect(decimalToMinor('12', 'EUR')).toEqual({ minor: 1_200, exact: true });
    expect(decimalToMinor('0.01', 'CNY')).toEqual({ minor: 1, exact: true });
  });

  it('given values a float would get wrong, then the digits are kept exactly', () => {
    expect(decimalToMinor('0.29', 'USD')).toEqual({ minor: 29, exact: true }); // 0.29 * 100 = 28.999… in floats
    expect(decimalToMinor('1.005', 'USD')).toEqual({ minor: 101, exact: false }); // half-up, not 100
    expect(decimalToMinor('9007199254740.99', 'CNY')).toEqual({ minor: 900_719_925_474_099, exact: true });
  });

  it('given more decimals than the currency has, then trailing zeros stay exact and the rest rounds half-up', () => {
    expect(decimalToMinor('125.0000', 'CNY')).toEqual({ minor: 12_500, exact: true });
    expect(decimalToMinor('0.855', 'USD')).toEqual({ minor: 86, exact: false });
    expect(decimalToMinor('0.854', 'USD')).toEqual({ minor: 85, exact: false });
  });

  it('given a currency without minor units, then whole units are the minor units', () => {
    expect(decimalToMinor('1500', 'JPY')).toEqual({ minor: 1_500, exact: true });
    expect(decimalToMinor('1500.5', 'JPY')).toEqual({ minor: 1_501, exact: false });
  });

  it('given a price per package, then it is divided into the price of one base unit', () => {
    expect(decimalToMinor('1600.00', 'CNY', 20)).toEqual({ minor: 8_000, exact: true });
    expect(decimalToMinor('10.00', 'CNY', 3)).toEqual({ minor: 333, exact: false });
    expect(decimalToMinor('0.05', 'CNY', 10)).toEqual({ minor: 1, exact: false }); // 0.5 fen rounds up
  });

  it('given anything but a plain non-negative decimal, then null', () => {
    for (const bad of ['', '-1.00', '1,50', '1.2.3', '.5', '5.', '1e3', 'abc', '12 34']) {
      expect(decimalToMinor(bad, 'CNY'), bad).toBeNull();
    }
    expect(decimalToMinor('1.00', 'CNY', 0)).toBeNull();
    expect(decimalToMinor('999999999999999', 'CNY')).toBeNull(); // past the safe integer range in fen
  });
});
