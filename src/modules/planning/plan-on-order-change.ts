import { systemActor } from '../../platform/actor.ts';
import type { EventHandler } from '../../platform/outbox/outbox-worker.ts';
import { localToday } from '../orders/business-day.ts';
import { ORDER_TOPICS, PLAN_ON_ORDER_CHANGE, runPlanning } from './run-planning.ts';

/**
 * Re-plans when an order is confirmed, amended or cancelled. Coalesced: a run marks every order
 * event committed before it as handled by this handler, so of a burst of orders only the first
 * event still unmarked triggers a run; the rest were seen by it and are skipped here.
 */
export const planOnOrderChange: EventHandler = {
  name: PLAN_ON_ORDER_CHANGE,
  topics: ORDER_TOPICS,
  async handle(event, db) {
    const seen = await db.query('SELECT 1 FROM outbox_handled WHERE event_id = $1 AND handler = $2', [event.id, PLAN_ON_ORDER_CHANGE]);
    if (seen.rows.length) return;
    await runPlanning(db, systemActor('planning'), { today: localToday(), trigger: 'event' }, `outbox:${event.id}`);
  },
};
