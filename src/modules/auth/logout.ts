import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { hashToken } from './secret-tokens.ts';

/** Revokes the session behind the cookie; the cookie itself is cleared by the route. */
export async function logout(db: Database, actor: Actor, sessionToken: string, requestId: string | null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    await w.tx.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
      hashToken(sessionToken),
    ]);
    w.audit({ entityType: 'user', entityId: actor.userId ?? 'unknown', action: 'logout' });
  });
}

/** Ends every open session of a user (a lost laptop, a leaver): they must sign in again. */
export async function revokeSessions(db: Database, actor: Actor, username: string, requestId: string | null): Promise<number> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const u = await w.tx.query<{ id: string }>('SELECT id FROM users WHERE lower(username) = lower($1)', [username]);
    if (!u.rows[0]) throw notFound('user', username);
    const r = await w.tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()', [u.rows[0].id]);
    w.audit({ entityType: 'user', entityId: u.rows[0].id, action: 'sessions.revoked', changes: { sessions: { new: r.rowCount } } });
    return r.rowCount;
  });
}
