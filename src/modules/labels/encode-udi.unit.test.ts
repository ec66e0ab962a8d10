import { describe, expect, it } from 'vitest';
import { parseScan } from '../udi/parse-scan.ts';
import type { Gs1Scan } from '../udi/types.ts';
import { encodeUdi, type UdiFields } from './encode-udi.ts';
import { GTIN } from './label-test-fixtures.ts';

const now = new Date('2026-06-15T00:00:00Z');

describe('encodeUdi: what is printed is what is scanned', () => {
  const labels: UdiFields[] = [
    { gtin: GTIN.each },
    { gtin: GTIN.each, lot: 'L2026A', expiry: '2028-06-30' },
    { gtin: GTIN.each, lot: 'L2026A', expiry: '2028-06-30', productionDate: '2026-06-01', serial: 'SN000001' },
    { gtin: GTIN.box, serial: 'A-1/B_2', lot: "x%&'*+,-./:;<=>?_z" },
  ];

  it.each(labels)('given %o, then parsing the raw encoding gives the fields and the printed HRI', (fields) => {
    const { raw, hri, elements } = encodeUdi(fields, { now });
    const scan = parseScan(raw, { now }) as Gs1Scan;
    expect(scan).toMatchObject({ scheme: 'GS1', ...fields });
    expect(parseScan(hri, { now })).toEqual(scan);
    expect(elements.map((e) => `(${e.ai})${e.data}`).join('')).toBe(hri);
    expect(scan.ais).toEqual(Object.fromEntries(elements.map((e) => [e.ai, e.data])));
  });

  it('given parentheses in the data, then the raw encoding and the elements still carry them', () => {
    // The printed HRI is ambiguous then (GS1 allows it); the symbol is not.
    const fields = { gtin: GTIN.each, lot: 'L(21)1', serial: '(7)' };
    const { raw, elements } = encodeUdi(fields, { now });
    const scan = parseScan(raw, { now }) as Gs1Scan;
    expect(scan).toMatchObject(fields);
    expect(scan.ais).toEqual(Object.fromEntries(elements.map((e) => [e.ai, e.data])));
  });

  it('given a lot, dates and a serial, then fixed-length elements come first and only the lot ends in GS', () => {
    const { raw, hri } = encodeUdi({ gtin: GTIN.each, serial: 'SN1', lot: 'L1', expiry: '2028-06-30', productionDate: '2026-06-01' }, { now });
    expect(hri).toBe('(01)06901234567892(11)260601(17)280630(10)L1(21)SN1');
    expect(raw).toBe('0106901234567892112606011728063010L1\x1d21SN1');
  });

  it('given a GTIN-13 or GTIN-8, then it is carried as GTIN-14', () => {
    expect(encodeUdi({ gtin: '6901234567892' }, { now }).hri).toBe('(01)06901234567892');
    expect(encodeUdi({ gtin: '96385074' }, { now }).hri).toBe('(01)00000096385074');
  });
});

describe('encodeUdi: bad input is refused with the SCAN_* code and the input field', () => {
  const cases: Array<[string, UdiFields, string, string]> = [
    ['a wrong check digit', { gtin: '06901234567893' }, 'SCAN_BAD_CHECK_DIGIT', 'gtin'],
    ['a GTIN of 10 digits', { gtin: '0690123456' }, 'SCAN_BAD_LENGTH', 'gtin'],
    ['letters in the GTIN', { gtin: '0690123456789X' }, 'SCAN_BAD_CHARSET', 'gtin'],
    ['30 February', { gtin: GTIN.each, expiry: '2027-02-30' }, 'SCAN_BAD_DATE', 'expiry'],
    ['month 13', { gtin: GTIN.each, productionDate: '2026-13-01' }, 'SCAN_BAD_DATE', 'productionDate'],
    ['a date YYMMDD cannot carry', { gtin: GTIN.each, expiry: '1960-01-01' }, 'SCAN_BAD_DATE', 'expiry'],
    ['Chinese in the lot', { gtin: GTIN.each, lot: '批号1' }, 'SCAN_BAD_CHARSET', 'lot'],
    ['a space in the lot', { gtin: GTIN.each, lot: 'L 1' }, 'SCAN_BAD_CHARSET', 'lot'],
    ['a lot over 20 characters', { gtin: GTIN.each, lot: 'L'.repeat(21) }, 'SCAN_BAD_LENGTH', 'lot'],
    ['an empty serial', { gtin: GTIN.each, serial: '' }, 'SCAN_BAD_LENGTH', 'serial'],
  ];

  it.each(cases)('given %s, then %s on %s', (_what, fields, code, field) => {
    expect(() => encodeUdi(fields, { now })).toThrow(expect.objectContaining({ code, field }));
  });

  it('given a name for a field, then the error uses it', () => {
    expect(() => encodeUdi({ gtin: GTIN.each, serial: 'S N' }, { now, fieldNames: { serial: 'serials.3' } })).toThrow(
      expect.objectContaining({ code: 'SCAN_BAD_CHARSET', field: 'serials.3', message: expect.stringMatching(/^serials\.3: /) }),
    );
  });
});
