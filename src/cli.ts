import { Command, CommanderError } from 'commander';
import { isDomainError } from './platform/errors.ts';
import { exitCodeFor } from './platform/cli/run-command.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerBackupCommands, registerDatabaseCommands } from './commands/database.ts';
import { registerKeyCommands } from './commands/keys.ts';
import { registerAuditCommands } from './modules/audit/cli.ts';
import { registerAuthCommands } from './modules/auth/cli.ts';
import { registerUdiCommands } from './modules/udi/cli.ts';
import { registerEdiCommands } from './modules/edi/cli.ts';
import { registerRuleCommands } from './modules/rules/cli.ts';
import { registerEdiIntakeCommands } from './modules/edi-intake/cli.ts';
import { registerLabelCommands } from './modules/labels/cli.ts';
import { registerForecastCommands } from './modules/forecasts/cli.ts';
import { registerApprovalCommands } from './modules/approvals/cli.ts';
import { registerInventoryCommands } from './modules/inventory/cli.ts';
import { registerImportCommands } from './modules/imports/cli.ts';
import { registerShippingDocCommands } from './modules/shipping-docs/cli.ts';
import { registerTraceCommands } from './modules/trace/cli.ts';
import { registerIntegrityCommands } from './modules/integrity/cli.ts';
import { registerPlanningCommands } from './modules/planning/cli.ts';
import { registerPurchasingCommands } from './modules/purchasing/cli.ts';
import { registerProductionCommands } from './modules/production/cli.ts';
import { registerFinanceCommands } from './modules/finance/cli.ts';
import { registerFulfillmentCommands } from './modules/fulfillment/cli.ts';
import { registerReturnCommands } from './modules/returns/cli.ts';
import { registerKpiCommands } from './modules/kpi/cli.ts';

/** `lotline …`: every command of every module, with `--json` output and exit codes 0 / 1 / 2. */
export function buildCli(): Command {
  const program = new Command('lotline')
    .description('Lotline — order management for medical-device makers and distributors')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });
  registerServeCommands(program);
  registerDatabaseCommands(program);
  registerBackupCommands(program);
  registerKeyCommands(program);
  registerAuditCommands(program);
  registerAuthCommands(program);
  registerUdiCommands(program);
  registerEdiCommands(program);
  registerRuleCommands(program);
  registerEdiIntakeCommands(program);
  registerLabelCommands(program);
  registerForecastCommands(program);
  registerApprovalCommands(program);
  registerInventoryCommands(program);
  registerImportCommands(program);
  registerShippingDocCommands(program);
  registerTraceCommands(program);
  registerIntegrityCommands(program);
  registerPlanningCommands(program);
  registerPurchasingCommands(program);
  registerProductionCommands(program);
  registerFinanceCommands(program);
  registerFulfillmentCommands(program);
  registerReturnCommands(program);
  registerKpiCommands(program);
  return program;
}

try {
  await buildCli().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end "with an error" of code 0; bad arguments are invalid input (2).
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (isDomainError(e)) {
    process.stderr.write(`error ${e.code}: ${e.message}\n`);
    process.exitCode = exitCodeFor(e);
  } else {
    console.error(e);
    process.exitCode = 1;
  }
}
