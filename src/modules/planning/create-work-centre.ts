import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { CalendarDayInput, WorkCentreInput } from './planning-schemas.ts';

/** A day's row: a holiday has no shifts; otherwise the given shifts (default 1) of the given minutes. */
function calendarRows(days: readonly CalendarDayInput[], field: string) {
  const seen = new Set<string>();
  return days.map((d, i) => {
    if (seen.has(d.date)) throw invalid(`${field}.${i}.date`, `${d.date} is given twice`);
    seen.add(d.date);
    const holiday = d.holiday ?? false;
    if (holiday && (d.shifts ?? 0) > 0) throw invalid(`${field}.${i}.shifts`, 'a holiday has no shifts');
    const shifts = holiday ? 0 : d.shifts ?? 1;
    const minutes = holiday ? 0 : d.minutesPerShift ?? 480;
    if (shifts * minutes > 1440) throw invalid(`${field}.${i}.minutesPerShift`, 'shifts × minutes exceed a day');
    return { date: d.date, holiday, shifts, minutes, note: d.note ?? null };
  });
}

/** Writes (replacing) the dated calendar entries of a work centre in one statement. */
export async function upsertCalendarDays(tx: Sql, workCentreId: string, days: readonly CalendarDayInput[], actor: string, field = 'days'): Promise<number> {
  const rows = calendarRows(days, field);
  if (rows.length === 0) return 0;
  await tx.query(
    `INSERT INTO work_centre_calendars (work_centre_id, on_date, holiday, shifts, minutes_per_shift, note, created_by)
     SELECT $1, r.date, r.holiday, r.shifts, r.minutes, r.note, $3 FROM jsonb_to_recordset($2::jsonb) AS r(date date, holiday boolean, shifts int, minutes int, note text)
     ON CONFLICT (work_centre_id, on_date) DO UPDATE SET holiday = excluded.holiday, shifts = excluded.shifts,
       minutes_per_shift = excluded.minutes_per_shift, note = excluded.note, created_by = excluded.created_by, created_at = now()`,
    [workCentreId, JSON.stringify(rows), actor],
  );
  return rows.length;
}

export async function createWorkCentre(db: Database, actor: Actor, input: WorkCentreInput, requestId: string | null = null): Promise<{ id: string; code: string }> {
  const shifts = input.shifts ?? 1;
  const minutesPerShift = input.minutesPerShift ?? 480;
  if (shifts * minutesPerShift > 1440) throw invalid('minutesPerShift', 'shifts × minutes per shift exceed a day (1440 minutes)');
  const id = uuidv7();
  return writeTx(db, { actor, requestId }, async (w) => {
    const inserted = await w.tx.query(
      `INSERT INTO work_centres (id, code, name_zh, name_en, working_weekdays, shifts, minutes_per_shift, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5::smallint[], $6, $7, $8, $8) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [id, input.code, input.nameZh, input.nameEn ?? null, input.workingWeekdays ?? [1, 2, 3, 4, 5], shifts, minutesPerShift, actor.name],
    );
    if (inserted.rows.length === 0) throw new DomainError('DUPLICATE', `work centre ${input.code} already exists`, { field: 'code' });
    const days = await upsertCalendarDays(w.tx, id, input.calendar ?? [], actor.name, 'calendar');
    w.audit({ entityType: 'work_centre', entityId: id, action: 'created', changes: { code: { new: input.code }, shifts: { new: shifts }, minutesPerShift: { new: minutesPerShift }, calendarDays: { new: days } } });
    w.emit({ topic: 'work_centre.created', entityType: 'work_centre', entityId: id, payload: { code: input.code } });
    return { id, code: input.code };
  });
}
