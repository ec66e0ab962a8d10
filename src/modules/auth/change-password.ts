import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { hashToken } from './secret-tokens.ts';

/**
 * Changes the actor's own password after re-checking the current one, and revokes every other
 * session of the user (the one in use stays open).
 */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionToken?: string },
  requestId: string | null,
): Promise<void> {
  if (!actor.userId) throw new DomainError('FORBIDDEN', 'only a user can change a password');
  const { rows } = await db.query<{ username: string; password_hash: string }>(
    'SELECT username, password_hash FROM users WHERE id = $1',
    [actor.userId],
  );
  const user = rows[0];
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new DomainError('INVALID_CREDENTIALS', 'currentPassword: the current password is wrong', {
      field: 'currentPassword',
    });
  }
  checkPasswordPolicy(input.newPassword, user.username, 'newPassword');
  const newHash = await hashPassword(input.newPassword);
  await writeTx(db, { actor, requestId }, async (w) => {
    await w.tx.query('UPDATE users SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1', [
      actor.userId,
      newHash,
    ]);
    await w.tx.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $2`,
      [actor.userId, input.keepSessionToken ? hashToken(input.keepSessionToken) : null],
    );
    // The hash itself never goes into the audit trail.
    w.audit({ entityType: 'user', entityId: actor.userId!, action: 'password.changed' });
  });
}
