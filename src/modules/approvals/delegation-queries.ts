import type { Sql } from '../../db/types.ts';
import type { Delegator } from './signing-capacity.ts';

/**
 * The users who handed their approval roles to `delegateId` for `today`, each with the roles
 * handed over (all of theirs, or those the delegation names). Disabled users hand nothing.
 */
export async function activeDelegators(tx: Sql, delegateId: string, today: string): Promise<Delegator[]> {
  const { rows } = await tx.query<Delegator>(
    `SELECT u.id AS "userId", coalesce(nullif(u.display_name, ''), u.username) AS name,
            array_agg(DISTINCT ur.role_code ORDER BY ur.role_code) AS roles
       FROM delegations d
       JOIN users u ON u.id = d.user_id AND u.active
       JOIN user_roles ur ON ur.user_id = u.id AND (d.roles IS NULL OR ur.role_code = ANY (d.roles))
      WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND $2::date BETWEEN d.valid_from AND d.valid_to
      GROUP BY u.id, u.display_name, u.username
      ORDER BY name`,
    [delegateId, today],
  );
  return rows;
}

/** The active users holding any of `roles`, and the delegates standing in for them today. */
export async function usersActingForRoles(tx: Sql, roles: readonly string[], today: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `WITH holders AS (
       SELECT DISTINCT ur.user_id AS id, ur.role_code FROM user_roles ur JOIN users u ON u.id = ur.user_id AND u.active
        WHERE ur.role_code = ANY ($1::text[]))
     SELECT id FROM holders
     UNION
     SELECT d.delegate_id FROM delegations d JOIN holders h ON h.id = d.user_id JOIN users u ON u.id = d.delegate_id AND u.active
      WHERE d.revoked_at IS NULL AND $2::date BETWEEN d.valid_from AND d.valid_to AND (d.roles IS NULL OR h.role_code = ANY (d.roles))`,
    [roles, today],
  );
  return rows.map((r) => r.id);
}
