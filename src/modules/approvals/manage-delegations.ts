import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { can } from '../../platform/actor.ts';
import { DomainError, invalid, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';

export interface DelegationInput {
  delegate: string;
  validFrom: string;
  validTo: string;
  roles?: string[];
  reason?: string;
  /** Whose tasks are handed over; another user's needs users.manage. Default: the actor's. */
  user?: string;
}

interface UserRow {
  id: string;
  username: string;
  active: boolean;
  roles: string[];
  decides: boolean;
}

async function findUser(tx: Sql, username: string, field: string): Promise<UserRow> {
  const { rows } = await tx.query<UserRow>(
    `SELECT u.id, u.username, u.active,
            coalesce((SELECT array_agg(role_code ORDER BY role_code) FROM user_roles WHERE user_id = u.id), '{}') AS roles,
            EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_code = ur.role_code
                     WHERE ur.user_id = u.id AND rp.permission_code = 'approvals.decide') AS decides
       FROM users u WHERE lower(u.username) = lower($1)`, [username]);
  if (!rows[0] || !rows[0].active) throw invalid(field, `no active user ${username}`);
  return rows[0];
}

/** Hands a user's approval tasks (all roles or some) to a delegate for a period, e.g. while on leave. */
export function createDelegation(db: Database, actor: Actor, input: DelegationInput, requestId: string | null) {
  if (input.validTo < input.validFrom) throw invalid('validTo', 'must not be before validFrom');
  return writeTx(db, { actor, requestId }, async (w) => {
    const user = input.user ? await findUser(w.tx, input.user, 'user') : await findUserById(w.tx, actor);
    if (user.id !== actor.userId && !can(actor, 'users.manage')) {
      throw new DomainError('FORBIDDEN', 'delegating another user’s tasks needs the permission users.manage', { field: 'user' });
    }
    const delegate = await findUser(w.tx, input.delegate, 'delegate');
    if (delegate.id === user.id) throw invalid('delegate', 'a user cannot delegate to themselves');
    if (!delegate.decides) throw invalid('delegate', `${delegate.username} may not sign approvals (permission approvals.decide)`);
    const foreign = (input.roles ?? []).find((r) => !user.roles.includes(r));
    if (foreign) throw invalid('roles', `${user.username} does not hold the role ${foreign}`);
    const id = uuidv7();
    await w.tx.query(
      `INSERT INTO delegations (id, user_id, delegate_id, roles, valid_from, valid_to, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, user.id, delegate.id, input.roles?.length ? input.roles : null, input.validFrom, input.validTo, input.reason ?? null, actor.name]);
    w.audit({ entityType: 'delegation', entityId: id, action: 'created', changes: {
      user: { new: user.username }, delegate: { new: delegate.username }, roles: { new: input.roles ?? null },
      validFrom: { new: input.validFrom }, validTo: { new: input.validTo } }, reason: input.reason ?? null });
    return { id, user: user.username, delegate: delegate.username, roles: input.roles ?? null, validFrom: input.validFrom, validTo: input.validTo };
  });
}

async function findUserById(tx: Sql, actor: Actor): Promise<UserRow> {
  const { rows } = await tx.query<{ username: string }>('SELECT username FROM users WHERE id = $1', [actor.userId]);
  if (!rows[0]) throw new DomainError('FORBIDDEN', 'only a user delegates approval tasks');
  return findUser(tx, rows[0].username, 'user');
}

/** Delegations the actor gave or received (all, with users.manage), newest first. */
export async function listDelegations(tx: Sql, actor: Actor) {
  const { rows } = await tx.query(
    `SELECT d.id, u.username AS "user", g.username AS delegate, d.roles, d.valid_from AS "validFrom", d.valid_to AS "validTo",
            d.reason, d.created_by AS "createdBy", d.created_at AS "createdAt", d.revoked_at AS "revokedAt"
       FROM delegations d JOIN users u ON u.id = d.user_id JOIN users g ON g.id = d.delegate_id
      WHERE $1::boolean OR d.user_id = $2 OR d.delegate_id = $2
      ORDER BY d.created_at DESC LIMIT 500`,
    [can(actor, 'users.manage'), actor.userId]);
  return { items: rows };
}

/** Ends a delegation now; the delegate's inbox loses the tasks at once. */
export function revokeDelegation(db: Database, actor: Actor, id: string, requestId: string | null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    const { rows } = await w.tx.query<{ user_id: string; revoked_at: Date | null }>(
      'SELECT user_id, revoked_at FROM delegations WHERE id = $1 FOR UPDATE', [id]);
    const d = rows[0];
    if (!d || (d.user_id !== actor.userId && !can(actor, 'users.manage'))) throw notFound('delegation', id);
    if (d.revoked_at) throw new DomainError('INVALID_STATE', 'the delegation is already revoked');
    await w.tx.query('UPDATE delegations SET revoked_at = now(), revoked_by = $2 WHERE id = $1', [id, actor.name]);
    w.audit({ entityType: 'delegation', entityId: id, action: 'revoked' });
    return { id, revoked: true };
  });
}
