import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { localToday } from '../orders/business-day.ts';
import { activeDelegators } from './delegation-queries.ts';
import { holdView } from './hold-view.ts';

interface Row {
  taskId: string; stepNo: number; steps: number; roles: string[]; openedAt: Date; escalateAt: Date | null; escalatedAt: Date | null;
  approvalId: string; round: number; orderId: string; number: string; orderStatus: string; customerCode: string; customerName: string;
  totalMinor: number; currency: string; holdId: string; holdType: string; reason: string; origin: Record<string, unknown>;
}

/**
 * The tasks waiting for this user now: those of the current step of open requests for one of
 * their roles, or a role handed to them by someone away. Each comes with its order, the hold's
 * reason in both languages and the rule facts behind it. Tasks of a request the user already
 * signed are left out (another person signs them).
 */
export async function listInbox(tx: Sql, actor: Actor, now: Date = new Date()) {
  const delegators = actor.userId ? await activeDelegators(tx, actor.userId, localToday(now)) : [];
  const roles = [...new Set([...actor.roles, ...delegators.flatMap((d) => d.roles)])];
  const { rows } = await tx.query<Row>(
    `SELECT t.id AS "taskId", t.step_no AS "stepNo", jsonb_array_length(r.plan) AS steps, t.roles, t.created_at AS "openedAt",
            t.escalate_at AS "escalateAt", t.escalated_at AS "escalatedAt", r.id AS "approvalId", r.round,
            o.id AS "orderId", o.number, o.status AS "orderStatus", c.code AS "customerCode", c.name_zh AS "customerName",
            r.order_total_minor AS "totalMinor", r.currency, h.id AS "holdId", h.hold_type AS "holdType", h.reason, h.origin
       FROM approval_tasks t
       JOIN approval_requests r ON r.id = t.request_id AND r.status = 'open' AND r.current_step = t.step_no
       JOIN orders o ON o.id = r.order_id JOIN parties c ON c.id = o.customer_id JOIN order_holds h ON h.id = r.hold_id
      WHERE t.status = 'pending' AND t.roles && $1::text[]
        AND NOT EXISTS (SELECT 1 FROM approval_signatures s WHERE s.request_id = r.id AND s.signer_id = $2)
      ORDER BY t.created_at, t.id LIMIT 500`,
    [roles, actor.userId]);
  const items = rows.map((r) => {
    const own = actor.roles.some((x) => r.roles.includes(x));
    const by = own ? null : delegators.find((d) => d.roles.some((x) => r.roles.includes(x))) ?? null;
    return {
      taskId: r.taskId, approvalId: r.approvalId, round: r.round, step: { no: r.stepNo, of: r.steps }, roles: r.roles,
      onBehalfOf: by ? { userId: by.userId, name: by.name } : null,
      openedAt: r.openedAt, escalateAt: r.escalateAt, escalated: r.escalatedAt !== null,
      order: { id: r.orderId, number: r.number, status: r.orderStatus, customerCode: r.customerCode, customerName: r.customerName,
        totalMinor: r.totalMinor, currency: r.currency },
      hold: holdView({ id: r.holdId, type: r.holdType, reason: r.reason, origin: r.origin }),
    };
  });
  return { items, total: items.length };
}
