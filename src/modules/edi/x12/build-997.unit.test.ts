import { describe, expect, it } from 'vitest';
import { MINIMAL_850, TEST_OPTIONS, between, x12Interchange, x12Segments } from '../test-support.ts';
import { parseX12 } from './parse-x12.ts';

const ackOf = (text: string, options = TEST_OPTIONS): string => parseX12(text, options).ack;

describe('the 997 / 999 / TA1 acknowledgement', () => {
  it('is an interchange of its own: sender and receiver swapped, the caller’s control numbers, one FA group', () => {
    expect(ackOf(x12Interchange([MINIMAL_850]))).toBe(
      [
        'ISA*00*          *00*          *ZZ*LOTLINE        *ZZ*PARTNER        *240115*1000*U*00401*000009001*0*P*>~',
        'GS*FA*LOTLINE*PARTNER*20240115*1000*9001*X*004010~',
        'ST*997*0001~',
        'AK1*PO*42~',
        'AK2*850*0001~',
        'AK5*A~',
        'AK9*A*1*1*1~',
        'SE*6*0001~',
        'GE*1*9001~',
        'IEA*1*000009001~',
        '',
      ].join('\n'),
    );
  });

  it('writes an ISA of exactly 106 characters, whatever the ids', () => {
    for (const text of [x12Interchange([MINIMAL_850]), x12Interchange([MINIMAL_850], { version: '00501' })]) {
      expect(x12Segments(ackOf(text))[0]).toHaveLength(105); // + the terminator = 106
    }
  });

  it('adds an accepting TA1 when the ISA asks for one (ISA14 = 1)', () => {
    const segments = x12Segments(ackOf(x12Interchange([MINIMAL_850], { ackRequested: true })));
    expect(segments[1]).toBe('TA1*000000042*240110*0800*A*000');
    expect(segments[2]).toMatch(/^GS\*FA\*/);
  });

  it('answers a refused interchange with a TA1 alone', () => {
    const text = x12Interchange([MINIMAL_850]).replace('IEA*1*000000042', 'IEA*1*000000041');
    expect(x12Segments(ackOf(text)).slice(1)).toEqual(['TA1*000000042*240110*0800*R*001', 'IEA*0*000009001']);
  });

  it('still addresses the TA1 when the refused ISA carries an over-long sender id', () => {
    const text = x12Interchange([MINIMAL_850]).replace('*PARTNER        *', '*PARTNER-EXTENDED*');
    const segments = x12Segments(ackOf(text));
    expect(segments[0]).toContain('*ZZ*PARTNER-EXTENDE*');
    expect(segments[0]).toHaveLength(105);
    expect(segments[1]).toBe('TA1*000000042*240110*0800*R*006');
  });

  it('answers an interchange holding no group with an accepting TA1', () => {
    const text = x12Interchange([])
      .replace(/GS\*[^~]*~\nGE\*0\*42~\n/, '')
      .replace('IEA*1*', 'IEA*0*');
    expect(x12Segments(ackOf(text)).slice(1)).toEqual(['TA1*000000042*240110*0800*A*000', 'IEA*0*000009001']);
  });

  it('answers 005010 with a 999: IK3 / IK4 / IK5, AK1 with the version, GS08 005010X231', () => {
    const text = x12Interchange([['BEG*00*SA*PO-1**20240110', 'PO1*1*X*EA']], { version: '00501' });
    const segments = x12Segments(ackOf(text));
    expect(segments[0]).toContain('*^*00501*000009001*0*P*>');
    expect(segments[1]).toBe('GS*FA*LOTLINE*PARTNER*20240115*1000*9001*X*005010X231');
    expect(segments[2]).toBe('ST*999*0001*005010X231');
    expect(between(segments, 'ST', 'SE')).toEqual([
      'AK1*PO*42*005010',
      'AK2*850*0001',
      'IK3*PO1*3*PO1*8',
      'IK4*2*330*6*X',
      'IK5*R*5',
      'AK9*R*1*1*0',
    ]);
  });

  it('accepts with errors noted (E) a set whose only fault is an unrecognised segment', () => {
    const segments = x12Segments(ackOf(x12Interchange([['BEG*00*SA*PO-1**20240110', 'XYZ*1', 'PO1*1*1']])));
    expect(between(segments, 'ST', 'SE')).toEqual([
      'AK1*PO*42',
      'AK2*850*0001',
      'AK3*XYZ*3**1',
      'AK5*E*5',
      'AK9*E*1*1*1',
    ]);
  });

  it('leaves out the copy of a bad element (AK404) that holds one of its own delimiters', () => {
    const piped = x12Interchange([['BEG*00*SA*PO-1**20240110', 'PO1*1*10*EA']]).replaceAll('*', '|');
    const text = piped.replace('PO1|1|10|', 'PO1|1|1*0|'); // "1*0" is a bad quantity, and "*" is the ack's separator
    const segments = x12Segments(ackOf(text));
    expect(segments).toContain('AK4*2*330*6');
  });

  it('mirrors the test indicator', () => {
    const text = x12Interchange([MINIMAL_850]).replace('*0*P*>~', '*0*T*>~');
    expect(x12Segments(ackOf(text))[0]).toMatch(/\*0\*T\*>$/);
  });

  it('refuses an ack control number an ISA cannot carry', () => {
    for (const ackControlNumber of [0, '1234567890', 'ABC']) {
      expect(() => ackOf(x12Interchange([MINIMAL_850]), { ...TEST_OPTIONS, ackControlNumber })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });
});
