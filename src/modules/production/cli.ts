import type { Command } from 'commander';
import type { TObject } from 'typebox';
import { systemActor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { getLotGenealogy, type LotGenealogy } from './get-lot-genealogy.ts';
import { issueComponents } from './issue-components.ts';
import { IssueInput, OutputInput } from './production-schemas.ts';
import { releaseWorkOrder } from './release-work-order.ts';
import { reportOutput, type OutputView } from './report-output.ts';
import type { WorkOrderExecution } from './work-order-records.ts';

const actor = systemActor('cli');
const ctx = () => ({ today: shippingDates().today, now: new Date(), requestId: null });

function checked<T>(schema: TObject, body: Record<string, unknown>): T {
  const [error] = validateRow(schema, body);
  if (error) throw invalid(error.field, error.message);
  return body as T;
}

const describeWo = (wo: WorkOrderExecution): string =>
  [`${wo.number} ${wo.deviceCode} ${wo.qtyCompleted}/${wo.quantity} (${wo.status})`,
    ...wo.components.map((c) => `  ${c.deviceCode}: issued ${c.issued}/${c.required} / 已发料`)].join('\n');

const describeOutput = (o: OutputView): string =>
  `${describeWo(o.workOrder)}\n  lot ${o.lot.lotNumber} made ${o.lot.manufacturedOn}, expires ${o.lot.expiresOn} (${o.lot.status} / 待验)`;

const describeGenealogy = (g: LotGenealogy): string =>
  [`${g.lot.deviceCode} lot ${g.lot.lotNumber}`,
    'components / 组件批次:', ...g.components.map((c) => `  ${'  '.repeat(c.depth - 1)}${c.deviceCode} ${c.lotNumber} × ${c.quantity} (${c.workOrderNumber})`),
    'used in / 去向:', ...g.usedIn.map((c) => `  ${'  '.repeat(c.depth - 1)}${c.deviceCode} ${c.lotNumber} (${c.workOrderNumber})`)].join('\n');

/** `lotline wo release|issue|report` and `lotline lot genealogy`. */
export function registerProductionCommands(program: Command): void {
  const wo = program.command('wo').description('work-order execution / 工单执行');
  wo.command('release <woNumber>').description('release a planned work order').option('--json', 'machine-readable output')
    .action((number: string, o: { json?: boolean }) =>
      runCommand(o, () => withRuntime((rt) => releaseWorkOrder(rt.db, actor, number, null), { quiet: o.json }), describeWo));

  wo.command('issue <woNumber>')
    .description('issue a component lot to the work order: a scanned label (or --lot-id) from a bin')
    .requiredOption('--bin <binId>', 'the bin it is taken from')
    .option('--scan <scan>', 'the component’s GS1 label')
    .option('--lot-id <lotId>', 'the component lot, when not scanned')
    .requiredOption('--quantity <n>', 'units issued')
    .option('--json', 'machine-readable output')
    .action((number: string, o: { bin: string; scan?: string; lotId?: string; quantity: string; json?: boolean }) =>
      runCommand(o, async () => {
        const input = checked<IssueInput>(IssueInput, { lines: [{ binId: o.bin, quantity: Number(o.quantity), ...(o.scan ? { scan: o.scan } : {}), ...(o.lotId ? { lotId: o.lotId } : {}) }] });
        return withRuntime((rt) => issueComponents(rt.db, actor, number, input, ctx()), { quiet: o.json });
      }, describeWo));

  wo.command('report <woNumber>')
    .description('report units made as a new lot into quarantine')
    .requiredOption('--bin <binId>', 'the bin the units go into')
    .requiredOption('--lot <lotNumber>', 'the new lot number')
    .requiredOption('--quantity <n>', 'units made')
    .option('--manufactured <date>', 'manufacture date YYYY-MM-DD (default today)')
    .option('--json', 'machine-readable output')
    .action((number: string, o: { bin: string; lot: string; quantity: string; manufactured?: string; json?: boolean }) =>
      runCommand(o, async () => {
        const input = checked<OutputInput>(OutputInput, { binId: o.bin, lotNumber: o.lot, quantity: Number(o.quantity), ...(o.manufactured ? { manufacturedOn: o.manufactured } : {}) });
        return withRuntime((rt) => reportOutput(rt.db, actor, number, input, ctx()), { quiet: o.json });
      }, describeOutput));

  program.command('lot').description('one lot / 批次').command('genealogy <lotId>')
    .description('the device history record of a lot: component lots in it, and the lots it went into')
    .option('--json', 'machine-readable output')
    .action((lotId: string, o: { json?: boolean }) =>
      runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => getLotGenealogy(tx, lotId)), { quiet: o.json }), describeGenealogy));
}
