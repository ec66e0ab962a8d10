import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { upsertCalendarDays } from './create-work-centre.ts';
import type { CalendarInput } from './planning-schemas.ts';

/** Holidays and extra or fewer shifts on given days; a day given again replaces its entry. */
export async function setWorkCentreCalendar(db: Database, actor: Actor, id: string, input: CalendarInput, requestId: string | null = null): Promise<{ id: string; days: number }> {
  if (!isUuid(id)) throw notFound('work centre', id);
  return writeTx(db, { actor, requestId }, async (w) => {
    const found = await w.tx.query('SELECT 1 FROM work_centres WHERE id = $1 FOR UPDATE', [id]);
    if (found.rows.length === 0) throw notFound('work centre', id);
    const days = await upsertCalendarDays(w.tx, id, input.days, actor.name);
    w.audit({ entityType: 'work_centre', entityId: id, action: 'calendar_set', changes: { days: { new: input.days } } });
    w.emit({ topic: 'work_centre.calendar_changed', entityType: 'work_centre', entityId: id, payload: { days } });
    return { id, days };
  });
}
