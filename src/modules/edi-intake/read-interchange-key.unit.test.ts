import { describe, expect, it } from 'vitest';
import { readFixture } from '../edi/test-support.ts';
import { readInterchangeKey } from './read-interchange-key.ts';

describe('readInterchangeKey', () => {
  it('given an X12 interchange, then ISA05/06, ISA07/08 and ISA13 with the padding trimmed', () => {
    expect(readInterchangeKey(readFixture('x12-4010-850-gtin-lines.edi'))).toEqual({
      standard: 'X12',
      sender: { qualifier: 'ZZ', id: 'MERCYGENERAL' },
      receiver: { qualifier: 'ZZ', id: 'LOTLINE' },
      controlNumber: '000000101',
      test: false,
    });
  });

  it('given an X12 interchange the parser rejects at the ISA, then its key is still read', () => {
    expect(readInterchangeKey(readFixture('x12-4010-broken-isa13-iea02.edi'))).toMatchObject({ standard: 'X12', controlNumber: expect.stringMatching(/^\d{9}$/) });
  });

  it('given an EDIFACT interchange with or without UNA, then UNB S002, S003 and 0020', () => {
    expect(readInterchangeKey(readFixture('edifact-d96a-orders-una.edi'))).toEqual({
      standard: 'EDIFACT',
      sender: { qualifier: '14', id: '4012345000009' },
      receiver: { qualifier: '14', id: '4098765000003' },
      controlNumber: 'KN000117',
      test: false,
    });
    expect(readInterchangeKey(readFixture('edifact-d96a-orders-no-una.edi')).standard).toBe('EDIFACT');
  });

  it('given a byte-order mark and blank lines before the header, then they are skipped', () => {
    expect(readInterchangeKey(`\uFEFF\n\n${readFixture('x12-5010-850.edi')}`).sender).toEqual({ qualifier: 'ZZ', id: 'STLUKESHEALTH' });
  });
});

describe('readInterchangeKey on what is no interchange', () => {
  it('given a CSV file, then EDI_UNKNOWN_STANDARD', () => {
    expect(() => readInterchangeKey(readFixture('not-edi.csv'))).toThrow(expect.objectContaining({ code: 'EDI_UNKNOWN_STANDARD' }));
  });

  it('given a UNB without a control reference, then EDI_ENVELOPE_INVALID', () => {
    expect(() => readInterchangeKey("UNB+UNOC:3+SENDER:ZZZ+LOTLINE:ZZZ+240115:0930'")).toThrow(
      expect.objectContaining({ code: 'EDI_ENVELOPE_INVALID', field: 'UNB' }),
    );
  });

  it('given ISA followed by a letter, then EDI_ENVELOPE_INVALID', () => {
    expect(() => readInterchangeKey('ISAX00')).toThrow(expect.objectContaining({ code: 'EDI_ENVELOPE_INVALID' }));
  });
});
