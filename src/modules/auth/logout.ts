import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
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
