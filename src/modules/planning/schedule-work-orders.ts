import { addDays } from './lot-sizing.ts';

/**
 * Finite-capacity forward scheduling, pure. Each work centre has, per day, a number of working
 * minutes (its calendar); every day's working time starts at the same clock time, so "minute m of
 * day d" means the same moment on every centre. Work orders are taken most urgent first
 * (priority, then earliest due date, then work already started), and each of their operations,
 * in routing order, starts no earlier than the previous one ended, at the first free minute of
 * its centre, running on over as many days as it needs. A centre never gets more minutes in a
 * day than its calendar gives it.
 */
export interface ScheduleJob {
  id: string;
  /** 1 = most urgent. */
  priority: number;
  dueDate: string;
  status: string;
  ops: ReadonlyArray<{ seq: number; workCentreId: string; minutes: number }>;
}

export interface TimePoint {
  date: string;
  /** Minutes into that day's working time. */
  minute: number;
}

export interface ScheduledOp {
  seq: number;
  workCentreId: string;
  start: TimePoint;
  end: TimePoint;
}

export interface ScheduledJob {
  id: string;
  dueDate: string;
  /** Null when an operation found no capacity within the horizon. */
  start: TimePoint | null;
  end: TimePoint | null;
  late: boolean;
  ops: ScheduledOp[];
}

export interface DayLoad {
  workCentreId: string;
  date: string;
  capacity: number;
  load: number;
}

export interface ScheduleOptions {
  startDate: string;
  /** Days from the start date an operation may be placed in before it counts as unschedulable. */
  horizonDays: number;
  /** Working minutes of a centre on a date (calendar: week pattern, holidays, extra shifts). */
  capacityOn(workCentreId: string, date: string): number;
}

const STATUS_RANK: Record<string, number> = { in_progress: 0, released: 1, planned: 2 };

export const byUrgency = (a: ScheduleJob, b: ScheduleJob): number =>
  a.priority - b.priority || a.dueDate.localeCompare(b.dueDate) || (STATUS_RANK[a.status] ?? 3) - (STATUS_RANK[b.status] ?? 3) || a.id.localeCompare(b.id);

export function scheduleWorkOrders(jobs: readonly ScheduleJob[], o: ScheduleOptions): { jobs: ScheduledJob[]; load: DayLoad[] } {
  const dates: string[] = [];
  const dateOf = (d: number) => (dates[d] ??= addDays(o.startDate, d));
  const centres = new Map<string, { capacity: number[]; used: number[]; load: number[] }>();
  const centre = (id: string) => {
    let c = centres.get(id);
    if (!c) centres.set(id, (c = { capacity: [], used: [], load: [] }));
    return c;
  };
  const capacity = (c: { capacity: number[] }, id: string, d: number) => (c.capacity[d] ??= Math.max(0, o.capacityOn(id, dateOf(d))));
  let lastDay = -1;

  const out = [...jobs].sort(byUrgency).map((job): ScheduledJob => {
    let day = 0;
    let minute = 0;
    const ops: ScheduledOp[] = [];
    let failed = false;
    for (const op of [...job.ops].sort((a, b) => a.seq - b.seq)) {
      const c = centre(op.workCentreId);
      let left = op.minutes;
      let start: { d: number; m: number } | null = left === 0 ? { d: day, m: minute } : null;
      let end = { d: day, m: minute };
      for (let d = day; left > 0; d++) {
        if (d >= o.horizonDays) break;
        const cap = capacity(c, op.workCentreId, d);
        const from = Math.max(c.used[d] ?? 0, d === day ? minute : 0);
        if (from >= cap) continue;
        const take = Math.min(cap - from, left);
        start ??= { d, m: from };
        c.used[d] = from + take;
        c.load[d] = (c.load[d] ?? 0) + take;
        left -= take;
        end = { d, m: from + take };
        if (d > lastDay) lastDay = d;
      }
      if (left > 0 || !start) {
        failed = true;
        break;
      }
      ops.push({ seq: op.seq, workCentreId: op.workCentreId, start: { date: dateOf(start.d), minute: start.m }, end: { date: dateOf(end.d), minute: end.m } });
      day = end.d;
      minute = end.m;
    }
    if (failed) return { id: job.id, dueDate: job.dueDate, start: null, end: null, late: true, ops: [] };
    const first = ops[0]?.start ?? { date: dateOf(0), minute: 0 };
    const last = ops[ops.length - 1]?.end ?? first;
    return { id: job.id, dueDate: job.dueDate, start: first, end: last, late: last.date > job.dueDate, ops };
  });

  const load: DayLoad[] = [];
  for (const [id, c] of centres) {
    for (let d = 0; d <= lastDay; d++) {
      const cap = capacity(c, id, d);
      if (cap > 0 || c.load[d]) load.push({ workCentreId: id, date: dateOf(d), capacity: cap, load: c.load[d] ?? 0 });
    }
  }
  return { jobs: out, load };
}
