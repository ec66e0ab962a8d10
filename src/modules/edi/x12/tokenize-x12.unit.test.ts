import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-support.ts';
import { tokenizeX12 } from './tokenize-x12.ts';

const ISA =
  'ISA*00*          *00*          *ZZ*PARTNER        *ZZ*LOTLINE        *240110*0800*U*00401*000000042*0*P*>~';

describe('tokenizeX12', () => {
  it('takes the delimiters from the ISA: element = 4th character, component = ISA16, terminator after it', () => {
    const tokens = tokenizeX12(`${ISA}GS*PO*A*B~IEA*1*000000042~`);
    expect(tokens.delimiters).toEqual({ element: '*', component: '>', segment: '~' });
    expect(tokens.isaLength).toBe(106);
    expect(tokens.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'IEA']);
    expect(tokens.segments[1]?.elements).toEqual(['PO', 'A', 'B']);
  });

  it('reads other delimiters the same way', () => {
    const tokens = tokenizeX12(readFixture('x12-4010-850-two-sets.edi'));
    expect(tokens.delimiters).toEqual({ element: '|', component: '^', segment: '~' });
    expect(tokens.segments[3]?.elements).toEqual(['00', 'SA', 'RC-1001', '', '20240118']);
  });

  it('passes over line breaks after the terminator, and keeps offsets into the text', () => {
    const text = `${ISA}\r\nGS*PO~\nIEA*1*000000042~\n`;
    const [, gs, iea] = tokenizeX12(text).segments;
    expect(gs).toMatchObject({ id: 'GS', index: 1, start: 108, end: 114 });
    expect(text.slice(iea?.start, iea?.end)).toBe('IEA*1*000000042~');
  });

  it('reads a last segment that lost its terminator', () => {
    expect(tokenizeX12(`${ISA}IEA*1*000000042`).segments.at(-1)?.elements).toEqual(['1', '000000042']);
  });

  it('measures a short ISA instead of guessing its delimiters', () => {
    expect(tokenizeX12(readFixture('x12-4010-broken-isa-length.edi')).isaLength).toBe(105);
  });

  it.each([
    ['ISAX00', 'a letter as element separator'],
    ['ISA*00*  *00~GS*PO~', 'fewer than 16 elements'],
    [ISA.slice(0, 104), 'the file ends inside the ISA'],
  ])('throws EDI_ENVELOPE_INVALID for %j (%s)', (text) => {
    expect(() => tokenizeX12(text)).toThrow(expect.objectContaining({ code: 'EDI_ENVELOPE_INVALID' }));
  });
});
