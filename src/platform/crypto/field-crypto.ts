import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '../errors.ts';

/**
 * AES-256-GCM for sensitive fields at rest. A ciphertext names the key that made it
 * (`enc:v1:<keyId>:<iv|tag|data>`), so keys can be rotated: the first key encrypts, every key
 * decrypts. The additional authenticated data binds a ciphertext to its table, column and row,
 * so it cannot be copied into another record and still decrypt.
 */
export interface FieldCrypto {
  readonly primaryKeyId: string;
  encrypt(plain: string, aad: string): string;
  decrypt(stored: string, aad: string): string;
  keyIdOf(stored: string): string | null;
}

const PREFIX = 'enc:v1:';

export function parseKeyring(text: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  // One key per line (a key file, where `#` starts a comment) or comma-separated (the variable).
  const entries = text.split('\n').filter((l) => !l.trim().startsWith('#')).flatMap((l) => l.split(','));
  for (const raw of entries) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/=_-]+)$/.exec(line);
    if (!m) throw new Error('encryption keys must be written as <keyId>:<base64 of 32 bytes>, one per line or comma-separated');
    const key = Buffer.from(m[2]!, 'base64');
    if (key.length !== 32) throw new Error(`encryption key ${m[1]} is ${key.length} bytes; AES-256 needs 32`);
    keys.set(m[1]!, key);
  }
  if (keys.size === 0) throw new Error('no encryption key given');
  return keys;
}

export const generateKeyLine = (keyId = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string =>
  `${keyId}:${randomBytes(32).toString('base64')}`;

export function createFieldCrypto(keys: Map<string, Buffer>): FieldCrypto {
  const [primaryKeyId, primaryKey] = [...keys.entries()][0]!;
  return {
    primaryKeyId,
    encrypt(plain, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', primaryKey, iv);
      cipher.setAAD(Buffer.from(aad));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${primaryKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
    },
    decrypt(stored, aad) {
      const keyId = this.keyIdOf(stored);
      const key = keyId ? keys.get(keyId) : undefined;
      if (!keyId || !key) {
        throw new DomainError('ENCRYPTION_KEY_MISSING', `no key ${keyId ?? '(unknown)'} to decrypt a sensitive field`);
      }
      const blob = Buffer.from(stored.slice(PREFIX.length + keyId.length + 1), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    },
    keyIdOf(stored) {
      if (!stored.startsWith(PREFIX)) return null;
      const end = stored.indexOf(':', PREFIX.length);
      return end < 0 ? null : stored.slice(PREFIX.length, end);
    },
  };
}
