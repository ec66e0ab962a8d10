import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  gs1DateToIso,
  isoToYymmdd,
  parseIsoDate,
  yearFromTwoDigits,
  yyyymmddToIso,
} from './gs1-dates.ts';

const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

describe('yearFromTwoDigits (GS1 sliding window)', () => {
  it.each([
    ['2025-06-15', 25, 2025],
    ['2025-06-15', 75, 2075], // 50 ahead: still this century
    ['2025-06-15', 76, 1976], // 51 ahead: previous century
    ['2025-06-15', 0, 2000],
    ['2025-06-15', 99, 1999],
    ['2060-01-01', 10, 2110], // 50 behind: next century
    ['2060-01-01', 11, 2011], // 49 behind: this century
    ['2099-12-31', 49, 2149],
    ['2099-12-31', 50, 2050],
    ['2000-01-01', 50, 2050],
    ['2000-01-01', 51, 1951],
  ])('at %s, YY %i is %i', (now, yy, year) => {
    expect(yearFromTwoDigits(yy, at(now))).toBe(year);
  });
});

describe('gs1DateToIso', () => {
  const now = at('2025-06-15');

  it.each([
    ['261231', 'month-end', '2026-12-31'],
    ['160128', 'invalid', '2016-01-28'],
    ['260200', 'month-end', '2026-02-28'], // day 00: the month's last day
    ['240200', 'month-end', '2024-02-29'], // … in a leap year too
    ['000229', 'invalid', '2000-02-29'], // 2000 is a leap year
    ['761231', 'invalid', '1976-12-31'],
  ] as const)('reads %s (day 00: %s) as %s', (yymmdd, dayZero, iso) => {
    expect(gs1DateToIso(yymmdd, now, dayZero)).toBe(iso);
  });

  it.each([
    ['260200', 'day 00 where the AI does not allow it'],
    ['261301', 'month 13'],
    ['260001', 'month 00'],
    ['260230', '30 February'],
    ['250229', '29 February of a common year'],
    ['260431', '31 April'],
    ['26123', 'five digits'],
    ['26123a', 'a letter'],
  ])('refuses %s (%s)', (yymmdd) => {
    expect(gs1DateToIso(yymmdd, now, 'invalid')).toBeUndefined();
  });
});

describe('calendar helpers', () => {
  it('knows the Gregorian leap years, including years below 100', () => {
    expect([2024, 2000, 1900, 2100, 4].map((year) => daysInMonth(year, 2))).toEqual([29, 29, 28, 28, 29]);
  });

  it('reads YYYYMMDD and refuses impossible dates', () => {
    expect(yyyymmddToIso('20111212')).toBe('2011-12-12');
    expect(yyyymmddToIso('20110229')).toBeUndefined();
    expect(yyyymmddToIso('2011121')).toBeUndefined();
  });

  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-2-28')).toBeUndefined();
  });

  it('writes YYMMDD only for years the window reads back', () => {
    expect(isoToYymmdd('2026-12-31', at('2025-06-15'))).toBe('261231');
    expect(isoToYymmdd('1976-01-01', at('2025-06-15'))).toBe('760101');
    expect(isoToYymmdd('2076-01-01', at('2025-06-15'))).toBeUndefined();
    expect(isoToYymmdd('2026-02-30', at('2025-06-15'))).toBeUndefined();
  });
});
