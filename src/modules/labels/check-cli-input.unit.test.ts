import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { checkCliInput } from './check-cli-input.ts';
import { LotSheetInput } from './label-schemas.ts';

const Sheet = Type.Omit(LotSheetInput, ['deviceId']);

describe('checkCliInput', () => {
  it('given valid options, then they come back without the ones not given', () => {
    expect(checkCliInput(Sheet, { lot: 'L1', expiry: '2028-06-30', level: undefined })).toEqual({ lot: 'L1', expiry: '2028-06-30' });
  });

  it.each([
    [{ lot: 'L1', expiry: '2028-02-30' }, 'expiry'],
    [{ lot: 'L1', expiry: '2028-06-30', copies: Number('two') }, 'copies'],
    [{ lot: 'L1', expiry: '2028-06-30', serials: ['S1', 'S'.repeat(21)] }, 'serials.1'],
    [{ expiry: '2028-06-30' }, 'lot'],
  ])('given %o, then VALIDATION_FAILED names %s', (options, field) => {
    expect(() => checkCliInput(Sheet, options)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });
});
