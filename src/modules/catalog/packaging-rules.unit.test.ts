import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { checkPackaging, gtin14 } from './packaging-rules.ts';
import type { PackagingInput } from './device-schemas.ts';

// Valid GTINs: 06901234567892 (GTIN-14 of the EAN-13 6901234567892), 16901234567899, 26901234567896.
const each: PackagingInput = { level: 'each', gtin: '6901234567892', quantity: 1 };
const box: PackagingInput = { level: 'box', gtin: '16901234567899', quantity: 10 };
const kase: PackagingInput = { level: 'case', gtin: '26901234567896', quantity: 100 };

function error(fn: () => unknown): { code: string; field?: string | undefined } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('no error thrown');
}

describe('GTIN normalisation', () => {
  it('turns GTIN-8/12/13 into GTIN-14 and keeps a GTIN-14', () => {
    expect(gtin14('6901234567892', 'g')).toBe('06901234567892');
    expect(gtin14('96385074', 'g')).toBe('00000096385074');
    expect(gtin14('036000291452', 'g')).toBe('00036000291452');
    expect(gtin14('16901234567899', 'g')).toBe('16901234567899');
  });

  it('refuses a wrong check digit or length with GTIN_INVALID naming the field', () => {
    expect(error(() => gtin14('6901234567893', 'packaging.0.gtin'))).toEqual({ code: 'GTIN_INVALID', field: 'packaging.0.gtin' });
    expect(error(() => gtin14('690123456789', 'gtin'))).toEqual({ code: 'GTIN_INVALID', field: 'gtin' });
  });
});

describe('packaging levels', () => {
  it('returns the levels smallest first with GTIN-14s', () => {
    expect(checkPackaging([kase, each, box])).toEqual([
      { level: 'each', gtin: '06901234567892', quantity: 1, hibcc: null },
      { level: 'box', gtin: '16901234567899', quantity: 10, hibcc: null },
      { level: 'case', gtin: '26901234567896', quantity: 100, hibcc: null },
    ]);
    expect(checkPackaging([])).toEqual([]);
  });

  it('keeps the HIBCC UDI-DI a level is given', () => {
    expect(checkPackaging([{ ...box, hibcc: 'A123CAT5501' }, { ...each, hibcc: 'A123CAT5500' }]).map((p) => p.hibcc)).toEqual(['A123CAT5500', 'A123CAT5501']);
  });

  it('refuses a malformed HIBCC UDI-DI, naming the level’s field', () => {
    expect(error(() => checkPackaging([each, { ...box, hibcc: '+A123CAT5501' }]))).toEqual({ code: 'VALIDATION_FAILED', field: 'packaging.1.hibcc' });
  });

  it('refuses one HIBCC UDI-DI on two levels: DUPLICATE', () => {
    expect(error(() => checkPackaging([{ ...each, hibcc: 'A123CAT5500' }, { ...box, hibcc: 'A123CAT5500' }]))).toEqual({ code: 'DUPLICATE', field: 'packaging.1.hibcc' });
  });

  it('refuses a bad check digit in a level', () => {
    expect(error(() => checkPackaging([each, { ...box, gtin: '16901234567890' }]))).toEqual({ code: 'GTIN_INVALID', field: 'packaging.1.gtin' });
  });

  it('refuses a level given twice', () => {
    expect(error(() => checkPackaging([box, { ...box, gtin: kase.gtin }]))).toEqual({ code: 'VALIDATION_FAILED', field: 'packaging.1.level' });
  });

  it('refuses one GTIN on two levels, also when written in two forms: GTIN_TAKEN', () => {
    expect(error(() => checkPackaging([each, { ...box, gtin: '06901234567892' }]))).toEqual({ code: 'GTIN_TAKEN', field: 'packaging.1.gtin' });
  });

  it('refuses an each level of more than one base unit', () => {
    expect(error(() => checkPackaging([{ ...each, quantity: 2 }]))).toEqual({ code: 'VALIDATION_FAILED', field: 'packaging.0.quantity' });
  });

  it('refuses a level that is not a whole number of the level below', () => {
    expect(error(() => checkPackaging([box, { ...kase, quantity: 105 }]))).toEqual({ code: 'VALIDATION_FAILED', field: 'packaging.1.quantity' });
    expect(error(() => checkPackaging([{ ...kase, quantity: 5 }, box]))).toEqual({ code: 'VALIDATION_FAILED', field: 'packaging.0.quantity' });
  });

  it('allows a level holding exactly one of the level below', () => {
    expect(checkPackaging([box, { ...kase, quantity: 10 }])).toHaveLength(2);
  });

  it('names the fields the way the caller asks', () => {
    expect(error(() => checkPackaging([{ ...each, quantity: 3 }], (_i, key) => key))).toEqual({ code: 'VALIDATION_FAILED', field: 'quantity' });
  });
});
