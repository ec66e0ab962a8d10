import type { Command } from 'commander';
import type { TObject } from 'typebox';
import { systemActor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { readStdin, runCommand } from '../../platform/cli/run-command.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { changePurchaseOrderStatus } from './change-purchase-order-status.ts';
import { createPurchaseOrder } from './create-purchase-order.ts';
import type { PurchaseOrderView } from './purchase-order-records.ts';
import { PoReceiptInput, PurchaseOrderInput } from './purchasing-schemas.ts';
import { receivePurchaseOrder, type PoReceiptView } from './receive-purchase-order.ts';

const actor = systemActor('cli');

function checked<T>(schema: TObject, body: Record<string, unknown>): T {
  const [error] = validateRow(schema, body);
  if (error) throw invalid(error.field, error.message);
  return body as T;
}

/** `--line <deviceId>:<quantity>:<unitPriceMinor>:<expectedDate>` as a purchase order line. */
function parseLine(text: string, i: number): Record<string, unknown> {
  const [deviceId, quantity, price, expectedDate, ...rest] = text.split(':');
  if (rest.length || expectedDate === undefined) throw invalid(`lines.${i}`, 'write a line as <deviceId>:<quantity>:<unitPriceMinor>:<YYYY-MM-DD>');
  return { deviceId, quantity: Number(quantity), unitPriceMinor: Number(price), expectedDate };
}

const describePo = (po: PurchaseOrderView): string =>
  [`${po.number} (${po.status}) ${po.supplierCode} ${po.currency} ${(po.totalMinor / 100).toFixed(2)}`,
    ...po.lines.map((l) => `  ${l.lineNo}. ${l.deviceCode} ${l.qtyReceived}/${l.quantity} expected ${l.expectedDate}`)].join('\n');

const describeReceipt = (r: PoReceiptView): string =>
  [describePo(r.purchaseOrder), ...r.receipts.map((x) => `  ${x.number} → ${x.bin.warehouseCode}/${x.bin.binCode}`),
    ...r.inspections.map((i) => `  inspect lot ${i.lotNumber}: sample ${i.sampleSize} of ${i.receivedQuantity}, accept ≤ ${i.acceptNumber} defects / 抽样 ${i.sampleSize}，Ac ${i.acceptNumber}`)].join('\n');

interface ReceiveOptions { bin: string; reference?: string; scan?: string[]; device?: string; lot?: string; expiry?: string; quantity?: string; json?: boolean }

async function receiptFrom(o: ReceiveOptions): Promise<PoReceiptInput> {
  const head = { binId: o.bin, ...(o.reference ? { reference: o.reference } : {}) };
  const lines = o.device
    ? [{ deviceId: o.device, lotNumber: o.lot, expiresOn: o.expiry, quantity: Number(o.quantity) }]
    : (o.scan ?? (await readStdin()).split(/\r?\n/).filter((l) => l.trim() !== '')).map((scan) => ({ scan }));
  return checked<PoReceiptInput>(PoReceiptInput, { ...head, lines });
}

/** `lotline po create|approve|send|receive`. */
export function registerPurchasingCommands(program: Command): void {
  const po = program.command('po').description('purchase orders / 采购订单');
  po.command('create')
    .description('a draft purchase order to a qualified supplier')
    .requiredOption('--supplier <partyId>', 'the supplier')
    .requiredOption('--line <line...>', 'order lines <deviceId>:<quantity>:<unitPriceMinor>:<expectedDate>')
    .option('--currency <code>', 'ISO currency (default: the supplier’s)')
    .option('--json', 'machine-readable output')
    .action((o: { supplier: string; line: string[]; currency?: string; json?: boolean }) =>
      runCommand(o, async () => {
        const input = checked<PurchaseOrderInput>(PurchaseOrderInput, { supplierId: o.supplier, lines: o.line.map(parseLine), ...(o.currency ? { currency: o.currency } : {}) });
        return withRuntime((rt) => createPurchaseOrder(rt.db, actor, input, { today: shippingDates().today, requestId: null }), { quiet: o.json });
      }, describePo));

  for (const action of ['approve', 'send'] as const) {
    po.command(`${action} <poNumber>`)
      .description(action === 'approve' ? 'approve a draft (the supplier is checked again)' : 'mark an approved order sent to the supplier')
      .option('--json', 'machine-readable output')
      .action((number: string, o: { json?: boolean }) =>
        runCommand(o, () => withRuntime((rt) => changePurchaseOrderStatus(rt.db, actor, number, action, {}, { today: shippingDates().today, requestId: null }), { quiet: o.json }), describePo));
  }

  po.command('receive <poNumber>')
    .description('receive goods against the order into quarantine: scans (--scan, or one per line on stdin; one package each) or one typed lot')
    .requiredOption('--bin <binId>', 'the bin the goods go into')
    .option('--reference <ref>', 'the supplier’s delivery note')
    .option('--scan <scan...>', 'GS1 labels as scanned (GS as <GS>)')
    .option('--device <deviceId>', 'the device of a typed lot')
    .option('--lot <lot>', 'lot number')
    .option('--expiry <date>', 'expiry date YYYY-MM-DD')
    .option('--quantity <n>', 'units received')
    .option('--json', 'machine-readable output')
    .action((number: string, o: ReceiveOptions) =>
      runCommand(o, async () => {
        const input = await receiptFrom(o);
        return withRuntime((rt) => writeTx(rt.db, { actor }, (w) => receivePurchaseOrder(w, number, input, { today: shippingDates().today, now: new Date() })), { quiet: o.json });
      }, describeReceipt));
}
