import { describe, expect, it } from 'vitest';
import { hasValidGs1CheckDigit } from '../udi/check-digit.ts';
import { parseScan } from '../udi/parse-scan.ts';
import { buildSscc, companyPrefix, DEFAULT_COMPANY_PREFIX, isValidSscc } from './sscc.ts';

describe('SSCC', () => {
  it('given the GS1 example (extension 1, prefix 0614141, reference 123456789), then it is 106141411234567897', () => {
    expect(buildSscc(1, '0614141', 123456789)).toBe('106141411234567897');
  });
  it('pads the serial reference so any prefix length makes 18 digits with a valid check digit, which the UDI parser accepts', () => {
    for (const prefix of ['690123', '6901234', '690123456789']) {
      const sscc = buildSscc(0, prefix, 42);
      expect(sscc).toHaveLength(18);
      expect(hasValidGs1CheckDigit(sscc)).toBe(true);
      expect(parseScan(`00${sscc}`)).toMatchObject({ sscc });
    }
  });
  it('refuses a serial reference too long for the prefix, a bad extension or a bad prefix', () => {
    expect(() => buildSscc(0, '690123456789', 10_000)).toThrow(RangeError);
    expect(() => buildSscc(10, '6901234', 1)).toThrow(RangeError);
    expect(() => buildSscc(0, '69AB', 1)).toThrow(RangeError);
  });
  it('validates SSCCs', () => {
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(isValidSscc('106141411234567898')).toBe(false);
    expect(isValidSscc('30614141123456789')).toBe(false);
  });
  it('reads the company prefix from LOTLINE_GS1_COMPANY_PREFIX, defaulting to the documented one', () => {
    expect(companyPrefix({})).toBe(DEFAULT_COMPANY_PREFIX);
    expect(companyPrefix({ LOTLINE_GS1_COMPANY_PREFIX: '0614141' })).toBe('0614141');
    expect(() => companyPrefix({ LOTLINE_GS1_COMPANY_PREFIX: '12' })).toThrow(/6–12 digits/);
  });
});
