import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { readStdin, runCommand } from '../../platform/cli/run-command.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';
import { ReceiptInput } from './inventory-schemas.ts';
import { markExpiredLots, type ExpiryRun } from './mark-expired-lots.ts';
import { receiveStockIn, type ReceiptView } from './receive-stock.ts';
import { shippingDates } from './shipping-clock.ts';

interface ReceiveOptions {
  bin: string;
  reason?: string;
  supplier?: string;
  reference?: string;
  scan?: string[];
  device?: string;
  lot?: string;
  expiry?: string;
  manufactured?: string;
  quantity?: string;
  serial?: string[];
  json?: boolean;
}

/** The receipt the options describe: scans (given, or one per line on stdin) or one typed line. */
async function receiptFrom(o: ReceiveOptions): Promise<ReceiptInput> {
  const head = { binId: o.bin, ...(o.reason ? { reason: o.reason } : {}), ...(o.supplier ? { supplierId: o.supplier } : {}), ...(o.reference ? { reference: o.reference } : {}) };
  const body: Record<string, unknown> = o.device
    ? { ...head, lines: [{ deviceId: o.device, lotNumber: o.lot, expiresOn: o.expiry, quantity: Number(o.quantity), ...(o.manufactured ? { manufacturedOn: o.manufactured } : {}), ...(o.serial ? { serials: o.serial } : {}) }] }
    : { ...head, scans: o.scan ?? (await readStdin()).split(/\r?\n/).filter((l) => l.trim() !== '') };
  const [error] = validateRow(ReceiptInput, body);
  if (error) throw invalid(error.field, error.message);
  return body as ReceiptInput;
}

const describeReceipt = (r: ReceiptView): string =>
  [`${r.number}: received into ${r.bin.warehouseCode}/${r.bin.binCode} (${r.bin.zoneType})`,
    ...r.lines.map((l) => `  ${l.deviceCode} lot ${l.lotNumber} exp ${l.expiresOn}: ${l.quantity} (${l.lotStatus})`)].join('\n');

const describeExpiry = (r: ExpiryRun): string =>
  `${r.today}: ${r.expired.length} lot(s) expired${r.expired.length ? ` (${r.expired.map((l) => l.lotNumber).join(', ')})` : ''}, ` +
  `${r.releasedUnits} allocated unit(s) released, ${r.reallocations.length} order(s) re-allocated`;

/** `lotline receive …` and `lotline lots expire`. */
export function registerInventoryCommands(program: Command): void {
  program
    .command('receive')
    .description('receive goods into a bin: scans (--scan, or one per line on stdin) or one typed lot (--device --lot --expiry --quantity)')
    .requiredOption('--bin <binId>', 'the bin the goods go into')
    .option('--reason <reason>', 'purchase (default), production or opening (opening stock lands released)')
    .option('--supplier <partyId>', 'the supplier')
    .option('--reference <ref>', 'delivery note or purchase order number')
    .option('--scan <scan...>', 'GS1 labels as scanned (GS as <GS>)')
    .option('--device <deviceId>', 'the device of a typed lot')
    .option('--lot <lot>', 'lot number')
    .option('--expiry <date>', 'expiry date YYYY-MM-DD')
    .option('--manufactured <date>', 'manufacture date YYYY-MM-DD')
    .option('--quantity <n>', 'units received')
    .option('--serial <serial...>', 'serials of a serial-tracked device, one per unit')
    .option('--json', 'machine-readable output')
    .action((o: ReceiveOptions) =>
      runCommand(o, async () => {
        const input = await receiptFrom(o);
        return withRuntime((rt) => writeTx(rt.db, { actor: systemActor('cli') }, (w) => receiveStockIn(w, input, { today: shippingDates().today, now: new Date() })), { quiet: o.json });
      }, describeReceipt));

  program
    .command('lots')
    .description('lots: the daily expiry run')
    .command('expire')
    .description('mark lots past their expiry date expired and re-allocate what they held (safe to run concurrently)')
    .option('--today <date>', 'run as of this date (default: the business day)')
    .option('--json', 'machine-readable output')
    .action((o: { today?: string; json?: boolean }) =>
      runCommand(o, async () => {
        if (o.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw invalid('today', 'must be a date YYYY-MM-DD');
        const dates = shippingDates();
        const today = o.today ?? dates.today;
        return withRuntime((rt) => markExpiredLots(rt.db, today, { earliestShipDate: today > dates.earliestShipDate ? today : dates.earliestShipDate }), { quiet: o.json });
      }, describeExpiry));
}
