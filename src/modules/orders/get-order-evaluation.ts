import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';

/** Every rule that ran on the order's latest evaluation, fired or not, with the facts it read. */
export async function getOrderEvaluation(tx: Sql, actor: Actor, orderId: string) {
  const o = await tx.query<{ customer_id: string }>('SELECT customer_id FROM orders WHERE id = $1', [orderId]);
  if (!o.rows[0]) throw notFound('order', orderId);
  assertVisible(actor, o.rows[0].customer_id, 'order', orderId);
  const { rows } = await tx.query(
    `SELECT order_version AS "orderVersion", rule_set_id AS "ruleSetId", rule_set_version AS "ruleSetVersion",
            evaluated_at AS "evaluatedAt", results, firings
       FROM order_evaluations WHERE order_id = $1 ORDER BY evaluated_at DESC`, [orderId]);
  return { latest: rows[0] ?? null, history: rows.slice(1).map(({ results: _r, ...h }) => h) };
}
