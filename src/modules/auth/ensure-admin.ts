import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { createUser } from './create-user.ts';

/**
 * First start on an empty database: create `admin` with LOTLINE_ADMIN_PASSWORD, or a random
 * password returned so the caller prints it once. Returns null when users already exist.
 */
export async function ensureAdmin(db: Database, configured: string | undefined): Promise<{ password: string; generated: boolean } | null> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (rows[0]!.n > 0) return null;
  const password = configured ?? `Ll-${randomBytes(9).toString('base64url')}7`;
  await createUser(db, systemActor('first-start'), {
    username: 'admin',
    displayName: 'Administrator',
    password,
    roles: ['admin'],
    locale: 'zh-CN',
  });
  return { password, generated: configured === undefined };
}
