import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openRuntime } from '../runtime.ts';
import { runCommand } from '../platform/cli/run-command.ts';
import { migrate } from '../db/migrate.ts';
import { withRuntime } from './with-runtime.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { backupDatabase, restoreDatabase } from '../db/backup.ts';
import { checkDatabase } from '../modules/integrity/check-database.ts';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      runCommand(o, async () => {
        const rt = await openRuntime(loadConfig(), { warn: (m) => process.stderr.write(`${m}\n`) }, { migrate: false });
        try {
          return await migrate(rt.db, (m) => process.stderr.write(`applied ${m.version}_${m.name}\n`));
        } finally {
          await rt.close();
        }
      }, (r) => (r.applied.length ? `applied ${r.applied.length} migration(s)` : 'database is up to date')),
    );

  program
    .command('seed')
    .description('fill the database with data')
    .requiredOption('--demo', 'the demo data set (devices, customers with licences, price lists, warehouses, users)')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      runCommand(o, () => withRuntime((rt) => seedDemo(rt)), (r) => `demo data: ${JSON.stringify(r)}`),
    );
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('back up the database: pg_dump archive (PostgreSQL) or a consistent copy (embedded; stop the server first)')
    .option('--force', 'overwrite the file if it exists')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { json?: boolean; force?: boolean }) =>
      runCommand(o, () => backupDatabase(loadConfig(), file, { force: o.force }), (r) => `backed up to ${r.file} (${r.format}, ${r.bytes} bytes); encryption keys are not in it — keep them apart`),
    );

  program
    .command('restore <file>')
    .description('restore a backup into an empty database, migrate it forward and check its invariants')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { json?: boolean }) => {
      let ok = true;
      await runCommand(o, async () => {
        const restored = await restoreDatabase(loadConfig(), file);
        const check = await withRuntime((rt) => checkDatabase(rt.db), { quiet: o.json });
        ok = check.ok;
        return { ...restored, check };
      }, (r) => `restored ${r.file} (${r.format}); invariants ${r.check.ok ? 'hold' : 'BREACHED: run lotline check'}`);
      if (!ok) process.exitCode = 1;
    });
}
