import type { Database, Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';

export const LOCKOUT = { maxFailures: 5, minutes: 15 } as const;
/** Failed logins one client address may make in a window, across all usernames. */
export const THROTTLE = { maxFailures: 20, minutes: 10 } as const;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
}

export interface LoginResult {
  sessionToken: string;
  expiresAt: Date;
  user: { id: string; username: string; displayName: string };
}

/**
 * Checks a password and opens a session. Five failures in a row lock the account for 15 minutes;
 * every attempt, good or bad, is in the audit trail. An unknown username costs the same time as a
 * known one so that timing does not reveal which usernames exist.
 */
export async function login(
  db: Database,
  input: { username: string; password: string; sessionHours: number; requestId?: string | null; client?: string },
  now = new Date(),
): Promise<LoginResult> {
  const client = input.client ?? 'unknown';
  await refuseThrottledClient(db, client, now);
  const found = await db.query<UserRow>(
    `SELECT id, username, display_name, password_hash, active, failed_logins, locked_until
       FROM users WHERE lower(username) = lower($1)`,
    [input.username],
  );
  const user = found.rows[0];
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  const ctx = { actor: systemActor(`login:${input.username.slice(0, 64)}`), requestId: input.requestId ?? null };

  if (!user) {
    await writeTx(db, ctx, async (w) => {
      await countFailure(w.tx, client, now);
      w.audit({ entityType: 'login', entityId: client, action: 'login.failed', reason: 'unknown username' });
    });
    throw new DomainError('INVALID_CREDENTIALS', 'username or password is wrong');
  }
  if (user.locked_until && user.locked_until > now) {
    throw new DomainError('ACCOUNT_LOCKED', `account locked until ${user.locked_until.toISOString()}`, {
      details: { lockedUntil: user.locked_until.toISOString() },
    });
  }
  if (!user.active) throw new DomainError('ACCOUNT_DISABLED', 'the account is disabled');

  if (!passwordOk) {
    const failures = user.failed_logins + 1;
    const lock = failures >= LOCKOUT.maxFailures ? new Date(now.getTime() + LOCKOUT.minutes * 60_000) : null;
    await writeTx(db, ctx, async (w) => {
      await w.tx.query('UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1', [user.id, lock ? 0 : failures, lock]);
      await countFailure(w.tx, client, now);
      w.audit({
        entityType: 'user',
        entityId: user.id,
        action: lock ? 'login.locked' : 'login.failed',
        changes: { failedLogins: { old: user.failed_logins, new: failures } },
      });
    });
    if (lock) {
      throw new DomainError('ACCOUNT_LOCKED', `too many failed logins; account locked until ${lock.toISOString()}`, {
        details: { lockedUntil: lock.toISOString() },
      });
    }
    throw new DomainError('INVALID_CREDENTIALS', 'username or password is wrong');
  }

  const sessionToken = newSecretToken('lls');
  const expiresAt = new Date(now.getTime() + input.sessionHours * 3_600_000);
  await writeTx(db, ctx, async (w) => {
    await w.tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    await w.tx.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
      hashToken(sessionToken),
      user.id,
      expiresAt,
    ]);
    w.audit({ entityType: 'user', entityId: user.id, action: 'login' });
  });
  return { sessionToken, expiresAt, user: { id: user.id, username: user.username, displayName: user.display_name } };
}

async function refuseThrottledClient(db: Database, client: string, now: Date): Promise<void> {
  const { rows } = await db.query<{ failures: number; window_start: Date }>(
    'SELECT failures, window_start FROM login_throttle WHERE client = $1', [client]);
  const row = rows[0];
  if (!row || row.failures < THROTTLE.maxFailures) return;
  const until = new Date(row.window_start.getTime() + THROTTLE.minutes * 60_000);
  if (until <= now) return;
  throw new DomainError('RATE_LIMITED', `too many failed logins from this address; try again after ${until.toISOString()}`, {
    details: { retryAfter: until.toISOString() },
  });
}

/** One more failure in the client's current window, or the first of a new window. */
async function countFailure(tx: Sql, client: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO login_throttle (client, window_start, failures) VALUES ($1, $2, 1)
     ON CONFLICT (client) DO UPDATE SET
       failures = CASE WHEN login_throttle.window_start > $2::timestamptz - make_interval(mins => $3) THEN login_throttle.failures + 1 ELSE 1 END,
       window_start = CASE WHEN login_throttle.window_start > $2::timestamptz - make_interval(mins => $3) THEN login_throttle.window_start ELSE $2 END`,
    [client, now, THROTTLE.minutes],
  );
}
