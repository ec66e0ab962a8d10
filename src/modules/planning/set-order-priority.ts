import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { PriorityOverrideInput } from './planning-schemas.ts';

/** The planner's manual priority for an order: it outranks the customer's tier in the next planning run. */
export async function setOrderPriority(db: Database, actor: Actor, orderId: string, input: PriorityOverrideInput, requestId: string | null = null): Promise<{ orderId: string; priority: number }> {
  if (!isUuid(orderId)) throw notFound('order', orderId);
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<{ priority: number; override: number | null }>(
      'SELECT o.priority, p.priority AS override FROM orders o LEFT JOIN planning_priority_overrides p ON p.order_id = o.id WHERE o.id = $1', [orderId]);
    if (!rows[0]) throw notFound('order', orderId);
    await w.tx.query(
      `INSERT INTO planning_priority_overrides (order_id, priority, reason, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO UPDATE SET priority = excluded.priority, reason = excluded.reason, created_by = excluded.created_by, created_at = now()`,
      [orderId, input.priority, input.reason, actor.name],
    );
    w.audit({ entityType: 'order', entityId: orderId, action: 'planning_priority_set', changes: { planningPriority: { old: rows[0].override ?? rows[0].priority, new: input.priority } }, reason: input.reason });
    w.emit({ topic: 'planning.priority_changed', entityType: 'order', entityId: orderId, payload: { priority: input.priority } });
    return { orderId, priority: input.priority };
  });
}
