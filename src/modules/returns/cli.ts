import type { Command } from 'commander';
import { invalid } from '../../platform/errors.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { localToday } from '../orders/business-day.ts';
import { checked, cliActor, cliWrite } from './cli-helpers.ts';
import { registerComplaintCommands } from './complaint-cli.ts';
import { cancelReturn } from './cancel-return.ts';
import { createReturn } from './create-return.ts';
import { disposeReturnLine } from './dispose-return-line.ts';
import { getReturn, type ReturnView } from './get-return.ts';
import { receiveReturn } from './receive-return.ts';
import { registerRepairCommands } from './repair-cli.ts';
import { resolveBin } from './resolve-bin.ts';
import { CancelInput, DispositionInput, ReturnInput, ReturnReceiptInput } from './return-schemas.ts';

const int = (v: string | undefined) => (v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v);
const describeReturn = (r: ReturnView): string =>
  [`${r.number} (${r.status}) shipment ${r.shipmentNumber}, customer ${r.customerCode}`,
    ...r.lines.map((l) => `  line ${l.lineNo} [${l.id}] ${l.deviceCode} lot ${l.lotNumber}${l.serial ? ` serial ${l.serial}` : ''}: ${l.quantity} (${l.reason}), received ${l.qtyReceived}, decided ${l.qtyDisposed}`)].join('\n');

interface CreateOptions { shipment: string; device?: string; lot?: string; serial?: string; quantity?: string; reason?: string; lines?: string; notes?: string; json?: boolean }

function linesOf(o: CreateOptions): unknown[] {
  if (o.lines !== undefined) {
    try {
      return JSON.parse(o.lines) as unknown[];
    } catch {
      throw invalid('lines', 'must be a JSON array of {deviceId, lotNumber, serial?, quantity, reason}');
    }
  }
  return [{ deviceId: o.device, lotNumber: o.lot, ...(o.serial ? { serial: o.serial } : {}), quantity: int(o.quantity ?? '1'), reason: o.reason }];
}

/** `lotline return …`, `lotline complaint …`, `lotline repair …`. */
export function registerReturnCommands(program: Command): void {
  const ret = program.command('return').description('return authorisations (RMA): create, receive by scan, dispose, show, cancel');
  ret.command('create')
    .description('authorise a return against a shipment: one line (--device --lot [--serial] --quantity --reason) or --lines <json>')
    .requiredOption('--shipment <shipmentId>', 'the shipment the goods left with')
    .option('--device <deviceId>', 'device returned').option('--lot <lot>', 'lot number').option('--serial <serial>', 'serial (serial-tracked devices)')
    .option('--quantity <n>', 'units returned (default 1)').option('--reason <reason>', 'damaged, wrong_item, expired, complaint or recall')
    .option('--lines <json>', 'several lines as a JSON array').option('--notes <text>', 'comment').option('--json', 'machine-readable output')
    .action((o: CreateOptions) => runCommand(o, async () => {
      const input = checked<ReturnInput>(ReturnInput, { shipmentId: o.shipment, lines: linesOf(o), ...(o.notes ? { notes: o.notes } : {}) });
      return cliWrite(o.json, (w) => createReturn(w, input, localToday()));
    }, describeReturn));

  ret.command('receive <rmaId> <scan>')
    .description('receive returned units by their UDI scan into a returns or quarantine bin (GS as <GS>)')
    .requiredOption('--bin <bin>', 'bin id, code, or WAREHOUSE/BIN').option('--quantity <n>', 'packages of the scanned level (default 1)').option('--json', 'machine-readable output')
    .action((rmaId: string, scan: string, o: { bin: string; quantity?: string; json?: boolean }) => runCommand(o, async () =>
      cliWrite(o.json, async (w) => {
        const binId = await resolveBin(w.tx, o.bin, 'binId');
        return receiveReturn(w, rmaId, checked<ReturnReceiptInput>(ReturnReceiptInput, { scan, binId, ...(o.quantity ? { quantity: int(o.quantity) } : {}) }));
      }), (r) => `${r.number}: received ${r.received.reduce((n, p) => n + p.quantity, 0)} unit(s) into ${r.bin.code} (${r.bin.zoneType}); ${r.status}`));

  ret.command('dispose <rmaLineId>')
    .description('inspection and disposition of received units of an RMA line')
    .requiredOption('--as <disposition>', 'restock, quarantine, scrap, return_to_supplier or repair')
    .option('--condition <condition>', 'sound, damaged or unknown (default unknown)')
    .option('--to-bin <bin>', 'destination bin (restock, quarantine)').option('--quantity <n>', 'units (default: all awaiting a decision)')
    .option('--supplier <partyId>', 'supplier (return_to_supplier)').option('--note <text>', 'inspection note').option('--json', 'machine-readable output')
    .action((lineId: string, o: { as: string; condition?: string; toBin?: string; quantity?: string; supplier?: string; note?: string; json?: boolean }) => runCommand(o, async () =>
      cliWrite(o.json, async (w) => {
        const toBinId = o.toBin === undefined ? undefined : await resolveBin(w.tx, o.toBin, 'toBinId');
        const input = checked<DispositionInput>(DispositionInput, {
          as: o.as, condition: o.condition ?? 'unknown', ...(toBinId ? { toBinId } : {}), ...(o.quantity ? { quantity: int(o.quantity) } : {}),
          ...(o.supplier ? { supplierId: o.supplier } : {}), ...(o.note ? { note: o.note } : {}),
        });
        return disposeReturnLine(w, lineId, input, localToday());
      }), (r) => `${r.rmaNumber} line ${r.lineNo}: ${r.quantity} unit(s) ${r.disposition}${r.toBin ? ` to ${r.toBin.code}` : ''}${r.repair ? ` (repair ${r.repair.number})` : ''}; RMA ${r.rmaStatus}`));

  ret.command('show <rmaId>').description('an RMA with its lines').option('--json', 'machine-readable output')
    .action((id: string, o: { json?: boolean }) => runCommand(o, () => withRuntime((rt) => readTx(rt.db, (tx) => getReturn(tx, cliActor, id)), { quiet: o.json }), describeReturn));

  ret.command('cancel <rmaId>').description('cancel an RMA nothing of which was received').requiredOption('--reason <text>', 'why').option('--json', 'machine-readable output')
    .action((id: string, o: { reason: string; json?: boolean }) => runCommand(o, async () => {
      const { reason } = checked<{ reason: string }>(CancelInput, { reason: o.reason });
      return cliWrite(o.json, (w) => cancelReturn(w, id, reason));
    }, describeReturn));

  registerComplaintCommands(program);
  registerRepairCommands(program);
}
