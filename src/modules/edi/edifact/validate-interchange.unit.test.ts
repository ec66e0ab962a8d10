import { describe, expect, it } from 'vitest';
import { MINIMAL_ORDERS, edifactInterchange } from '../test-support.ts';
import { tokenizeEdifact } from './tokenize-edifact.ts';
import { validateEdifactEnvelope } from './validate-interchange.ts';

const validate = (text: string): ReturnType<typeof validateEdifactEnvelope> =>
  validateEdifactEnvelope(tokenizeEdifact(text));
/** code@TAG element:component, as the UCI / UCM will carry it. */
const pointers = (
  findings: Array<{ code: string; tag: string; element?: number; component?: number }>,
): string[] =>
  findings.map(
    (f) => `${f.code}@${f.tag}${f.element ? ` ${f.element}${f.component ? `:${f.component}` : ''}` : ''}`,
  );

describe('validateEdifactEnvelope', () => {
  it('reads the UNB and the messages', () => {
    const envelope = validate(edifactInterchange([MINIMAL_ORDERS, MINIMAL_ORDERS]));
    expect(envelope).toMatchObject({
      syntax: { identifier: 'UNOC', version: '3' },
      sender: { qualifier: 'ZZZ', id: 'PARTNER' },
      recipient: { qualifier: 'ZZZ', id: 'LOTLINE' },
      controlReference: 'IC42',
      test: false,
      findings: [],
    });
    expect(envelope.messages.map((m) => [m.reference, m.identifier, m.segments.length, m.findings])).toEqual([
      ['M1', ['ORDERS', 'D', '96A', 'UN', 'EAN008'], 9, []],
      ['M2', ['ORDERS', 'D', '96A', 'UN', 'EAN008'], 9, []],
    ]);
  });

  it('reads the test indicator (UNB 0035)', () => {
    const text = edifactInterchange([MINIMAL_ORDERS]).replace("+IC42'", "+IC42++++++1'");
    expect(validate(text).test).toBe(true);
  });

  it.each([
    ['+UNOC:3+', '+UNOX:9+', ['2@UNB 1']],
    ['+240110:0800+', '+240132:0800+', ['12@UNB 4:1']],
    ['+240110:0800+', '+20240110:2500+', ['12@UNB 4:2']],
    ["UNZ+1+IC42'\n", '', ['13@UNZ']],
    ["UNZ+1+IC42'", "UNZ+1+IC43'", ['28@UNZ 2']],
    ["UNZ+1+IC42'", "UNZ+01+IC43'", ['28@UNZ 2']],
    ["UNZ+1+IC42'", "UNZ+3+IC42'", ['29@UNZ 1']],
    ['UNH+M1+', "UNG+ORDERS+PARTNER+LOTLINE+240110:0800+1+UN+D:96A'\nUNH+M1+", ['15@UNG']],
    ["UNZ+1+IC42'", "FTX+AAI+++STRAY'\nUNZ+1+IC42'", ['33@FTX']],
  ])('refuses the interchange when %j becomes %j: %j', (from, to, expected) => {
    expect(pointers(validate(edifactInterchange([MINIMAL_ORDERS]).replace(from, to)).findings)).toEqual(
      expected,
    );
  });

  it.each([
    ["UNT+9+M1'", "UNT+9+M2'", ['28@UNT 2']],
    ["UNT+9+M1'", "UNT+8+M1'", ['29@UNT 1']],
    ["UNT+9+M1'\n", '', ['13@UNT']],
    ['ORDERS:D:96A:UN:EAN008', 'INVOIC:D:96A:UN', ['14@UNH 2:1']],
    ['ORDERS:D:96A:UN:EAN008', 'ORDERS:S:93A:UN', ['14@UNH 2:2']],
    ['ORDERS:D:96A:UN:EAN008', 'ORDERS:D:95B:UN', ['14@UNH 2:3']],
    ['ORDERS:D:96A:UN:EAN008', 'ORDERS:D:96A:EN', ['14@UNH 2:4']],
    ['UNH+M1+', 'UNH++', ['13@UNH 1', '28@UNT 2']],
  ])('refuses the message when %j becomes %j: %j', (from, to, expected) => {
    const [message] = validate(edifactInterchange([MINIMAL_ORDERS]).replace(from, to)).messages;
    expect(pointers(message?.findings ?? [])).toEqual(expected);
  });

  it('takes every directory from D.96A on', () => {
    for (const release of ['96A', '99B', '01B', '21A']) {
      const text = edifactInterchange([MINIMAL_ORDERS]).replace('ORDERS:D:96A', `ORDERS:D:${release}`);
      expect(validate(text).messages[0]?.findings).toEqual([]);
    }
  });

  it('finds a message reference used twice (26)', () => {
    const text = edifactInterchange([MINIMAL_ORDERS, MINIMAL_ORDERS]).replaceAll('+M2', '+M1');
    expect(validate(text).messages.map((m) => pointers(m.findings))).toEqual([[], ['26@UNH 1']]);
  });

  it.each([
    ["UNH+1+ORDERS:D:96A:UN'", 'no UNB'],
    ["UNB+UNOC:3+A:ZZZ+B:ZZZ+240110:0800'UNZ+0+'", 'no control reference'],
    ["UNB+UNOC:3++B:ZZZ+240110:0800+1'UNZ+0+1'", 'no sender'],
    ["UNB+UNOC:3+A+B+240110:0800+1'UNZ+0+1'UNB+UNOC:3+A+B+240110:0800+2'", 'a second interchange'],
  ])('throws EDI_ENVELOPE_INVALID for %j (%s)', (text) => {
    expect(() => validate(text)).toThrow(expect.objectContaining({ code: 'EDI_ENVELOPE_INVALID' }));
  });
});
