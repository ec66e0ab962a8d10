import type { Sql } from '../../db/types.ts';

export interface AuditView {
  seq: number;
  at: Date;
  actorType: string;
  actorName: string;
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, unknown>;
  reason: string | null;
  requestId: string | null;
  signature: unknown;
  hash: string;
}

/** An entity's history, oldest first; or the latest records across all entities. */
export async function auditHistory(
  db: Sql,
  q: { entity?: string; id?: string; limit: number; afterSeq?: number },
): Promise<AuditView[]> {
  const { rows } = await db.query<AuditView>(
    `SELECT seq, at, actor_type AS "actorType", actor_name AS "actorName", entity_type AS "entityType",
            entity_id AS "entityId", action, changes, reason, request_id AS "requestId", signature, hash
       FROM audit_log
      WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::text IS NULL OR entity_id = $2) AND seq > $3
      ORDER BY seq LIMIT $4`,
    [q.entity ?? null, q.id ?? null, q.afterSeq ?? 0, q.limit],
  );
  return rows;
}
