import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../platform/errors.ts';
import { hibccCheckChar } from './check-digit.ts';
import { joinHibccSymbols } from './join-hibcc-symbols.ts';
import { parseHibcc } from './parse-hibcc.ts';

const now = new Date('2025-06-15T12:00:00Z');
const parse = (text: string) => parseHibcc(text, now);
/** A symbol: the data and its mod-43 check character (pinned by check-digit.unit.test.ts). */
const symbol = (data: string): string => data + hibccCheckChar(data);
const rejection = (code: ErrorCode, field?: string) =>
  expect.objectContaining(field === undefined ? { code } : { code, field });

describe('parseHibcc: primary data', () => {
  it('reads LIC, product number and unit of measure', () => {
    expect(parse('+A999123457')).toEqual({ scheme: 'HIBCC', lic: 'A999', product: '1234', unitOfMeasure: 5 });
  });

  it('takes everything between the LIC and the last digit as the product number', () => {
    expect(parse(symbol('+Z999009993020351'))).toMatchObject({
      lic: 'Z999',
      product: '00999302035',
      unitOfMeasure: 1,
    });
    expect(parse(symbol('+B12300'))).toMatchObject({ lic: 'B123', product: '0', unitOfMeasure: 0 });
  });
});

describe('parseHibcc: primary and secondary in one symbol', () => {
  it('reads the HIBC standard example with production date and serial supplements', () => {
    expect(parse('+A99912345/$$52001510X3/16D20111212/S77DE1G45-')).toEqual({
      scheme: 'HIBCC',
      lic: 'A999',
      product: '1234',
      unitOfMeasure: 5,
      lot: '10X3',
      expiry: '2020-01-15',
      productionDate: '2011-12-12',
      serial: '77DE1G45',
    });
  });

  it.each([
    ['MMYY (month digit, no flag)', '$$0926LOT1', '2026-09-30'],
    ['MMYY in December', '$$1226LOT1', '2026-12-31'],
    ['2: MMDDYY', '$$2092826LOT1', '2026-09-28'],
    ['3: YYMMDD', '$$3260928LOT1', '2026-09-28'],
    ['4: YYMMDDHH', '$$426092822LOT1', '2026-09-28'],
    ['5: YYJJJ', '$$526271LOT1', '2026-09-28'],
    ['6: YYJJJHH', '$$62627122LOT1', '2026-09-28'],
    ['5: YYJJJ, day 366 of a leap year', '$$528366LOT1', '2028-12-31'],
  ])('reads the expiry format %s', (_format, secondary, expiry) => {
    expect(parse(symbol(`+A99912345/${secondary}`))).toMatchObject({ lot: 'LOT1', expiry });
  });

  it.each([
    ['$ lot only', '$LOT1', { lot: 'LOT1' }],
    ['$+ serial only', '$+SN1', { serial: 'SN1' }],
    ['$$7 no date', '$$7LOT1', { lot: 'LOT1' }],
    [
      '$$8 two-digit quantity and date',
      '$$8243260928LOT1',
      { quantity: 24, expiry: '2026-09-28', lot: 'LOT1' },
    ],
    [
      '$$9 five-digit quantity and MMYY',
      '$$9001000926LOT1',
      { quantity: 100, expiry: '2026-09-30', lot: 'LOT1' },
    ],
    ['$$8 quantity without date', '$$8247LOT1', { quantity: 24, lot: 'LOT1' }],
    ['$$8 quantity alone', '$$824', { quantity: 24 }],
    ['$$+ date and serial', '$$+3260928SN1', { expiry: '2026-09-28', serial: 'SN1' }],
    [
      '$$+9 quantity, date and serial',
      '$$+9000123260928SN1',
      { quantity: 12, expiry: '2026-09-28', serial: 'SN1' },
    ],
    ['julian date and lot (the oldest form)', '26271LOT1', { expiry: '2026-09-28', lot: 'LOT1' }],
    ['lot with a /14D expiry', '$LOT1/14D20260928', { lot: 'LOT1', expiry: '2026-09-28' }],
    ['the same expiry twice', '$$3260928LOT1/14D20260928', { lot: 'LOT1', expiry: '2026-09-28' }],
  ])('reads %s', (_form, secondary, fields) => {
    const scan = parse(symbol(`+A99912345/${secondary}`));
    expect(scan).toEqual({ scheme: 'HIBCC', lic: 'A999', product: '1234', unitOfMeasure: 5, ...fields });
  });
});

describe('parseHibcc: secondary printed apart', () => {
  it('reads the secondary data and its link character', () => {
    expect(parse(symbol('+$$3260928LOT17'))).toEqual({
      scheme: 'HIBCC',
      lot: 'LOT1',
      expiry: '2026-09-28',
      link: '7',
    });
  });

  it('allows a space, a slash or a dollar as link and check character', () => {
    expect(parse(symbol('+$LOT1 ')).link).toBe(' ');
    expect(parse(symbol('+$LOT1/')).link).toBe('/');
    expect(parse(symbol('+$LOT1$'))).toEqual({ scheme: 'HIBCC', lot: 'LOT1', link: '$' });
  });
});

