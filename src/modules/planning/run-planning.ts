import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { loadPlanningData } from './load-planning-data.ts';
import { netRequirements } from './net-requirements.ts';
import type { PlanException, PlannedOrder } from './planning-types.ts';

/** The outbox handler's name: a run marks the order events it has seen as handled by it. */
export const PLAN_ON_ORDER_CHANGE = 'planning.run-on-order-change';
export const ORDER_TOPICS = ['order.confirmed', 'order.cancelled', 'order.line_cancelled', 'order.version_created'] as const;

export interface PlanningRunSummary {
  runId: string;
  trigger: 'manual' | 'event';
  today: string;
  horizonDays: number;
  demands: number;
  plannedOrders: { make: number; buy: number };
  superseded: number;
  exceptions: Record<string, number>;
}

const count = <T>(list: readonly T[], key: (t: T) => string): Record<string, number> =>
  list.reduce<Record<string, number>>((acc, t) => ({ ...acc, [key(t)]: (acc[key(t)] ?? 0) + 1 }), {});

async function writePlan(w: Work, runId: string, plannedOrders: readonly PlannedOrder[], exceptions: readonly PlanException[]): Promise<number> {
  const superseded = await w.tx.query(`UPDATE planned_orders SET status = 'cancelled', superseded_by_run = $1 WHERE status = 'planned' AND run_id <> $1`, [runId]);
  await w.tx.query(
    `INSERT INTO planned_orders (id, run_id, kind, device_id, quantity, start_date, due_date, priority, pegging)
     SELECT r.id, $1, r.kind, r."deviceId", r.quantity, r."startDate", r."dueDate", r.priority, r.pegging
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, kind text, "deviceId" uuid, quantity int, "startDate" date, "dueDate" date, priority int, pegging jsonb)`,
    [runId, JSON.stringify(plannedOrders)],
  );
  await w.tx.query(
    `INSERT INTO planning_exceptions (id, run_id, kind, device_id, ref_type, ref_id, message_en, message_zh, details)
     SELECT r.id, $1, r.kind, r."deviceId", r."refType", r."refId", r.en, r.zh, r.details
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, kind text, "deviceId" uuid, "refType" text, "refId" text, en text, zh text, details jsonb)`,
    [runId, JSON.stringify(exceptions.map((e) => ({ ...e, id: uuidv7() })))],
  );
  return superseded.rowCount;
}

/**
 * One planning run in one transaction. At most one run is pending at a time (a unique index), so
 * a burst of order changes coalesces: the run first marks every order event already committed as
 * seen by the outbox handler — its data is visible to the loads that follow — and the handler
 * skips those events instead of running again. Unfirmed planned orders of earlier runs are
 * superseded; firmed ones became work orders or requisitions and count as supply.
 */
export async function runPlanning(db: Database, actor: Actor, o: { today: string; horizonDays?: number; trigger: 'manual' | 'event' }, requestId: string | null = null): Promise<PlanningRunSummary | null> {
  const horizonDays = o.horizonDays ?? 180;
  return writeTx(db, { actor, requestId }, async (w) => {
    await w.tx.query(`INSERT INTO planning_runs (id, status, trigger, requested_by) VALUES ($1, 'pending', $2, $3) ON CONFLICT DO NOTHING`, [uuidv7(), o.trigger, actor.name]);
    const claimed = await w.tx.query<{ id: string }>(`UPDATE planning_runs SET status = 'running', started_at = now(), trigger = $1 WHERE status = 'pending' RETURNING id`, [o.trigger]);
    const runId = claimed.rows[0]?.id;
    // Another worker ran the pending run while this one waited for it: that run saw what this one would.
    if (!runId) {
      if (o.trigger === 'manual') throw new DomainError('CONFLICT', 'a planning run is in progress: try again when it has finished');
      w.audit({ entityType: 'planning_run', entityId: 'coalesced', action: 'coalesced', changes: {} });
      return null;
    }
    await w.tx.query(
      `INSERT INTO outbox_handled (event_id, handler) SELECT id, $1 FROM outbox_events WHERE status = 'pending' AND topic = ANY($2::text[]) ON CONFLICT DO NOTHING`,
      [PLAN_ON_ORDER_CHANGE, ORDER_TOPICS],
    );
    const data = await loadPlanningData(w.tx, { today: o.today, horizonDays });
    const plan = netRequirements(data.items, data.demands, data.supplies, { today: o.today, newId: uuidv7 });
    const superseded = await writePlan(w, runId, plan.plannedOrders, plan.exceptions);
    const summary: PlanningRunSummary = {
      runId, trigger: o.trigger, today: o.today, horizonDays, demands: data.demands.length,
      plannedOrders: { make: plan.plannedOrders.filter((p) => p.kind === 'make').length, buy: plan.plannedOrders.filter((p) => p.kind === 'buy').length },
      superseded, exceptions: count(plan.exceptions, (e) => e.kind),
    };
    await w.tx.query(`UPDATE planning_runs SET status = 'completed', finished_at = now(), summary = $2 WHERE id = $1`, [runId, JSON.stringify(summary)]);
    w.audit({ entityType: 'planning_run', entityId: runId, action: 'completed', changes: { plannedOrders: { new: summary.plannedOrders }, exceptions: { new: summary.exceptions }, superseded: { new: superseded } } });
    w.emit({ topic: 'planning.run_completed', entityType: 'planning_run', entityId: runId, payload: { ...summary } });
    return summary;
  });
}
