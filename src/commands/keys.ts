import type { Command } from 'commander';
import { generateKeyLine } from '../platform/crypto/field-crypto.ts';
import { rotateKeys } from '../platform/crypto/rotate-keys.ts';
import { progressPrinter, runCommand } from '../platform/cli/run-command.ts';
import { SENSITIVE_COLUMNS } from '../runtime.ts';
import { withRuntime } from './with-runtime.ts';

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('encryption keys of sensitive fields');
  keys
    .command('generate')
    .description('print a new key line (<keyId>:<base64>) to put first in LOTLINE_ENCRYPTION_KEYS or the key file')
    .option('--id <keyId>', 'the key id')
    .option('--json', 'machine-readable output')
    .action((o: { id?: string; json?: boolean }) =>
      runCommand(o, async () => ({ key: generateKeyLine(o.id) }), (r) => r.key),
    );
  keys
    .command('rotate')
    .description('re-encrypt every sensitive field with the first (primary) key')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      runCommand(o, () =>
        withRuntime((rt) => rotateKeys(rt.db, rt.crypto, SENSITIVE_COLUMNS, progressPrinter('re-encrypted')), { quiet: o.json }),
      (r) => `re-encrypted ${r.reencrypted} value(s) with the primary key`),
    );
}
