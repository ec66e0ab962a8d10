import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { diffOrderVersions, type OrderDiff } from './diff-order-versions.ts';

async function visibleOrder(tx: Sql, actor: Actor, orderId: string): Promise<void> {
  const { rows } = await tx.query<{ customer_id: string }>('SELECT customer_id FROM orders WHERE id = $1', [orderId]);
  if (!rows[0]) throw notFound('order', orderId);
  assertVisible(actor, rows[0].customer_id, 'order', orderId);
}

export async function listOrderVersions(tx: Sql, actor: Actor, orderId: string) {
  await visibleOrder(tx, actor, orderId);
  const { rows } = await tx.query(
    `SELECT version, reason, created_by AS "createdBy", created_at AS "createdAt", snapshot
       FROM order_versions WHERE order_id = $1 ORDER BY version`, [orderId]);
  return { items: rows };
}

export async function diffVersions(tx: Sql, actor: Actor, orderId: string, from: number, to: number): Promise<OrderDiff & { from: number; to: number }> {
  await visibleOrder(tx, actor, orderId);
  const { rows } = await tx.query<{ version: number; snapshot: Record<string, unknown> }>(
    'SELECT version, snapshot FROM order_versions WHERE order_id = $1 AND version = ANY($2::int[])', [orderId, [from, to]]);
  const a = rows.find((r) => r.version === from);
  const b = rows.find((r) => r.version === to);
  if (!a) throw notFound('order version', String(from));
  if (!b) throw notFound('order version', String(to));
  return { from, to, ...diffOrderVersions(a.snapshot, b.snapshot) };
}
