import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

/**
 * Issues an API token for a user; the token text is shown once and only its hash is kept. With
 * `scopes` the token acts with only those of its user's permissions.
 */
export async function createApiToken(
  db: Database,
  actor: Actor,
  input: { username: string; name?: string; expiresAt?: Date | null; scopes?: readonly string[] },
  requestId: string | null = null,
): Promise<{ id: string; token: string; username: string; name: string; scopes: string[] | null }> {
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
    const scopes = input.scopes ? [...new Set(input.scopes)].sort() : null;
    if (scopes) await assertKnownPermissions(w.tx, scopes);
    await w.tx.query(
      'INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, expires_at, scopes) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [id, user.id, name, hashToken(token), token.slice(0, 10), input.expiresAt ?? null, scopes],
    );
    w.audit({ entityType: 'api_token', entityId: id, action: 'created', changes: { user: { new: user.username }, name: { new: name }, scopes: { new: scopes } } });
    return { id, token, username: user.username, name, scopes };
  });
}

async function assertKnownPermissions(tx: Sql, scopes: readonly string[]): Promise<void> {
  const { rows } = await tx.query<{ code: string }>('SELECT code FROM permissions WHERE code = ANY($1)', [scopes]);
  const unknown = scopes.filter((s) => !rows.some((r) => r.code === s));
  if (unknown.length) throw new DomainError('VALIDATION_FAILED', `unknown permission(s) ${unknown.join(', ')}`, { field: 'scopes' });
}

export async function revokeApiToken(db: Database, actor: Actor, tokenId: string, requestId: string | null = null): Promise<void> {
  await writeTx(db, { actor, requestId }, async (w) => {
    const r = await w.tx.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [tokenId]);
    if (r.rowCount === 0) throw notFound('api_token', tokenId);
    w.audit({ entityType: 'api_token', entityId: tokenId, action: 'revoked' });
  });
}
