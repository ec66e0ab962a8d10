import { describe, expect, it } from 'vitest';
import { dailyAt } from './scheduler.ts';

describe('dailyAt', () => {
  it('is the next local wall-clock time in the zone', () => {
    const fiveAfterMidnight = dailyAt(0, 5, 'Asia/Shanghai');
    // 12:00 in Shanghai → 00:05 the next day, Shanghai time (16:05 UTC).
    expect(fiveAfterMidnight(new Date('2026-11-26T04:00:00Z')).toISOString()).toBe('2026-11-26T16:05:00.000Z');
    // 00:04 in Shanghai → one minute later, the same day.
    expect(fiveAfterMidnight(new Date('2026-11-26T16:04:00Z')).toISOString()).toBe('2026-11-26T16:05:00.000Z');
    expect(fiveAfterMidnight(new Date('2026-11-26T16:05:00Z')).toISOString()).toBe('2026-11-27T16:05:00.000Z');
  });
});
