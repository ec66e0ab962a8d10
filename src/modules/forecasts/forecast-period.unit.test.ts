import { describe, expect, it } from 'vitest';
import { boundOf, isoWeeksInYear, overlaps, parsePeriod } from './forecast-period.ts';

describe('parsePeriod', () => {
  it('given a month, then its first and last day (leap February included)', () => {
    expect(parsePeriod('2026-05')).toEqual({ period: '2026-05', kind: 'month', start: '2026-05-01', end: '2026-05-31' });
    expect(parsePeriod('2028-02')).toMatchObject({ start: '2028-02-01', end: '2028-02-29' });
    expect(parsePeriod('2026-12')).toMatchObject({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('given an ISO week, then Monday to Sunday; week 1 may start in the year before', () => {
    expect(parsePeriod('2026-W01')).toEqual({ period: '2026-W01', kind: 'week', start: '2025-12-29', end: '2026-01-04' });
    expect(parsePeriod('2026-W10')).toMatchObject({ start: '2026-03-02', end: '2026-03-08' });
    expect(parsePeriod('2020-W53')).toMatchObject({ start: '2020-12-28', end: '2021-01-03' });
  });

  it('given a month or week that does not exist, then null', () => {
    for (const bad of ['2026-13', '2026-00', '2026-W00', '2025-W53', '2027-W53', '2026-W54', '2026-5', '26-05', '2026-W1', '2026-05-01', 'May']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('knows which years have 53 ISO weeks', () => {
    // 53 when the year starts on a Thursday (2015, 2026), or on a Wednesday in a leap year (2020).
    expect([2015, 2020, 2025, 2026, 2027, 2028].map(isoWeeksInYear)).toEqual([53, 53, 52, 53, 52, 52]);
    expect(parsePeriod('2026-W53')).toMatchObject({ start: '2026-12-28', end: '2027-01-03' });
  });
});

describe('boundOf', () => {
  it('given a day, then that day; a period, then its first day as from and its last as to', () => {
    expect(boundOf('2026-03-15', 'from')).toBe('2026-03-15');
    expect(boundOf('2026-03', 'from')).toBe('2026-03-01');
    expect(boundOf('2026-03', 'to')).toBe('2026-03-31');
    expect(boundOf('2026-W10', 'to')).toBe('2026-03-08');
  });

  it('given an impossible day or no period, then null', () => {
    expect(boundOf('2026-02-30', 'from')).toBeNull();
    expect(boundOf('2026-02-32', 'to')).toBeNull();
    expect(boundOf('soon', 'to')).toBeNull();
  });
});

describe('overlaps', () => {
  it('counts shared first and last days', () => {
    const march = parsePeriod('2026-03')!;
    expect(overlaps(march, parsePeriod('2026-W10')!)).toBe(true);
    expect(overlaps(march, parsePeriod('2026-W14')!)).toBe(true); // 30 March – 5 April
    expect(overlaps(march, parsePeriod('2026-W15')!)).toBe(false);
  });
});
