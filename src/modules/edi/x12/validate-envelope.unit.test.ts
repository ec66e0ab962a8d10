import { describe, expect, it } from 'vitest';
import { MINIMAL_850, x12Interchange } from '../test-support.ts';
import { tokenizeX12 } from './tokenize-x12.ts';
import { validateX12Envelope } from './validate-envelope.ts';

const validate = (text: string): ReturnType<typeof validateX12Envelope> =>
  validateX12Envelope(tokenizeX12(text));
const codes = (findings: Array<{ code: string }>): string[] => findings.map((f) => f.code);

describe('validateX12Envelope', () => {
  it('reads groups and sets with their control numbers', () => {
    const envelope = validate(x12Interchange([MINIMAL_850, MINIMAL_850]));
    expect(envelope.findings).toEqual([]);
    expect(envelope.groups).toHaveLength(1);
    const [group] = envelope.groups;
    expect(group).toMatchObject({
      functionalId: 'PO',
      controlNumber: '42',
      version: '004010',
      declaredSetCount: '2',
      findings: [],
    });
    expect(
      group?.sets.map((s) => [s.transactionSetId, s.controlNumber, s.segments.length, s.findings]),
    ).toEqual([
      ['850', '0001', 6, []],
      ['850', '0002', 6, []],
    ]);
  });

  it('reports every interchange trailer fault, the TA1 taking the first', () => {
    const text = x12Interchange([MINIMAL_850]).replace('IEA*1*000000042', 'IEA*3*000000043');
    expect(codes(validate(text).findings)).toEqual(['001', '021']);
  });

  it('refuses an interchange without IEA (023) or with a set outside any group (024)', () => {
    const withoutIea = x12Interchange([MINIMAL_850]).replace('IEA*1*000000042~\n', '');
    expect(codes(validate(withoutIea).findings)).toEqual(['023']);
    const loose = x12Interchange([MINIMAL_850]).replace(/GS\*[^~]*~\n/, '');
    expect(codes(validate(loose).findings)).toEqual(['024']);
  });

  it('finds a group without GE (3) and a set without SE (2)', () => {
    const text = x12Interchange([MINIMAL_850]).replace('SE*6*0001~\n', '').replace('GE*1*42~\n', '');
    const [group] = validate(text).groups;
    expect(codes(group?.findings ?? [])).toEqual(['3']);
    expect(codes(group?.sets[0]?.findings ?? [])).toEqual(['2']);
  });

  it('refuses a group version other than 004010/005010 (2)', () => {
    const text = x12Interchange([MINIMAL_850]).replace('*X*004010~', '*X*003040~');
    expect(codes(validate(text).groups[0]?.findings ?? [])).toEqual(['2']);
  });

  it('checks the set header: identifier (6), control number (7), repeated control number (23)', () => {
    const text = x12Interchange([MINIMAL_850, MINIMAL_850, MINIMAL_850])
      .replace('ST*850*0001~', 'ST*85O*0001~')
      .replace('ST*850*0002~', 'ST*850*1~')
      .replace('SE*6*0002~', 'SE*6*1~')
      .replace('ST*850*0003~', 'ST*850*1~')
      .replace('SE*6*0003~', 'SE*6*1~');
    const sets = validate(text).groups[0]?.sets ?? [];
    expect(sets.map((s) => codes(s.findings))).toEqual([['6'], ['7'], ['7', '23']]);
  });

  it('throws when a second interchange follows the IEA', () => {
    const text = x12Interchange([MINIMAL_850]);
    expect(() => validate(text + text)).toThrow(
      expect.objectContaining({ code: 'EDI_ENVELOPE_INVALID', field: 'IEA' }),
    );
  });
});
