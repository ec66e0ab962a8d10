import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import type { WorkCentrePatch } from './planning-schemas.ts';

type Centre = { nameZh: string; nameEn: string | null; workingWeekdays: number[]; shifts: number; minutesPerShift: number; active: boolean };

/** Changes a work centre's name, normal week, shifts or activity; the next schedule uses them. */
export async function updateWorkCentre(db: Database, actor: Actor, id: string, patch: WorkCentrePatch, requestId: string | null = null): Promise<{ id: string } & Centre> {
  if (!isUuid(id)) throw notFound('work centre', id);
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<Centre>(
      `SELECT name_zh AS "nameZh", name_en AS "nameEn", working_weekdays AS "workingWeekdays", shifts, minutes_per_shift AS "minutesPerShift", active
         FROM work_centres WHERE id = $1 FOR UPDATE`, [id]);
    const before = rows[0];
    if (!before) throw notFound('work centre', id);
    const after: Centre = { ...before, workingWeekdays: before.workingWeekdays.map(Number), ...patch };
    if (after.shifts * after.minutesPerShift > 1440) throw invalid(patch.minutesPerShift === undefined ? 'shifts' : 'minutesPerShift', 'shifts × minutes per shift exceed a day (1440 minutes)');
    await w.tx.query(
      `UPDATE work_centres SET name_zh = $2, name_en = $3, working_weekdays = $4::smallint[], shifts = $5, minutes_per_shift = $6, active = $7,
              version = version + 1, updated_by = $8, updated_at = now() WHERE id = $1`,
      [id, after.nameZh, after.nameEn, after.workingWeekdays, after.shifts, after.minutesPerShift, after.active, actor.name],
    );
    w.audit({ entityType: 'work_centre', entityId: id, action: 'updated', changes: diffFields({ ...before, workingWeekdays: before.workingWeekdays.map(Number) }, after) });
    w.emit({ topic: 'work_centre.updated', entityType: 'work_centre', entityId: id, payload: { fields: Object.keys(patch) } });
    return { id, ...after };
  });
}
