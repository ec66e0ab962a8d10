import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';

const SELECT = `SELECT t.id, t.name, t.topic, t.filter, t.enabled, t.version, t.created_by AS "createdBy", t.updated_by AS "updatedBy",
    t.created_at AS "createdAt", t.updated_at AS "updatedAt",
    coalesce((SELECT json_agg(jsonb_build_object('id', a.id, 'type', a.type) || a.config
                              || CASE WHEN a.secret_enc IS NULL THEN '{}'::jsonb ELSE '{"hasSecret": true}'::jsonb END ORDER BY a.position)
                FROM trigger_actions a WHERE a.trigger_id = t.id AND a.removed_at IS NULL), '[]') AS actions
  FROM triggers t`;

/** Triggers with their actions; webhook secrets are never shown (`hasSecret: true`). */
export async function listTriggers(tx: Sql, q: { topic?: string }) {
  const { rows } = await tx.query(`${SELECT} WHERE t.deleted_at IS NULL AND ($1::text IS NULL OR t.topic = $1) ORDER BY t.name`, [q.topic ?? null]);
  return { items: rows };
}

export async function getTrigger(tx: Sql, id: string) {
  const { rows } = await tx.query(`${SELECT} WHERE t.id = $1 AND t.deleted_at IS NULL`, [id]);
  if (!rows[0]) throw notFound('trigger', id);
  return rows[0];
}
