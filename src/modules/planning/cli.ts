import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { localToday } from '../orders/business-day.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { runPlanning, type PlanningRunSummary } from './run-planning.ts';
import { runSchedule, type ScheduleOutcome } from './run-schedule.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function days(value: string | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 730) throw invalid(field, 'must be a whole number of days from 1 to 730');
  return n;
}

const describeRun = (r: PlanningRunSummary | null): string =>
  r === null ? 'a planning run was already in progress' :
    `planning run ${r.runId}: ${r.demands} demand(s), ${r.plannedOrders.make} make and ${r.plannedOrders.buy} buy order(s) planned, ` +
    `${r.superseded} superseded; exceptions ${JSON.stringify(r.exceptions)}`;

const describeSchedule = (r: ScheduleOutcome): string =>
  [`schedule ${r.scheduleRunId} from ${r.startDate}: ${r.workOrders.length} work order(s), ${r.lateWorkOrders.length} late, ${r.repromisedOrders} order(s) re-promised`,
    ...r.lateWorkOrders.map((n) => `  late: ${n}`),
    ...r.latePromises.map((l) => `  promise past request: ${l.orderNumber} line ${l.lineNo} ${l.promisedDate} > ${l.requestedDate}`)].join('\n');

/** `lotline plan run` and `lotline plan schedule`. */
export function registerPlanningCommands(program: Command): void {
  const plan = program.command('plan').description('material planning and finite-capacity scheduling');
  plan
    .command('run')
    .description('run material planning now: planned make/buy orders pegged to demand, and exception messages')
    .option('--horizon <days>', 'days of demand to plan (default 180)')
    .option('--json', 'machine-readable output')
    .action((o: { horizon?: string; json?: boolean }) =>
      runCommand(o, async () => {
        const horizonDays = days(o.horizon, 'horizon', 180);
        return withRuntime((rt) => runPlanning(rt.db, systemActor('cli'), { today: localToday(), horizonDays, trigger: 'manual' }), { quiet: o.json });
      }, describeRun));
  plan
    .command('schedule')
    .description('schedule open work orders on the work centres within their capacity, and re-promise the orders they serve')
    .option('--start <date>', 'first day to schedule (default today)')
    .option('--horizon <days>', 'days an operation may be placed in (default 365)')
    .option('--json', 'machine-readable output')
    .action((o: { start?: string; horizon?: string; json?: boolean }) =>
      runCommand(o, async () => {
        if (o.start !== undefined && !DATE.test(o.start)) throw invalid('start', 'must be a date YYYY-MM-DD');
        const horizonDays = days(o.horizon, 'horizon', 365);
        const dates = shippingDates();
        return withRuntime((rt) => runSchedule(rt.db, systemActor('cli'), { startDate: o.start ?? dates.today, horizonDays, earliestShipDate: dates.earliestShipDate }), { quiet: o.json });
      }, describeSchedule));
}
