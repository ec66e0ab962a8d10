import type { Sql } from '../../db/types.ts';
import type { LoadQuery } from './planning-schemas.ts';

export interface LoadRow {
  workCentreId: string;
  workCentreCode: string;
  date: string;
  capacityMinutes: number;
  loadMinutes: number;
  /** load ÷ capacity, in whole percent (0 when the day has no capacity). */
  utilisationPct: number;
}

/** The load per work centre per day of the latest schedule, optionally for one centre and a date range. */
export async function getLoad(tx: Sql, q: LoadQuery): Promise<{ scheduleRunId: string | null; scheduledAt: Date | null; items: LoadRow[] }> {
  const { rows: runs } = await tx.query<{ id: string; createdAt: Date }>('SELECT id, created_at AS "createdAt" FROM schedule_runs ORDER BY created_at DESC, id DESC LIMIT 1');
  const run = runs[0];
  if (!run) return { scheduleRunId: null, scheduledAt: null, items: [] };
  const { rows } = await tx.query<LoadRow>(
    `SELECT l.work_centre_id AS "workCentreId", c.code AS "workCentreCode", l.on_date::text AS date, l.capacity_minutes AS "capacityMinutes",
            l.load_minutes AS "loadMinutes", CASE WHEN l.capacity_minutes = 0 THEN 0 ELSE round(100.0 * l.load_minutes / l.capacity_minutes)::int END AS "utilisationPct"
       FROM work_centre_load l JOIN work_centres c ON c.id = l.work_centre_id
      WHERE l.schedule_run_id = $1 AND ($2::uuid IS NULL OR l.work_centre_id = $2) AND ($3::date IS NULL OR l.on_date >= $3) AND ($4::date IS NULL OR l.on_date <= $4)
      ORDER BY c.code, l.on_date`,
    [run.id, q.workCentreId ?? null, q.from ?? null, q.to ?? null],
  );
  return { scheduleRunId: run.id, scheduledAt: run.createdAt, items: rows };
}
