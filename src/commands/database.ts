import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openRuntime } from '../runtime.ts';
import { runCommand } from '../platform/cli/run-command.ts';
import { migrate } from '../db/migrate.ts';
import { withRuntime } from './with-runtime.ts';
import { seedDemo } from '../seed/seed-demo.ts';

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
