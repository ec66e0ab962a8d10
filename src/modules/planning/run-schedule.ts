import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { BUSINESS_TIME_ZONE } from '../orders/business-day.ts';
import { addDays } from './lot-sizing.ts';
import { repromiseOrders, type LatePromise } from './repromise-orders.ts';
import { scheduleWorkOrders, type DayLoad, type ScheduleJob, type ScheduledJob } from './schedule-work-orders.ts';
import { capacityOn, type CentreCalendar } from './work-centre-capacity.ts';

/** Working time starts at 08:00 business time; "minute m of a day" is m minutes after that. */
const DAY_START_MINUTE = 8 * 60;

export interface ScheduleOutcome {
  scheduleRunId: string;
  startDate: string;
  workOrders: Array<{ id: string; number: string; dueDate: string; scheduledStart: string | null; scheduledEnd: string | null; late: boolean }>;
  lateWorkOrders: string[];
  load: DayLoad[];
  repromisedOrders: number;
  latePromises: LatePromise[];
}

async function loadJobs(tx: Sql): Promise<Array<ScheduleJob & { number: string; deviceId: string }>> {
  const { rows } = await tx.query<ScheduleJob & { number: string; deviceId: string }>(
    `SELECT w.id, w.number, w.device_id AS "deviceId", w.priority, w.due_date::text AS "dueDate", w.status,
            coalesce(json_agg(json_build_object('seq', o.seq, 'workCentreId', o.work_centre_id,
                       'minutes', ceil(o.minutes * (w.quantity - w.qty_completed)::numeric / w.quantity)::int) ORDER BY o.seq)
                       FILTER (WHERE o.seq IS NOT NULL), '[]'::json) AS ops
       FROM work_orders w LEFT JOIN work_order_operations o ON o.work_order_id = w.id
      WHERE w.status IN ('planned', 'released', 'in_progress') AND w.quantity > w.qty_completed
      GROUP BY w.id`,
  );
  return rows;
}

async function loadCalendars(tx: Sql, from: string, to: string): Promise<Map<string, CentreCalendar>> {
  const { rows } = await tx.query<{ id: string; workingWeekdays: number[]; shifts: number; minutesPerShift: number; exceptions: Array<{ date: string; minutes: number }> }>(
    `SELECT c.id, c.working_weekdays AS "workingWeekdays", c.shifts, c.minutes_per_shift AS "minutesPerShift",
            coalesce((SELECT json_agg(json_build_object('date', k.on_date, 'minutes', k.shifts * k.minutes_per_shift))
                        FROM work_centre_calendars k WHERE k.work_centre_id = c.id AND k.on_date BETWEEN $1::date AND $2::date), '[]'::json) AS exceptions
       FROM work_centres c WHERE c.active`,
    [from, to],
  );
  return new Map(rows.map((r) => [r.id, { ...r, workingWeekdays: r.workingWeekdays.map(Number), exceptions: new Map(r.exceptions.map((e) => [e.date, e.minutes])) }]));
}

const stamp = (tp: { date: string; minute: number } | null | undefined) => (tp ? { date: tp.date, minute: DAY_START_MINUTE + tp.minute } : null);

