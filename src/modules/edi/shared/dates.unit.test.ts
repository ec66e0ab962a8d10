import { describe, expect, it } from 'vitest';
import { ccyymmddFromIso, envelopeStamp, isValidHhmm, isValidYymmdd, isoFromCcyymmdd } from './dates.ts';

describe('EDI dates', () => {
  it('reads CCYYMMDD into YYYY-MM-DD', () => {
    expect(isoFromCcyymmdd('20240131')).toBe('2024-01-31');
    expect(isoFromCcyymmdd('20240229')).toBe('2024-02-29');
  });

  it.each(['20240231', '20230229', '20241301', '20240100', '2024013', '2024-1-1', ''])(
    'refuses %j',
    (value) => {
      expect(isoFromCcyymmdd(value)).toBeNull();
    },
  );

  it('writes YYYY-MM-DD as CCYYMMDD, and refuses anything else', () => {
    expect(ccyymmddFromIso('2024-02-29')).toBe('20240229');
    expect(ccyymmddFromIso('2023-02-29')).toBeNull();
    expect(ccyymmddFromIso('20240229')).toBeNull();
  });

  it('checks the envelope date and time forms', () => {
    expect(isValidYymmdd('240115')).toBe(true);
    expect(isValidYymmdd('240230')).toBe(false);
    expect(isValidHhmm('2359')).toBe(true);
    expect(isValidHhmm('2400')).toBe(false);
    expect(isValidHhmm('1260')).toBe(false);
  });

  it('stamps envelopes in UTC', () => {
    expect(envelopeStamp(new Date('2024-03-01T23:05:00-05:00'))).toEqual({
      ccyymmdd: '20240302',
      yymmdd: '240302',
      hhmm: '0405',
    });
  });
});
