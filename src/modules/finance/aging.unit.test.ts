import { describe, expect, it } from 'vitest';
import { addDays, ageReceivables, bucketOf, daysBetween } from './aging.ts';

describe('aging buckets', () => {
  it('counts days between dates across months and years', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-01-31')).toBe(-29);
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
  });

  it('puts each age in its bucket at the edges', () => {
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(bucketOf)).toEqual(
      ['current', 'current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '90+', '90+']);
  });

  it('given open invoices and a credit, sums buckets, overdue and the oldest days overdue', () => {
    const today = '2026-06-30';
    const aging = ageReceivables([
      { openMinor: 1000, dueDate: '2026-07-15' }, // not due
      { openMinor: 2000, dueDate: '2026-06-20' }, // 10 days
      { openMinor: 3000, dueDate: '2026-04-30' }, // 61 days
      { openMinor: 4000, dueDate: '2026-01-01' }, // 180 days
      { openMinor: -500, dueDate: '2026-01-01' }, // a credit note: never overdue
      { openMinor: 0, dueDate: '2025-01-01' }, // paid
    ], today);
    expect(aging.buckets).toEqual({ current: 500, '1-30': 2000, '31-60': 0, '61-90': 3000, '90+': 4000 });
    expect(aging.openMinor).toBe(9500);
    expect(aging.overdueMinor).toBe(9000);
    expect(aging.maxOverdueDays).toBe(180);
  });

  it('given nothing overdue, maxOverdueDays is 0', () => {
    expect(ageReceivables([{ openMinor: 100, dueDate: '2026-06-30' }], '2026-06-30').maxOverdueDays).toBe(0);
    expect(ageReceivables([], '2026-06-30').openMinor).toBe(0);
  });
});
