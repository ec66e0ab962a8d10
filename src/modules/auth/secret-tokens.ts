import { createHash, randomBytes } from 'node:crypto';

/** Session ids and API tokens: 256 random bits; only their SHA-256 is stored. */
export const newSecretToken = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
