import { describe, expect, it } from 'vitest';
import {
  MINIMAL_ORDERS,
  TEST_OPTIONS,
  between,
  edifactInterchange,
  edifactSegments,
} from '../test-support.ts';
import { parseEdifact } from './parse-edifact.ts';

const contrlOf = (text: string): string => parseEdifact(text, TEST_OPTIONS).ack;

describe('the CONTRL acknowledgement', () => {
  it('is an interchange of its own: sender and recipient swapped, the caller’s reference, UCI then a UCM per message', () => {
    expect(contrlOf(edifactInterchange([MINIMAL_ORDERS, MINIMAL_ORDERS]))).toBe(
      [
        "UNA:+.? '",
        "UNB+UNOC:3+LOTLINE:ZZZ+PARTNER:ZZZ+240115:1000+9001'",
        "UNH+1+CONTRL:D:3:UN'",
        "UCI+IC42+PARTNER:ZZZ+LOTLINE:ZZZ+7'",
        "UCM+M1+ORDERS:D:96A:UN:EAN008+7'",
        "UCM+M2+ORDERS:D:96A:UN:EAN008+7'",
        "UNT+5+1'",
        "UNZ+1+9001'",
        '',
      ].join('\n'),
    );
  });

  it('rejects the whole interchange in the UCI, with no UCM', () => {
    const text = edifactInterchange([MINIMAL_ORDERS]).replace("UNZ+1+IC42'", "UNZ+1+IC41'");
    expect(between(edifactSegments(contrlOf(text)), 'UNH', 'UNT')).toEqual([
      'UCI+IC42+PARTNER:ZZZ+LOTLINE:ZZZ+4+28+UNZ+2',
    ]);
  });

  it('rejects one message with its UCS and UCD, and acknowledges the other', () => {
    const bad = MINIMAL_ORDERS.map((s) => s.replace('QTY+21:5:PCE', 'QTY+21:FIVE:PCE'));
    const text = edifactInterchange([bad, MINIMAL_ORDERS]);
    expect(between(edifactSegments(contrlOf(text)), 'UNH', 'UNT')).toEqual([
      'UCI+IC42+PARTNER:ZZZ+LOTLINE:ZZZ+7',
      'UCM+M1+ORDERS:D:96A:UN:EAN008+4',
      'UCS+6',
      'UCD+37+1:2',
      'UCM+M2+ORDERS:D:96A:UN:EAN008+7',
    ]);
    expect(parseEdifact(text, TEST_OPTIONS).outcome).toBe('partially_rejected');
  });

  it('points a message envelope fault at the segment and element', () => {
    const text = edifactInterchange([MINIMAL_ORDERS]).replace('ORDERS:D:96A:UN:EAN008', 'INVOIC:D:96A:UN');
    expect(edifactSegments(contrlOf(text))).toContain('UCM+M1+INVOIC:D:96A:UN+4+14+UNH+2:1');
  });

  it('escapes what it echoes, and answers syntax 4 in syntax 4: repetition separator, CCYYMMDD date', () => {
    const text = edifactInterchange([MINIMAL_ORDERS]).replace('UNOC:3+PARTNER:ZZZ', 'UNOC:4+PART?+N*ER:ZZZ');
    const segments = edifactSegments(contrlOf(text));
    expect(segments.slice(0, 2)).toEqual([
      'UNA:+.?*',
      'UNB+UNOC:4+LOTLINE:ZZZ+PART?+N?*ER:ZZZ+20240115:1000+9001',
    ]);
    expect(segments[3]).toBe('UCI+IC42+PART?+N?*ER:ZZZ+LOTLINE:ZZZ+7');
  });

  it('mirrors the test indicator (UNB 0035)', () => {
    const text = edifactInterchange([MINIMAL_ORDERS]).replace("+IC42'", "+IC42++++++1'");
    expect(edifactSegments(contrlOf(text))[1]).toBe(
      'UNB+UNOC:3+LOTLINE:ZZZ+PARTNER:ZZZ+240115:1000+9001++++++1',
    );
  });
});
