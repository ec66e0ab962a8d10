import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { hashToken } from './secret-tokens.ts';

interface ActorRow {
  user_id: string;
  username: string;
  display_name: string;
  organisation_id: string | null;
  locale: string;
  active: boolean;
  roles: string[] | null;
  permissions: string[] | null;
  org_scoped: boolean;
  token_id: string | null;
  token_scopes: string[] | null;
  customer_ids: string[] | null;
}

const ACTOR_COLUMNS = `
  u.id AS user_id, u.username, u.display_name, u.organisation_id, u.locale, u.active,
  (SELECT array_agg(ur.role_code ORDER BY ur.role_code) FROM user_roles ur WHERE ur.user_id = u.id) AS roles,
  (SELECT array_agg(DISTINCT rp.permission_code) FROM user_roles ur
     JOIN role_permissions rp ON rp.role_code = ur.role_code WHERE ur.user_id = u.id) AS permissions,
  EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.code = ur.role_code
           WHERE ur.user_id = u.id AND r.org_scoped) AS org_scoped,
  (SELECT array_agg(uc.customer_id) FROM user_customers uc WHERE uc.user_id = u.id) AS customer_ids`;

function toActor(r: ActorRow): Actor | null {
  if (!r.active) return null;
  const actor: Actor = {
    type: r.token_id ? 'token' : 'user',
    userId: r.user_id,
    name: r.display_name || r.username,
    roles: r.roles ?? [],
    // A scoped token keeps only the scoped part of its user's permissions.
    permissions: new Set((r.permissions ?? []).filter((p) => !r.token_scopes || r.token_scopes.includes(p))),
    // A scoped role without an organisation sees nothing rather than everything.
    organisationId: r.org_scoped ? (r.organisation_id ?? '00000000-0000-0000-0000-000000000000') : null,
    locale: r.locale,
    customerIds: r.customer_ids ? new Set(r.customer_ids) : null,
  };
  if (r.token_id) actor.tokenId = r.token_id;
  return actor;
}

/** The actor behind a session cookie, or null when the session is unknown, expired or revoked. */
export async function actorFromSession(db: Sql, sessionToken: string): Promise<Actor | null> {
  const { rows } = await db.query<ActorRow>(
    `SELECT ${ACTOR_COLUMNS}, NULL::uuid AS token_id, NULL::text[] AS token_scopes
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    [hashToken(sessionToken)],
  );
  return rows[0] ? toActor(rows[0]) : null;
}

/** The actor behind an API token (it acts with its user's roles). */
export async function actorFromApiToken(db: Sql, token: string): Promise<Actor | null> {
  const { rows } = await db.query<ActorRow>(
    `SELECT ${ACTOR_COLUMNS}, t.id AS token_id, t.scopes AS token_scopes
       FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [hashToken(token)],
  );
  return rows[0] ? toActor(rows[0]) : null;
}

export async function actorForUser(db: Sql, userId: string): Promise<Actor | null> {
  const { rows } = await db.query<ActorRow>(`SELECT ${ACTOR_COLUMNS}, NULL::uuid AS token_id, NULL::text[] AS token_scopes FROM users u WHERE u.id = $1`, [
    userId,
  ]);
  return rows[0] ? toActor(rows[0]) : null;
}
