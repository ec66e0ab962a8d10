import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Database } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';

export type OutboxStatus = 'pending' | 'done' | 'dead';

export async function listOutbox(db: Sql, q: { status?: OutboxStatus; limit: number; offset: number }) {
  const { rows } = await db.query(
    `SELECT id, topic, entity_type AS "entityType", entity_id AS "entityId", payload, status, attempts,
            last_error AS "lastError", created_at AS "createdAt", available_at AS "availableAt",
            handled_at AS "handledAt", handled_by AS "handledBy"
       FROM outbox_events WHERE ($1::text IS NULL OR status = $1)
      ORDER BY id DESC LIMIT $2 OFFSET $3`,
    [q.status ?? null, q.limit, q.offset],
  );
  const counts = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM outbox_events GROUP BY status',
  );
  return { items: rows, counts: Object.fromEntries(counts.rows.map((c) => [c.status, c.n])) };
}

/** Puts a dead-lettered event back in the queue with a fresh attempt budget. */
export async function retryDeadEvent(db: Database, actor: Actor, id: number, requestId: string | null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    const r = await w.tx.query(
      `UPDATE outbox_events SET status = 'pending', attempts = 0, available_at = now() WHERE id = $1 AND status = 'dead'`,
      [id],
    );
    if (r.rowCount === 0) throw notFound('dead-lettered event', String(id));
    w.audit({ entityType: 'outbox_event', entityId: String(id), action: 'retried' });
  });
}
