import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';

/**
 * Limits a user (a sales rep) to some customers; an empty list lifts the limit. The user's next
 * request sees the change: the actor is loaded per request.
 */
export async function setUserCustomers(db: Database, actor: Actor, username: string, customerIds: readonly string[], requestId: string | null): Promise<{ username: string; customerIds: string[] }> {
  const wanted = [...new Set(customerIds)].sort();
  return writeTx(db, { actor, requestId }, async (w) => {
    const u = await w.tx.query<{ id: string; username: string }>('SELECT id, username FROM users WHERE lower(username) = lower($1)', [username]);
    const user = u.rows[0];
    if (!user) throw notFound('user', username);
    const found = await w.tx.query<{ id: string }>(`SELECT id FROM parties WHERE id = ANY($1::uuid[]) AND kind = 'customer'`, [wanted]);
    const unknown = wanted.filter((id) => !found.rows.some((r) => r.id === id));
    if (unknown.length) throw new DomainError('VALIDATION_FAILED', `not customers: ${unknown.join(', ')}`, { field: 'customerIds' });
    const before = await w.tx.query<{ customer_id: string }>('SELECT customer_id FROM user_customers WHERE user_id = $1 ORDER BY customer_id', [user.id]);
    await w.tx.query('DELETE FROM user_customers WHERE user_id = $1', [user.id]);
    await w.tx.query(
      `INSERT INTO user_customers (user_id, customer_id, created_by) SELECT $1, c, $3 FROM unnest($2::uuid[]) AS c`,
      [user.id, wanted, actor.name],
    );
    w.audit({ entityType: 'user', entityId: user.id, action: 'customers.set', changes: { customers: { old: before.rows.map((r) => r.customer_id), new: wanted } } });
    return { username: user.username, customerIds: wanted };
  });
}
