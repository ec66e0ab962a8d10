import type { Command } from 'commander';
import { runCommand } from '../../platform/cli/run-command.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { checkDatabase, type CheckReport } from './check-database.ts';

const describe = (r: CheckReport): string =>
  [
    ...r.checks.map((c) => `${c.ok ? 'ok  ' : c.severity === 'warning' ? 'warn' : 'FAIL'} ${c.name}${c.ok ? '' : ` (${c.count})`} — ${c.description}`),
    r.ok ? 'all invariants hold' : 'INVARIANTS BREACHED',
  ].join('\n');

export function registerIntegrityCommands(program: Command): void {
  program
    .command('check')
    .description('verify the invariants of the data (ledger, allocations, shipped units, audit chain, outbox); exit 1 on a breach')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }) => {
      let report: CheckReport | undefined;
      await runCommand(o, async () => (report = await withRuntime((rt) => checkDatabase(rt.db), { quiet: o.json })), describe);
      // The report is printed either way; a breach is a failed operation (exit 1).
      if (report && !report.ok) process.exitCode = 1;
    });
}
