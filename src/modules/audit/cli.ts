import type { Command } from 'commander';
import { DomainError } from '../../platform/errors.ts';
import { progressPrinter, runCommand } from '../../platform/cli/run-command.ts';
import { verifyAuditChain } from '../../platform/audit/verify-audit-chain.ts';
import { withRuntime } from '../../commands/with-runtime.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('walk the hash chain; exit 1 naming the first broken record')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      runCommand(o, () =>
        withRuntime(async (rt) => {
          const verdict = await verifyAuditChain(rt.db, progressPrinter('records checked'));
          if (!verdict.ok) {
            throw new DomainError('AUDIT_CHAIN_BROKEN', `audit record ${verdict.brokenSeq} does not verify: ${verdict.reason}`, {
              details: verdict,
            });
          }
          return verdict;
        }, { quiet: o.json }),
      (v) => `audit chain verified: ${v.records} records, last hash ${v.lastHash}`),
    );
}
