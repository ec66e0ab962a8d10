import { describe, expect, it } from 'vitest';
import { createFieldCrypto, generateKeyLine, parseKeyring } from './field-crypto.ts';

describe('keyring', () => {
  it('reads a key file whose comment holds a comma (as the generated one does)', () => {
    const key = generateKeyLine('k1');
    const ring = parseKeyring(`# Lotline field encryption keys: the first line encrypts, all decrypt.\n${key}\n`);
    expect([...ring.keys()]).toEqual(['k1']);
  });

  it('reads comma-separated keys, the first one encrypting', () => {
    const ring = parseKeyring(`${generateKeyLine('new')},${generateKeyLine('old')}`);
    expect(createFieldCrypto(ring).primaryKeyId).toBe('new');
  });

  it('refuses a malformed or short key', () => {
    expect(() => parseKeyring('k1:not base64 at all')).toThrow(/keyId/);
    expect(() => parseKeyring(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32/);
    expect(() => parseKeyring('# only a comment')).toThrow(/no encryption key/);
  });

  it('encrypts so that only the same field of the same record decrypts', () => {
    const c = createFieldCrypto(parseKeyring(generateKeyLine('k1')));
    const stored = c.encrypt('王小明', 'party_contacts.name_enc:1');
    expect(stored).toMatch(/^enc:v1:k1:/);
    expect(c.decrypt(stored, 'party_contacts.name_enc:1')).toBe('王小明');
    expect(() => c.decrypt(stored, 'party_contacts.name_enc:2')).toThrow();
  });
});
