import type { Sql } from '../../db/types.ts';

export interface WorkCentreView {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  workingWeekdays: number[];
  shifts: number;
  minutesPerShift: number;
  active: boolean;
  calendar: Array<{ date: string; holiday: boolean; shifts: number; minutesPerShift: number; note: string | null }>;
}

/** Work centres by code, each with its dated calendar entries from `from` on. */
export async function listWorkCentres(tx: Sql, q: { from: string; ids?: readonly string[] }): Promise<WorkCentreView[]> {
  const { rows } = await tx.query<WorkCentreView>(
    `SELECT c.id, c.code, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.working_weekdays AS "workingWeekdays", c.shifts,
            c.minutes_per_shift AS "minutesPerShift", c.active,
            coalesce((SELECT json_agg(json_build_object('date', k.on_date, 'holiday', k.holiday, 'shifts', k.shifts,
                                      'minutesPerShift', k.minutes_per_shift, 'note', k.note) ORDER BY k.on_date)
                        FROM work_centre_calendars k WHERE k.work_centre_id = c.id AND k.on_date >= $1::date), '[]'::json) AS calendar
       FROM work_centres c WHERE ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[])) ORDER BY c.code`,
    [q.from, q.ids ?? null],
  );
  return rows;
}