describe('joinHibccSymbols', () => {
  const primary = parse('+A999123457');

  it('joins a primary and the secondary that links to its check character', () => {
    const secondary = parse(symbol('+$$3260928LOT17'));
    expect(joinHibccSymbols(primary, secondary)).toEqual({
      scheme: 'HIBCC',
      lic: 'A999',
      product: '1234',
      unitOfMeasure: 5,
      lot: 'LOT1',
      expiry: '2026-09-28',
    });
  });

  it('refuses a secondary that links to another primary', () => {
    const secondary = parse(symbol('+$$3260928LOT1X'));
    expect(() => joinHibccSymbols(primary, secondary)).toThrow(rejection('SCAN_PAIRING', 'hibcc.link'));
  });

  it('refuses two primaries', () => {
    expect(() => joinHibccSymbols(primary, primary)).toThrow(rejection('SCAN_PAIRING', 'hibcc.link'));
  });
});

describe('parseHibcc: invalid symbols', () => {
  it('SCAN_BAD_CHECK_DIGIT for a wrong check character', () => {
    expect(() => parse('+A999123458')).toThrow(rejection('SCAN_BAD_CHECK_DIGIT', 'hibcc.check'));
    expect(() => parse('+A99912345/$$52001510X3/16D20111212/S77DE1G45.')).toThrow(
      rejection('SCAN_BAD_CHECK_DIGIT'),
    );
  });

  it.each([
    ['lower case', '+a99912345', 'hibcc'],
    ['a character outside Code 39', '+A999_12345', 'hibcc'],
    ['a LIC with a symbol in it', symbol('+A-9912345'), 'hibcc.lic'],
    ['a unit of measure that is a letter', symbol('+A9991234X'), 'hibcc.unitOfMeasure'],
    ['a lot with a dot', symbol('+A99912345/$LOT.1'), 'hibcc.lot'],
    ['a quantity with a letter', symbol('+A99912345/$$82X3260928'), 'hibcc.quantity'],
  ])('SCAN_BAD_CHARSET for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_BAD_CHARSET', field));
  });

  it.each([
    ['a LIC of 3 characters', symbol('+A99'), 'hibcc.lic'],
    ['no product number', symbol('+A9995'), 'hibcc.product'],
    ['a product number of 19', symbol('+A99912345678901234567890'), 'hibcc.product'],
    ['a lot of 19', symbol('+A99912345/$1234567890123456789'), 'hibcc.lot'],
    ['a julian-form lot of 14', symbol('+A99912345/2627112345678901234'), 'hibcc.lot'],
    ['a cut-short quantity', symbol('+A99912345/$$81'), 'hibcc.quantity'],
    ['a cut-short date', symbol('+A99912345/$$32609'), 'hibcc.expiry'],
    ['a symbol of only "+" and check', '++', 'hibcc'],
  ])('SCAN_BAD_LENGTH for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_BAD_LENGTH', field));
  });

  it.each([
    ['month 13 in MMYY', '$$1326LOT'],
    ['31 September', '$$3260931LOT'],
    ['day 366 of a common year', '$$526366LOT'],
    ['day 000', '$$526000LOT'],
    ['hour 24', '$$426092824LOT'],
    ['an unknown date flag', '$$ALOT'],
    ['a /16D date of 30 February', '$LOT/16D20260230'],
  ])('SCAN_BAD_DATE for %s', (_case, secondary) => {
    expect(() => parse(symbol(`+A99912345/${secondary}`))).toThrow(rejection('SCAN_BAD_DATE'));
  });

  it('SCAN_PAIRING for an expiry or serial given twice with different values', () => {
    expect(() => parse(symbol('+A99912345/$$3260928LOT/14D20260929'))).toThrow(
      rejection('SCAN_PAIRING', 'hibcc.expiry'),
    );
    expect(() => parse(symbol('+A99912345/$$+3260928SN1/SSN2'))).toThrow(
      rejection('SCAN_PAIRING', 'hibcc.serial'),
    );
  });

  it('SCAN_TRAILING_DATA for an unknown supplemental field', () => {
    expect(() => parse(symbol('+A99912345/$LOT/Q12'))).toThrow(rejection('SCAN_TRAILING_DATA', 'hibcc'));
  });

  it('SCAN_UNKNOWN_FORMAT for secondary data that starts with neither $ nor a date', () => {
    expect(() => parse(symbol('+A99912345/%LOT'))).toThrow(rejection('SCAN_UNKNOWN_FORMAT', 'hibcc'));
  });
});
