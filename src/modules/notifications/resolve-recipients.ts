import type { Sql } from '../../db/types.ts';
import { localToday } from '../orders/business-day.ts';
import { usersActingForRoles } from '../approvals/delegation-queries.ts';

/**
 * The users a notification for roles and/or usernames reaches: the active holders of the roles
 * and the delegates standing in for them today, plus the named active users.
 */
export async function resolveRecipients(tx: Sql, to: { roles?: readonly string[]; users?: readonly string[] }, now: Date = new Date()): Promise<string[]> {
  const byRole = to.roles?.length ? await usersActingForRoles(tx, to.roles, localToday(now)) : [];
  const byName = to.users?.length
    ? (await tx.query<{ id: string }>('SELECT id FROM users WHERE active AND lower(username) = ANY ($1::text[])', [to.users.map((u) => u.toLowerCase())])).rows.map((r) => r.id)
    : [];
  return [...new Set([...byRole, ...byName])];
}
