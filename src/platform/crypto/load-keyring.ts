import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from './field-crypto.ts';

/**
 * Keys come from LOTLINE_ENCRYPTION_KEYS, or the file LOTLINE_KEY_FILE, never from the repository.
 * With neither, a key file is made once in the data directory (fine for a trial; production
 * deployments give their own key so the database and its key are not kept together).
 */
export function loadFieldCrypto(config: Config, warn: (msg: string) => void = () => {}): FieldCrypto {
  if (config.encryptionKeys) return createFieldCrypto(parseKeyring(config.encryptionKeys));
  const file = config.encryptionKeyFile ?? path.join(config.dataDir, 'lotline.keys');
  if (!fs.existsSync(file)) {
    if (config.encryptionKeyFile) throw new Error(`LOTLINE_KEY_FILE ${file} does not exist`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `# Lotline field encryption keys: the first line encrypts, all decrypt.\n${generateKeyLine()}\n`, {
      mode: 0o600,
    });
    warn(`created an encryption key in ${file}; keep a copy of it, or set LOTLINE_ENCRYPTION_KEYS / LOTLINE_KEY_FILE`);
  }
  return createFieldCrypto(parseKeyring(fs.readFileSync(file, 'utf8')));
}
