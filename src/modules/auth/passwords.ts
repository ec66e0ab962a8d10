import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../../platform/errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): about 20 ms here, slow enough for an attacker.
const PARAMS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, PARAMS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has: verifying against it costs the same time as a real user. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-never-valid'));

export const PASSWORD_POLICY = { minLength: 10, maxLength: 256 } as const;

/** At least 10 characters with letters and digits, and not the username. */
export function checkPasswordPolicy(password: string, username: string, field = 'password'): void {
  const fail = (why: string): never => {
    throw new DomainError('WEAK_PASSWORD', `${field}: ${why}`, { field });
  };
  if (password.length < PASSWORD_POLICY.minLength) fail(`must be at least ${PASSWORD_POLICY.minLength} characters`);
  if (password.length > PASSWORD_POLICY.maxLength) fail(`must be at most ${PASSWORD_POLICY.maxLength} characters`);
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) fail('must contain letters and digits');
  if (password.toLowerCase().includes(username.toLowerCase())) fail('must not contain the username');
}
