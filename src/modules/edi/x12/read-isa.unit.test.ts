import { describe, expect, it } from 'vitest';
import { readIsa } from './read-isa.ts';
import { tokenizeX12 } from './tokenize-x12.ts';

/** ISA elements 1–16 of a valid 004010 ISA; each test breaks one. */
const VALID = [
  '00',
  ' '.repeat(10),
  '00',
  ' '.repeat(10),
  'ZZ',
  'PARTNER'.padEnd(15),
  'ZZ',
  'LOTLINE'.padEnd(15),
  '240110',
  '0800',
  'U',
  '00401',
  '000000042',
  '0',
  'P',
  '>',
];

function isaWith(changes: Record<number, string>, terminator = '~'): ReturnType<typeof readIsa> {
  const elements = VALID.map((value, i) => changes[i + 1] ?? value);
  return readIsa(tokenizeX12(`ISA*${elements.join('*')}${terminator}IEA*0*000000042~`));
}

describe('readIsa', () => {
  it('reads a valid ISA with ids trimmed of their padding', () => {
    const { header, finding } = isaWith({ 14: '1', 15: 'T' });
    expect(finding).toBeNull();
    expect(header).toEqual({
      sender: { qualifier: 'ZZ', id: 'PARTNER' },
      receiver: { qualifier: 'ZZ', id: 'LOTLINE' },
      date: '240110',
      time: '0800',
      controlNumber: '000000042',
      version: '00401',
      ackRequested: true,
      test: true,
    });
  });

  it('accepts 005010 with a repetition separator in ISA11', () => {
    expect(isaWith({ 11: '^', 12: '00501' })).toMatchObject({ header: { version: '00501' }, finding: null });
  });

  it.each([
    [{ 1: '09' }, '010'],
    [{ 2: 'SHORT' }, '011'],
    [{ 3: '02' }, '012'],
    [{ 4: ' '.repeat(11) }, '013'],
    [{ 5: 'XX' }, '005'],
    [{ 6: 'PARTNER'.padEnd(14) }, '006'],
    [{ 6: ' '.repeat(15) }, '006'],
    [{ 7: 'X' }, '007'],
    [{ 8: 'LOTLINE'.padEnd(16) }, '008'],
    [{ 9: '240230' }, '014'],
    [{ 10: '2460' }, '015'],
    [{ 11: '^' }, '016'],
    [{ 11: 'U', 12: '00501' }, '016'],
    [{ 12: '0401' }, '017'],
    [{ 12: '00305' }, '003'],
    [{ 13: '42' }, '018'],
    [{ 14: '2' }, '019'],
    [{ 15: 'X' }, '020'],
    [{ 16: 'A' }, '027'],
  ] as const)('refuses %j with TA1 note %s', (changes, code) => {
    expect(isaWith(changes).finding?.code).toBe(code);
  });

  it('says how long a wrong-length ISA is', () => {
    expect(isaWith({ 6: 'PARTNER'.padEnd(14) }).finding?.message).toBe(
      'ISA06 "PARTNER       " is 14 characters, not 15 (the ISA is 105 characters, not 106)',
    );
  });

  it('refuses a letter as the segment terminator (004)', () => {
    expect(isaWith({}, 'X').finding?.code).toBe('004');
  });
});