/** Writes the schedule set-based: times on work orders and operations, and the load per centre and day. */
async function writeSchedule(w: Work, runId: string, startDate: string, jobs: readonly ScheduledJob[], load: readonly DayLoad[]): Promise<void> {
  const at = (alias: string) => `CASE WHEN ${alias} IS NULL THEN NULL ELSE ((${alias}->>'date')::date + make_interval(mins => (${alias}->>'minute')::int)) AT TIME ZONE $2 END`;
  await w.tx.query(
    `UPDATE work_orders w SET scheduled_start = ${at('r.s')}, scheduled_end = ${at('r.e')}, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, s jsonb, e jsonb) WHERE w.id = r.id`,
    [JSON.stringify(jobs.map((j) => ({ id: j.id, s: stamp(j.start), e: stamp(j.end) }))), BUSINESS_TIME_ZONE],
  );
  await w.tx.query(
    `UPDATE work_order_operations o SET scheduled_start = ${at('r.s')}, scheduled_end = ${at('r.e')}
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, seq int, s jsonb, e jsonb) WHERE o.work_order_id = r.id AND o.seq = r.seq`,
    [JSON.stringify(jobs.flatMap((j) => j.ops.length ? j.ops.map((op) => ({ id: j.id, seq: op.seq, s: stamp(op.start), e: stamp(op.end) })) : [])), BUSINESS_TIME_ZONE],
  );
  await w.tx.query(
    `UPDATE work_order_operations o SET scheduled_start = NULL, scheduled_end = NULL WHERE o.work_order_id = ANY($1::uuid[])`,
    [jobs.filter((j) => j.start === null).map((j) => j.id)],
  );
  // Only the latest schedule's load is kept: it is what the schedule means now (runs keep their summary).
  await w.tx.query('DELETE FROM work_centre_load');
  await w.tx.query('INSERT INTO schedule_runs (id, created_by, start_date) VALUES ($1, $2, $3)', [runId, w.actor.name, startDate]);
  await w.tx.query(
    `INSERT INTO work_centre_load (schedule_run_id, work_centre_id, on_date, capacity_minutes, load_minutes)
     SELECT $1, r.c, r.d, r.cap, r.load FROM jsonb_to_recordset($2::jsonb) AS r(c uuid, d date, cap int, load int)`,
    [runId, JSON.stringify(load.map((l) => ({ c: l.workCentreId, d: l.date, cap: l.capacity, load: l.load })))],
  );
}

/**
 * Finite-capacity schedule of every open work order (planned, released, in progress — the part
 * not yet completed) from the start date, one schedule at a time; then capable-to-promise: the
 * orders waiting for what the work orders make are promised again from the new completion dates.
 */
export async function runSchedule(db: Database, actor: Actor, o: { startDate: string; horizonDays?: number; earliestShipDate: string }, requestId: string | null = null): Promise<ScheduleOutcome> {
  const horizonDays = o.horizonDays ?? 365;
  return writeTx(db, { actor, requestId }, async (w) => {
    await w.tx.query('SELECT pg_advisory_xact_lock(7240171)');
    const jobs = await loadJobs(w.tx);
    const calendars = await loadCalendars(w.tx, o.startDate, addDays(o.startDate, horizonDays));
    const result = scheduleWorkOrders(jobs, {
      startDate: o.startDate, horizonDays,
      capacityOn: (id, date) => { const cal = calendars.get(id); return cal ? capacityOn(cal, date) : 0; },
    });
    const runId = uuidv7();
    await writeSchedule(w, runId, o.startDate, result.jobs, result.load);
    const { rows: times } = await w.tx.query<{ id: string; start: Date | null; end: Date | null }>(
      'SELECT id, scheduled_start AS start, scheduled_end AS "end" FROM work_orders WHERE id = ANY($1::uuid[])', [result.jobs.map((j) => j.id)]);
    const timeOf = new Map(times.map((t) => [t.id, t]));
    const numberOf = new Map(jobs.map((j) => [j.id, j.number]));
    const workOrders = result.jobs.map((j) => ({
      id: j.id, number: numberOf.get(j.id)!, dueDate: j.dueDate, late: j.late,
      scheduledStart: timeOf.get(j.id)?.start?.toISOString() ?? null, scheduledEnd: timeOf.get(j.id)?.end?.toISOString() ?? null,
    }));
    const promises = await repromiseOrders(w, [...new Set(jobs.map((j) => j.deviceId))], o.earliestShipDate);
    const lateWorkOrders = workOrders.filter((x) => x.late).map((x) => x.number);
    const summary = { workOrders: workOrders.length, late: lateWorkOrders.length, repromisedOrders: promises.orders, latePromises: promises.late.length };
    await w.tx.query('UPDATE schedule_runs SET summary = $2 WHERE id = $1', [runId, JSON.stringify(summary)]);
    w.audit({ entityType: 'schedule_run', entityId: runId, action: 'scheduled', changes: { startDate: { new: o.startDate }, ...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, { new: v }])) } });
    w.emit({ topic: 'planning.schedule_completed', entityType: 'schedule_run', entityId: runId, payload: { ...summary, lateWorkOrders } });
    return { scheduleRunId: runId, startDate: o.startDate, workOrders, lateWorkOrders, load: result.load, repromisedOrders: promises.orders, latePromises: promises.late };
  });
}
