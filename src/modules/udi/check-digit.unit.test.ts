import { describe, expect, it } from 'vitest';
import {
  gs1CheckCharacterPair,
  gs1CheckDigit,
  hasValidGs1CheckDigit,
  hasValidGs1CheckPair,
  hibccCheckChar,
  isValidGtin,
  normaliseGtin,
} from './check-digit.ts';

describe('gs1CheckDigit', () => {
  it.each([
    ['950600013435', 2], // GTIN-13 9506000134352, the GS1 General Specifications example
    ['0064316900722', 2], // GTIN-14 00643169007222, the FDA UDI example
    ['9638507', 4], // GTIN-8 96385074
    ['03600029145', 2], // GTIN-12 (UPC-A) 036000291452
    ['400638133393', 1], // GTIN-13 4006381333931
    ['10614141123456789', 7], // SSCC 106141411234567897
    ['950600013437', 6], // GLN 9506000134376
    ['0', 0],
  ])('given the body %s, the check digit is %i', (body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit);
  });

  it('refuses a body that is not digits', () => {
    expect(() => gs1CheckDigit('12A4')).toThrow(RangeError);
  });
});

describe('hasValidGs1CheckDigit', () => {
  it('accepts a key whose last digit is its check digit and refuses one off by one', () => {
    expect(hasValidGs1CheckDigit('106141411234567897')).toBe(true);
    expect(hasValidGs1CheckDigit('106141411234567898')).toBe(false);
  });

  it('refuses text too short to have a check digit, and non-digits', () => {
    expect(hasValidGs1CheckDigit('7')).toBe(false);
    expect(hasValidGs1CheckDigit('95060001343A2')).toBe(false);
  });
});

describe('isValidGtin', () => {
  it.each(['96385074', '036000291452', '4006381333931', '09506000134352', '00643169007222'])(
    'accepts %s',
    (gtin) => {
      expect(isValidGtin(gtin)).toBe(true);
    },
  );

  it.each([
    ['a wrong check digit', '09506000134353'],
    ['11 digits', '03600029145'],
    ['15 digits', '009506000134352'],
    ['a letter', '0950600013435X'],
    ['nothing', ''],
  ])('refuses %s', (_case, gtin) => {
    expect(isValidGtin(gtin)).toBe(false);
  });
});

describe('normaliseGtin', () => {
  it.each([
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    ['4006381333931', '04006381333931'],
    ['09506000134352', '09506000134352'],
  ])('writes %s as the GTIN-14 %s', (gtin, gtin14) => {
    expect(normaliseGtin(gtin)).toBe(gtin14);
  });

  it('throws VALIDATION_FAILED on the field gtin for an invalid GTIN', () => {
    expect(() => normaliseGtin('4006381333932')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'gtin' }),
    );
  });
});

describe('gs1CheckCharacterPair (GMN, MUDI)', () => {
  // Vectors from the GS1 Barcode Syntax Dictionary's reference tests of the csumalpha linter.
  it.each([
    ['1987654Ad4X4bL5ttr2310c', '2K'],
    ['12345678901234567890123', 'NT'],
    ['12345_ABCDEFGHIJKLM', 'CP'],
    ['12345_abcdefghijklm', 'N3'],
    ['12345_!"%&\'()*+,-./', 'LC'],
    ['7907665Bm8v2', 'AB'],
    ['00000!', 'HV'],
  ])('given %s, the pair is %s', (body, pair) => {
    expect(gs1CheckCharacterPair(body)).toBe(pair);
    expect(hasValidGs1CheckPair(body + pair)).toBe(true);
  });

  it('refuses a wrong pair and characters outside set 82', () => {
    expect(hasValidGs1CheckPair('1987654Ad4X4bL5ttr2310cXK')).toBe(false);
    expect(hasValidGs1CheckPair('1987654Ad4X4bL5ttr 310c2K')).toBe(false);
  });
});

describe('hibccCheckChar (mod 43)', () => {
  it('gives the check character of the HIBC standard example', () => {
    expect(hibccCheckChar('+A99912345/$$52001510X3/16D20111212/S77DE1G45')).toBe('-');
    // 41 + 10 + 27 + 15 + 40 + 39 + 39 + 5 + 8 + 1 + 33 = 258 = 6 × 43
    expect(hibccCheckChar('+A99912345/$$52001510X')).toBe('0');
  });

  it('values 0-9, A-Z as 10-35, then - . space $ / + % as 36-42', () => {
    // A single character is its own value mod 43, so the check character is the character itself.
    for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%') expect(hibccCheckChar(c)).toBe(c);
    expect(hibccCheckChar('%%')).toBe('+'); // 42 + 42 = 84, and 84 mod 43 = 41
    expect(hibccCheckChar('+AU')).toBe(' '); // 41 + 10 + 30 = 81, and 81 mod 43 = 38
  });

  it('throws SCAN_BAD_CHARSET for a character outside the Code 39 set', () => {
    expect(() => hibccCheckChar('+a999')).toThrow(expect.objectContaining({ code: 'SCAN_BAD_CHARSET' }));
  });
});
