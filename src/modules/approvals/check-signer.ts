import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';
import { hashToken } from '../auth/secret-tokens.ts';

export interface SignerCredentials {
  password: string;
  username?: string | undefined;
}

export interface CheckedSigner {
  userId: string;
  sessionHash: string;
}

/**
 * §11.200(a)(1): a signature is given by the person signed in, re-entering their password; the
 * first signature of a session needs the username too. A wrong username or password is refused
 * with SIGNATURE_INVALID and the attempt is in the audit trail (§11.300(d)). API tokens do not
 * sign: they are no continuous session of a person.
 */
export async function checkSigner(
  db: Database, actor: Actor, sessionToken: string | null, c: SignerCredentials, subject: { taskId: string; requestId: string | null },
): Promise<CheckedSigner> {
  if (actor.type !== 'user' || !actor.userId || !sessionToken) {
    throw new DomainError('FORBIDDEN', 'an electronic signature is given by a person signed in with a session, not by an API token');
  }
  const sessionHash = hashToken(sessionToken);
  const [user, session] = await Promise.all([
    db.query<{ username: string; password_hash: string }>('SELECT username, password_hash FROM users WHERE id = $1', [actor.userId]),
    db.query('SELECT 1 FROM signing_sessions WHERE session_hash = $1', [sessionHash]),
  ]);
  if (session.rows.length === 0 && !c.username) {
    throw invalid('username', 'the first signature of a session needs your username and password');
  }
  const row = user.rows[0];
  const passwordOk = await verifyPassword(row?.password_hash ?? (await decoyHash()), c.password);
  const usernameOk = !c.username || c.username.toLowerCase() === row?.username.toLowerCase();
  if (row && passwordOk && usernameOk) return { userId: actor.userId, sessionHash };

  const why = usernameOk ? 'wrong password' : 'username is not the signed-in user';
  await writeTx(db, { actor, requestId: subject.requestId }, async (w) => {
    w.audit({ entityType: 'approval_task', entityId: subject.taskId, action: 'signature.refused', reason: why });
    // Administrators are told of every refused signature (§11.300(d)).
    w.emit({ topic: 'approval.signature_refused', entityType: 'approval_task', entityId: subject.taskId,
      payload: { signer: actor.name, field: usernameOk ? 'password' : 'username', roles: ['admin'] } });
  });
  throw new DomainError('SIGNATURE_INVALID', `the signature was refused: ${why}`, { field: usernameOk ? 'password' : 'username' });
}

/** Remembers that this session has signed once, so later signings need the password only. */
export async function markSessionSigned(tx: Sql, signer: CheckedSigner): Promise<void> {
  await tx.query('INSERT INTO signing_sessions (session_hash, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [signer.sessionHash, signer.userId]);
}
