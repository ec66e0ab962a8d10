import type { Sql } from '../../db/types.ts';

export const ESCALATION_DUE = 'approval.escalation_due';

/**
 * A timer for the worker loop: an outbox event that becomes due when the step's tasks should be
 * escalated, so a running worker escalates on time without a scheduler of its own. (The
 * platform's writeEvents makes events due at once; this one is due later, hence its own insert.)
 * Escalating is idempotent, so a late or repeated timer does no harm.
 */
export async function scheduleEscalation(tx: Sql, requestId: string, stepNo: number, afterHours: number): Promise<void> {
  await tx.query(
    `INSERT INTO outbox_events (topic, entity_type, entity_id, payload, available_at)
     SELECT $1, 'approval_request', $2, jsonb_build_object('stepNo', $3::int, 'dueAt', at), at
       FROM (SELECT now() + make_interval(hours => $4::int) AS at) t`,
    [ESCALATION_DUE, requestId, stepNo, afterHours],
  );
}
