import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';

/** The actor's notifications, newest first, in their language first (both are returned). */
export async function listNotifications(tx: Sql, actor: Actor, q: { unread?: boolean; limit: number; offset: number }) {
  const { rows } = await tx.query(
    `SELECT id, kind, message_en AS "messageEn", message_zh AS "messageZh", entity_type AS "entityType", entity_id AS "entityId",
            data, created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL)
      ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [actor.userId, q.unread ?? false, q.limit, q.offset]);
  const { unread, total } = await countNotifications(tx, actor);
  const lang = actor.locale.startsWith('zh') ? 'zh' : 'en';
  return {
    items: rows.map((r) => ({ ...r, message: lang === 'zh' ? r.messageZh : r.messageEn })),
    total: q.unread ? unread : total, unread, limit: q.limit, offset: q.offset,
  };
}

export async function countNotifications(tx: Sql, actor: Actor): Promise<{ unread: number; total: number }> {
  const { rows } = await tx.query<{ unread: number; total: number }>(
    `SELECT count(*) FILTER (WHERE read_at IS NULL)::int AS unread, count(*)::int AS total FROM notifications WHERE user_id = $1`,
    [actor.userId]);
  return rows[0]!;
}
