import type { Command } from 'commander';
import { runCommand } from '../../platform/cli/run-command.ts';
import { invalid } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';
import { computeKpi } from './compute-kpi.ts';
import { describeKpi } from './describe-kpi.ts';
import { kpiRequest } from './kpi-request.ts';
import { KpiParams, KpiQuery, type KpiQueryInput } from './kpi-schemas.ts';
import type { KpiName } from './kpi-types.ts';

interface KpiOptions {
  from?: string;
  to?: string;
  groupBy?: string;
  customer?: string;
  channel?: string;
  days?: string;
  json?: boolean;
}

/** The API's query rules on the CLI's options: bad input exits 2 with the field named. */
function checked(name: string, o: KpiOptions): KpiQueryInput {
  const [nameError] = validateRow(KpiParams, { name });
  if (nameError) throw invalid('name', nameError.message);
  const days = o.days === undefined ? undefined : /^-?\d+$/.test(o.days) ? Number(o.days) : o.days;
  const query = Object.fromEntries(Object.entries({ from: o.from, to: o.to, groupBy: o.groupBy, customerId: o.customer, channel: o.channel, days })
    .filter(([, v]) => v !== undefined));
  const [error] = validateRow(KpiQuery, query);
  if (error) throw invalid(error.field, error.message);
  return query as KpiQueryInput;
}

/** `lotline kpi <name> --from --to [--group-by] [--customer] [--channel] [--days] --json`. */
export function registerKpiCommands(program: Command): void {
  program.command('kpi <name>').description('one KPI for a period, with its formula and counts / 关键指标')
    .option('--from <date>', 'first day of the period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the period (YYYY-MM-DD)')
    .option('--group-by <period>', 'day, week or month')
    .option('--customer <id>', 'only this customer')
    .option('--channel <channel>', 'only this order channel')
    .option('--days <n>', 'look-ahead days (orders-at-risk)')
    .option('--json', 'machine-readable output')
    .action((name: string, o: KpiOptions) => runCommand(o, async () => {
      const now = new Date();
      const q = kpiRequest(checked(name, o), now);
      return withRuntime((rt) => readTx(rt.db, (tx) => computeKpi(tx, name as KpiName, q, now)), { quiet: o.json });
    }, describeKpi));
}
