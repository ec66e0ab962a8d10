import { describe, expect, it } from 'vitest';
import { scheduleWorkOrders, type ScheduleJob } from './schedule-work-orders.ts';
import { capacityOn } from './work-centre-capacity.ts';

// 2026-11-30 is a Monday.
const start = '2026-11-30';
const weekdays = { workingWeekdays: [1, 2, 3, 4, 5], shifts: 1, minutesPerShift: 480, exceptions: new Map<string, number>() };
const flat = (minutes: number) => () => minutes;
const job = (id: string, dueDate: string, ops: Array<[string, number]>, priority = 3, status = 'released'): ScheduleJob =>
  ({ id, priority, dueDate, status, ops: ops.map(([workCentreId, minutes], i) => ({ seq: (i + 1) * 10, workCentreId, minutes })) });

describe('finite-capacity scheduling', () => {
  it('given more work than a day holds, then no centre gets more minutes a day than its capacity', () => {
    const jobs = Array.from({ length: 40 }, (_, i) => job(`W${i}`, '2026-12-31', [['CUT', 100 + (i % 7) * 37], ['PACK', 45 + (i % 3) * 20]]));
    const r = scheduleWorkOrders(jobs, { startDate: start, horizonDays: 60, capacityOn: (c, d) => capacityOn(c === 'CUT' ? weekdays : { ...weekdays, shifts: 2 }, d) });
    for (const l of r.load) expect(l.load).toBeLessThanOrEqual(l.capacity);
    const total = (c: string) => r.load.filter((l) => l.workCentreId === c).reduce((n, l) => n + l.load, 0);
    expect(total('CUT')).toBe(jobs.reduce((n, j) => n + j.ops[0]!.minutes, 0));
    expect(r.load.filter((l) => ['2026-12-05', '2026-12-06'].includes(l.date)).every((l) => l.capacity === 0 && l.load === 0)).toBe(true);
  });

  it('takes the earliest due date first within a priority, and a higher priority before both', () => {
    const r = scheduleWorkOrders([job('LATER', '2026-12-20', [['A', 480]]), job('SOONER', '2026-12-10', [['A', 480]]), job('URGENT', '2026-12-30', [['A', 480]], 1)],
      { startDate: start, horizonDays: 30, capacityOn: flat(480) });
    const startOf = Object.fromEntries(r.jobs.map((j) => [j.id, j.start!.date]));
    expect(startOf).toEqual({ URGENT: '2026-11-30', SOONER: '2026-12-01', LATER: '2026-12-02' });
  });

  it('starts an operation only after the previous one ended, and spans days when it must', () => {
    const r = scheduleWorkOrders([job('W', '2026-12-31', [['A', 600], ['B', 100]])], { startDate: start, horizonDays: 30, capacityOn: flat(480) });
    expect(r.jobs[0]!.ops).toEqual([
      { seq: 10, workCentreId: 'A', start: { date: '2026-11-30', minute: 0 }, end: { date: '2026-12-01', minute: 120 } },
      { seq: 20, workCentreId: 'B', start: { date: '2026-12-01', minute: 120 }, end: { date: '2026-12-01', minute: 220 } },
    ]);
  });

  it('skips holidays and weekends from the calendar', () => {
    const cal = { ...weekdays, exceptions: new Map([['2026-11-30', 0], ['2026-12-05', 240]]) };
    const r = scheduleWorkOrders([job('W', '2026-12-31', [['A', 480 * 4 + 200]])], { startDate: start, horizonDays: 30, capacityOn: (_c, d) => capacityOn(cal, d) });
    // Tue–Fri full, 200 minutes on the extra Saturday shift.
    expect([r.jobs[0]!.start, r.jobs[0]!.end]).toEqual([{ date: '2026-12-01', minute: 0 }, { date: '2026-12-05', minute: 200 }]);
  });

  it('reports the orders that finish after their due date, and those with no capacity in the horizon', () => {
    const r = scheduleWorkOrders([job('SECOND', '2026-11-30', [['A', 400]]), job('FIRST', '2026-11-30', [['A', 400]]), job('NEVER', '2026-12-31', [['NONE', 10]])],
      { startDate: start, horizonDays: 10, capacityOn: (c) => (c === 'A' ? 480 : 0) });
    expect(r.jobs.map((j) => [j.id, j.late, j.end?.date ?? null])).toEqual([['FIRST', false, '2026-11-30'], ['SECOND', true, '2026-12-01'], ['NEVER', true, null]]);
  });

  it('given 2,000 work orders of 5 operations on 20 centres, then every operation follows the previous one and no centre-day is over capacity', () => {
    const centres = Array.from({ length: 20 }, (_, c) => `C${c}`);
    const jobs = Array.from({ length: 2000 }, (_, i) => job(`W${String(i).padStart(4, '0')}`, `2027-0${1 + (i % 3)}-15`,
      Array.from({ length: 5 }, (_, k): [string, number] => [centres[(i * 3 + k * 7) % 20]!, 20 + ((i * k) % 90)]), 1 + (i % 5)));
    const r = scheduleWorkOrders(jobs, { startDate: start, horizonDays: 365, capacityOn: (_c, d) => capacityOn({ ...weekdays, shifts: 2 }, d) });
    expect(r.load.filter((l) => l.load > l.capacity)).toEqual([]);
    const at = (t: { date: string; minute: number }) => `${t.date}/${String(t.minute).padStart(4, '0')}`;
    expect(r.jobs.filter((j) => j.ops.length !== 5 || j.ops.slice(1).some((op, k) => at(op.start) < at(j.ops[k]!.end)))).toEqual([]);
    expect(r.load.reduce((n, l) => n + l.load, 0)).toBe(jobs.reduce((n, j) => n + j.ops.reduce((m, o) => m + o.minutes, 0), 0));
  });
});
