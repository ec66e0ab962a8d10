import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  roles: string[];
  organisationId?: string | null;
  locale?: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

export async function createUser(
  db: Database,
  actor: Actor,
  input: NewUser,
  requestId: string | null = null,
): Promise<{ id: string; username: string; roles: string[] }> {
  if (!USERNAME.test(input.username)) {
    throw invalid('username', 'use 2–64 letters, digits, dot, dash, underscore or @, starting with a letter or digit');
  }
  if (input.roles.length === 0) throw invalid('roles', 'give at least one role');
  checkPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const id = uuidv7();
  return writeTx(db, { actor, requestId }, async (w) => {
    const known = await w.tx.query<{ code: string; org_scoped: boolean }>(
      'SELECT code, org_scoped FROM roles WHERE code = ANY($1::text[])',
      [input.roles],
    );
    const unknown = input.roles.filter((r) => !known.rows.some((k) => k.code === r));
    if (unknown.length) throw invalid('roles', `unknown role(s): ${unknown.join(', ')}`);
    if (known.rows.some((r) => r.org_scoped) && !input.organisationId) {
      throw invalid('organisationId', 'an organisation-scoped role (hospital_portal) needs the organisation');
    }
    const taken = await w.tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [input.username]);
    if (taken.rows.length) {
      throw new DomainError('DUPLICATE', `username ${input.username} is taken`, { field: 'username' });
    }
    await w.tx.query(
      `INSERT INTO users (id, username, display_name, password_hash, organisation_id, locale)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, input.username, input.displayName ?? input.username, passwordHash, input.organisationId ?? null, input.locale ?? 'zh-CN'],
    );
    await w.tx.query('INSERT INTO user_roles (user_id, role_code) SELECT $1, unnest($2::text[])', [id, input.roles]);
    w.audit({
      entityType: 'user',
      entityId: id,
      action: 'created',
      changes: {
        username: { new: input.username },
        roles: { new: input.roles },
        organisationId: { new: input.organisationId ?? null },
      },
    });
    w.emit({ topic: 'user.created', entityType: 'user', entityId: id, payload: { username: input.username } });
    return { id, username: input.username, roles: input.roles };
  });
}
