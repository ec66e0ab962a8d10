import { describe, expect, it } from 'vitest';
import { localToday } from './business-day.ts';

describe('localToday', () => {
  it('given 20:00 UTC, when asked for Shanghai and then UTC (each twice), then each zone keeps its own day', () => {
    const at = new Date('2026-01-01T20:00:00Z');
    expect([localToday(at, 'Asia/Shanghai'), localToday(at, 'UTC'), localToday(at, 'Asia/Shanghai'), localToday(at, 'UTC')])
      .toEqual(['2026-01-02', '2026-01-01', '2026-01-02', '2026-01-01']);
  });

  it('given an unknown time zone, when asked, then it is refused every time', () => {
    expect(() => localToday(new Date(), 'Nowhere/Atlantis')).toThrow(RangeError);
    expect(() => localToday(new Date(), 'Nowhere/Atlantis')).toThrow(RangeError);
  });
});
