import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';

type DeviceClass = 'I' | 'II' | 'III';

export async function getReviewClasses(tx: Sql): Promise<{ deviceClasses: DeviceClass[] }> {
  const { rows } = await tx.query<{ c: DeviceClass }>('SELECT device_class AS c FROM outbound_review_classes ORDER BY length(device_class), device_class');
  return { deviceClasses: rows.map((r) => r.c) };
}

/** Sets the device classes whose packages need the outbound review before they ship. */
export function setReviewClasses(db: Database, actor: Actor, input: { deviceClasses: DeviceClass[] }, requestId: string | null = null): Promise<{ deviceClasses: DeviceClass[] }> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const before = await getReviewClasses(w.tx);
    await w.tx.query('DELETE FROM outbound_review_classes WHERE NOT (device_class = ANY($1::text[]))', [input.deviceClasses]);
    await w.tx.query(`INSERT INTO outbound_review_classes (device_class, created_by) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING`, [input.deviceClasses, actor.name]);
    const after = await getReviewClasses(w.tx);
    w.audit({ entityType: 'outbound_review_classes', entityId: 'all', action: 'updated', changes: { deviceClasses: { old: before.deviceClasses, new: after.deviceClasses } } });
    return after;
  });
}
