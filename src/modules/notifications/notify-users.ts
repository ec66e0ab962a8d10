import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';

export interface NotificationDraft {
  /** What caused it (`event:<id>`, `trigger-action:<id>` …): a cause delivered twice notifies once. */
  sourceKey: string;
  kind: string;
  message: { en: string; zh: string };
  entityType?: string | null;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Writes one notification per user in one statement, skipping users already notified of the same cause. Returns how many were new. */
export async function notifyUsers(w: Work, userIds: readonly string[], n: NotificationDraft): Promise<number> {
  if (userIds.length === 0) return 0;
  const { rows } = await w.tx.query<{ user_id: string }>(
    `INSERT INTO notifications (id, user_id, source_key, kind, message_en, message_zh, entity_type, entity_id, data)
     SELECT r.id, r."userId", $2, $3, $4, $5, $6, $7, $8
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "userId" uuid)
     ON CONFLICT (user_id, source_key) DO NOTHING
     RETURNING user_id`,
    [JSON.stringify([...new Set(userIds)].map((userId) => ({ id: uuidv7(), userId }))), n.sourceKey, n.kind, n.message.en, n.message.zh,
      n.entityType ?? null, n.entityId ?? null, JSON.stringify(n.data ?? {})]);
  if (rows.length > 0) {
    w.audit({ entityType: 'notification', entityId: n.sourceKey, action: 'sent',
      changes: { kind: { new: n.kind }, recipients: { new: rows.map((r) => r.user_id) } } });
  }
  return rows.length;
}
