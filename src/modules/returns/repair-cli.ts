import type { Command } from 'commander';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { localToday } from '../orders/business-day.ts';
import { checked, cliWrite } from './cli-helpers.ts';
import { getRepair, type RepairView } from './get-repair.ts';
import { diagnoseRepair, issueRepairPart, recordRepairResult } from './repair-steps.ts';
import { resolveBin } from './resolve-bin.ts';
import { RepairDiagnosisInput, RepairPartInput, RepairResultInput, RepairShipInput } from './return-schemas.ts';
import { shipRepair } from './ship-repair.ts';

const describeRepair = (r: RepairView): string =>
  `${r.number} (${r.status}) serial ${r.serial}, RMA ${r.rmaNumber}${r.diagnosis ? `; ${r.diagnosis}` : ''}${r.parts.length ? `; ${r.parts.length} part(s)` : ''}${r.returnShipmentNumber ? `; sent back ${r.returnShipmentNumber}` : ''}`;

/** `lotline repair show|diagnose|part|result|ship`. */
export function registerRepairCommands(program: Command): void {
  const cmd = program.command('repair').description('repairs of returned serial units');
  cmd.command('show <repairId>').option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => getRepair(tx, id)), { quiet: o.json }), describeRepair));
  cmd.command('diagnose <repairId>').requiredOption('--diagnosis <text>', 'what is wrong').option('--json', 'machine-readable output')
    .action((id: string, o: { diagnosis: string; json?: boolean }) => runCommand(o, async () => {
      const { diagnosis } = checked<{ diagnosis: string }>(RepairDiagnosisInput, { diagnosis: o.diagnosis });
      return cliWrite(o.json, (w) => diagnoseRepair(w, id, diagnosis));
    }, describeRepair));
  cmd.command('part <repairId>').description('issue a part from stock into the repair')
    .requiredOption('--lot <lotId>', 'lot of the part').requiredOption('--bin <bin>', 'bin id, code or WAREHOUSE/BIN').requiredOption('--quantity <n>', 'units')
    .option('--json', 'machine-readable output')
    .action((id: string, o: { lot: string; bin: string; quantity: string; json?: boolean }) => runCommand(o, async () =>
      cliWrite(o.json, async (w) => {
        const binId = await resolveBin(w.tx, o.bin, 'binId');
        return issueRepairPart(w, id, checked(RepairPartInput, { lotId: o.lot, binId, quantity: /^\d+$/.test(o.quantity) ? Number(o.quantity) : o.quantity }), localToday());
      }), describeRepair));
  cmd.command('result <repairId>').requiredOption('--as <result>', 'repaired or beyond_repair').option('--note <text>', 'what was done').option('--json', 'machine-readable output')
    .action((id: string, o: { as: string; note?: string; json?: boolean }) => runCommand(o, async () => {
      const input = checked<RepairResultInput>(RepairResultInput, { result: o.as, ...(o.note ? { note: o.note } : {}) });
      return cliWrite(o.json, (w) => recordRepairResult(w, id, input));
    }, describeRepair));
  cmd.command('ship <repairId>').description('send the repaired unit back to the customer')
    .requiredOption('--carrier <carrier>', 'carrier').requiredOption('--tracking <number>', 'tracking number').option('--json', 'machine-readable output')
    .action((id: string, o: { carrier: string; tracking: string; json?: boolean }) => runCommand(o, async () => {
      const input = checked<RepairShipInput>(RepairShipInput, { carrier: o.carrier, trackingNumber: o.tracking });
      return cliWrite(o.json, (w) => shipRepair(w, id, input, localToday()));
    }, describeRepair));
}
