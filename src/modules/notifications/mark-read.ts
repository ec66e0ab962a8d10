import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { nothingToWrite, writeIfNeeded } from './write-if-needed.ts';

/** Marks one of the actor's notifications read (again is a no-op); another user's is not found. */
export async function markRead(db: Database, actor: Actor, id: string, requestId: string | null) {
  const found = await db.query<{ read_at: Date | null }>('SELECT read_at FROM notifications WHERE id = $1 AND user_id = $2', [id, actor.userId]);
  if (!found.rows[0]) throw notFound('notification', id);
  if (!found.rows[0].read_at) {
    await writeTx(db, { actor, requestId }, async (w) => {
      await w.tx.query('UPDATE notifications SET read_at = now() WHERE id = $1 AND read_at IS NULL', [id]);
      w.audit({ entityType: 'notification', entityId: id, action: 'read' });
    });
  }
  return { id, read: true };
}

/** Marks every unread notification of the actor read; returns how many were. */
export async function markAllRead(db: Database, actor: Actor, requestId: string | null) {
  const marked = await writeIfNeeded(db, { actor, requestId }, async (w) => {
    const r = await w.tx.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [actor.userId]);
    if (r.rowCount === 0) nothingToWrite();
    w.audit({ entityType: 'user', entityId: actor.userId ?? actor.name, action: 'notifications.read_all', changes: { count: { new: r.rowCount } } });
    return r.rowCount;
  });
  return { marked: marked ?? 0 };
}
