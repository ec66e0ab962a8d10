import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

/** Issues an API token for a user; the token text is shown once and only its hash is kept. */
export async function createApiToken(
  db: Database,
  actor: Actor,
  input: { username: string; name?: string; expiresAt?: Date | null },
  requestId: string | null = null,
): Promise<{ id: string; token: string; username: string; name: string }> {
  const token = newSecretToken('llt');
  const id = uuidv7();
  const name = input.name ?? 'api';
  return writeTx(db, { actor, requestId }, async (w) => {
    const u = await w.tx.query<{ id: string; username: string }>(
      'SELECT id, username FROM users WHERE lower(username) = lower($1)',
      [input.username],
    );
    const user = u.rows[0];
    if (!user) throw notFound('user', input.username);
    await w.tx.query(
      'INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, user.id, name, hashToken(token), token.slice(0, 10), input.expiresAt ?? null],
    );
    w.audit({ entityType: 'api_token', entityId: id, action: 'created', changes: { user: { new: user.username }, name: { new: name } } });
    return { id, token, username: user.username, name };
  });
}

export async function revokeApiToken(db: Database, actor: Actor, tokenId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    const r = await w.tx.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [tokenId]);
    if (r.rowCount === 0) throw notFound('api_token', tokenId);
    w.audit({ entityType: 'api_token', entityId: tokenId, action: 'revoked' });
  });
}
