import type { Sql } from '../../db/types.ts';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  organisationId: string | null;
  active: boolean;
  lockedUntil: Date | null;
}

export async function listUsers(db: Sql): Promise<UserSummary[]> {
  const { rows } = await db.query<UserSummary>(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.organisation_id AS "organisationId",
            u.active, u.locked_until AS "lockedUntil",
            coalesce((SELECT array_agg(role_code ORDER BY role_code) FROM user_roles WHERE user_id = u.id), '{}') AS roles
       FROM users u ORDER BY u.username`,
  );
  return rows;
}
