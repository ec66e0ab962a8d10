import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { encodeHibcc } from '../udi/encode-hibcc.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { parseScan } from '../udi/parse-scan.ts';
import { hibccDi, udiDiOf, udiDiText } from './udi-di.ts';

function refusal(text: string): { code: string; field: string | undefined; message: string } {
  try {
    hibccDi(text, 'packaging.0.hibcc');
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('hibccDi: an HIBCC UDI-DI as a packaging level stores it', () => {
  it('accepts LIC + product number + unit-of-measure digit, from the shortest to the longest', () => {
    expect(hibccDi('A123CAT5501', 'f')).toBe('A123CAT5501');
    expect(hibccDi('H9ZZX0', 'f')).toBe('H9ZZX0');
    expect(hibccDi(`B000${'P'.repeat(18)}8`, 'f')).toHaveLength(23);
  });

  it.each([
    ['too short (no product number)', 'A1230', /6 to 23 characters, got 5/],
    ['too long (product number over 18)', `A123${'P'.repeat(19)}1`, /6 to 23 characters, got 24/],
    ['lower case', 'a123cat5501', /only A–Z and 0–9/],
    ['the "+" and check character of the printed symbol', '+A123CAT5501', /only A–Z and 0–9/],
    ['a LIC starting with a digit', '1123CAT5501', /labeler identification code/],
    ['no unit-of-measure digit at the end', 'A123CAT55X', /unit-of-measure digit, got "X"/],
    ['the variable-quantity unit 9', 'A123CAT5509', /unit of measure 9 is a variable quantity/],
  ])('refuses %s with VALIDATION_FAILED naming the field', (_what, text, why) => {
    const e = refusal(text);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', field: 'packaging.0.hibcc' });
    expect(e.message).toMatch(why);
  });
});

describe('udiDiOf / udiDiText: the catalogue key a scanned label names', () => {
  const now = new Date('2026-01-15T00:00:00Z');

  it('is the GTIN-14 of a GS1 label', () => {
    const scan = parseScan(encodeGs1({ gtin: '06901234567892', lot: 'L1' }).raw, { now });
    expect([udiDiOf(scan), udiDiText(scan)]).toEqual(['06901234567892', '06901234567892']);
  });

  it('is LIC + product + unit of measure of an HIBCC primary, alone or with its secondary data', () => {
    const { concatenated, primary, secondary } = encodeHibcc({ lic: 'A123', product: 'CAT55', unitOfMeasure: 1, lot: 'L77', expiry: '2027-03-31' }, { now });
    expect(udiDiOf(parseScan(concatenated, { now }))).toBe('A123CAT551');
    expect(udiDiOf(parseScan(primary, { now }))).toBe('A123CAT551');
    const alone = parseScan(secondary!, { now });
    expect([udiDiOf(alone), udiDiText(alone)]).toEqual([undefined, 'HIBCC —']);
    expect(udiDiText(parseScan(concatenated, { now }))).toBe('HIBCC A123CAT551');
  });

  it('is absent from an SSCC-only logistic label', () => {
    const scan = parseScan('(00)106141411234567897', { now });
    expect([udiDiOf(scan), udiDiText(scan)]).toEqual([undefined, 'SSCC/—']);
  });
});
