import { describe, expect, it } from 'vitest';
import { DEFAULT_SEPARATORS, tokenizeEdifact } from './tokenize-edifact.ts';

const tags = (text: string): string[] => tokenizeEdifact(text).segments.map((s) => s.tag);

describe('tokenizeEdifact', () => {
  it('uses the ISO 9735 default separators when there is no UNA', () => {
    const { separators, segments } = tokenizeEdifact("UNB+UNOA:3+A:ZZZ+B:ZZZ+240110:0800+1'UNZ+0+1'");
    expect(separators).toEqual(DEFAULT_SEPARATORS);
    expect(segments[0]).toEqual({
      tag: 'UNB',
      elements: [['UNOA', '3'], ['A', 'ZZZ'], ['B', 'ZZZ'], ['240110', '0800'], ['1']],
      index: 0,
      start: 0,
      end: 37,
    });
  });

  it('takes the separators the UNA announces', () => {
    const { separators, segments } = tokenizeEdifact('UNA|*,# !UNB*UNOC|3*A*B*240110|0800*1!NAD*BY*X#*Y|Z!');
    expect(separators).toEqual({
      component: '|',
      element: '*',
      decimal: ',',
      release: '#',
      repetition: ' ',
      segment: '!',
    });
    expect(segments[1]?.elements).toEqual([['BY'], ['X*Y', 'Z']]);
  });

  it('reads released separators as data', () => {
    const [, nad] = tokenizeEdifact("UNB+UNOC:3'NAD+BY+1::9++O?'NEILL ?+ SONS?: ??THE BEST'").segments;
    expect(nad?.elements[3]).toEqual(["O'NEILL + SONS: ?THE BEST"]);
  });

  it('has no release character when the UNA puts a space there', () => {
    expect(tokenizeEdifact("UNA:+.  'UNB+UNOC:3'FTX+AAI+++WHY?'").segments[1]?.elements[3]).toEqual(['WHY?']);
  });

  it('passes over line breaks between segments, offsets still pointing into the text', () => {
    const text = "UNA:+.? '\r\nUNB+UNOC:3'\n\nUNH+1+ORDERS:D:96A:UN'\nUNZ+1+1";
    const { segments } = tokenizeEdifact(text);
    expect(segments.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'UNZ']);
    expect(text.slice(segments[1]?.start, segments[1]?.end)).toBe("UNH+1+ORDERS:D:96A:UN'");
    expect(segments[2]?.elements).toEqual([['1'], ['1']]);
  });

  it('keeps empty elements and components in place', () => {
    expect(tokenizeEdifact("UNB+UNOC:3'LIN+1++4000862141404:EN'").segments[1]?.elements).toEqual([
      ['1'],
      [''],
      ['4000862141404', 'EN'],
    ]);
  });

  it.each([
    ['UNA:+', 'a UNA shorter than six characters'],
    ["UNA:+;? 'UNB", 'a decimal mark other than . or ,'],
    ["UNA::.? 'UNB", 'a separator used twice'],
    ["UNA:A.? 'UNB", 'a letter as separator'],
  ])('throws EDI_ENVELOPE_INVALID for %j (%s)', (text) => {
    expect(() => tags(text)).toThrow(expect.objectContaining({ code: 'EDI_ENVELOPE_INVALID', field: 'UNA' }));
  });

  it('throws EDI_SEGMENT_INVALID when the text ends with a release character', () => {
    expect(() => tags("UNB+UNOC:3'UNZ+1+ABC?")).toThrow(
      expect.objectContaining({ code: 'EDI_SEGMENT_INVALID' }),
    );
  });
});
