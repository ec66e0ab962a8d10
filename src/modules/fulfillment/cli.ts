import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.ts';
import { DomainError, invalid, isDomainError } from '../../platform/errors.ts';
import { exitCodeFor, readStdin, runCommand } from '../../platform/cli/run-command.ts';
import { isUuid } from '../../platform/ids.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { shippingDates } from '../inventory/shipping-clock.ts';
import { confirmDelivery } from './confirm-delivery.ts';
import { createPickList } from './create-pick-list.ts';
import { packPackage } from './pack-package.ts';
import { scanPick, type AcceptedScan } from './scan-pick.ts';
import { scanPickBatch } from './scan-pick-batch.ts';
import { pickLanguage } from './scan-messages.ts';
import { shipOrder } from './ship-order.ts';

const actor = systemActor('cli');

function id(field: string, value: string): string {
  if (!isUuid(value)) throw invalid(field, `"${value}" is not an id (UUID)`);
  return value;
}

function positive(field: string, value: string | undefined, required = true): number | undefined {
  if (value === undefined && !required) return undefined;
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n <= 0) throw invalid(field, 'must be a positive whole number');
  return n;
}

/** An error as runCommand prints it; the first error of a run sets the exit code. */
function printError(e: unknown, json: boolean, text: NodeJS.WritableStream = process.stderr): void {
  const de = isDomainError(e) ? e : new DomainError('INTERNAL', e instanceof Error ? e.message : String(e));
  if (json) process.stdout.write(`${JSON.stringify(de.toBody())}\n`);
  else text.write(`error ${de.code}: ${de.message}\n`);
  process.exitCode ??= exitCodeFor(de);
}

const describeScan = (s: AcceptedScan): string => `picked ${s.quantity} on line ${s.lineNo}${s.substitute ? ' (substitute lot)' : ''}; list ${s.pickListStatus}, order ${s.orderStatus}`;

/** Labels per batch transaction when scans come from standard input. */
const STDIN_CHUNK = 5_000;

/**
 * Scans read from standard input, one per line, sent through the batch path in chunks (one
 * transaction per chunk): each line's result (or its `{"error":…}`) is printed in order, with the
 * list's and order's status as of the end of its chunk. Exit 1 (or 2) when any scan was refused.
 */
async function scanLines(pickListId: string, quantity: number | undefined, json: boolean): Promise<void> {
  const lines = (await readStdin()).split(/\r?\n/).filter((l) => l.trim() !== '');
  const language = pickLanguage(undefined, process.env.LANG ?? 'en');
  await withRuntime(async (rt) => {
    for (let at = 0; at < lines.length; at += STDIN_CHUNK) {
      const scans = lines.slice(at, at + STDIN_CHUNK);
      const r = await scanPickBatch(rt.db, actor, pickListId, { scans, ...(quantity ? { quantity } : {}) }, { shipDate: shippingDates().earliestShipDate, language });
      const picks = new Map(r.picks.map((p) => [p.index, p]));
      const refused = new Map(r.refused.map((x) => [x.index, x]));
      scans.forEach((_scan, i) => {
        const p = picks.get(i);
        const x = refused.get(i);
        if (x) printError(new DomainError(x.code, x.message, { field: x.field, details: { reason: x.reason, messageEn: x.messageEn, messageZh: x.messageZh } }), json, process.stdout);
        else if (p) {
          const s = { ...p, pickListId, pickListStatus: r.pickListStatus, substitute: false, orderStatus: r.orders.find((o) => o.orderId === p.orderId)?.status ?? '' };
          process.stdout.write(json ? `${JSON.stringify(s)}\n` : `${describeScan(s)}\n`);
        }
      });
    }
  }, { quiet: json });
}

/** `lotline pick create|scan`, `lotline pack`, `lotline ship`, `lotline deliver`. The outbound review is signed: API only. */
export function registerFulfillmentCommands(program: Command): void {
  const pick = program.command('pick').description('pick lists and scan-to-pick');
  pick
    .command('create')
    .description('make a pick list of one order, or a wave of several orders of one warehouse')
    .argument('<orderIds...>', 'order ids')
    .option('--json', 'machine-readable output')
    .action((orderIds: string[], o: { json?: boolean }) =>
      runCommand(o, async () => {
        const ids = orderIds.map((v) => id('orderIds', v));
        return withRuntime((rt) => createPickList(rt.db, actor, { orderIds: ids }), { quiet: o.json });
      }, (r) => `${r.number}: ${r.lines} line(s), ${r.units} unit(s) (${r.kind})`));

  pick
    .command('scan')
    .description('scan a label onto a pick list; without <scan>, one scan per line from standard input')
    .argument('<pickListId>', 'the pick list')
    .argument('[scan]', 'the label as scanned (GS as <GS>)')
    .option('--quantity <n>', 'packages (or loose units of a lot-tracked device) each scan counts')
    .option('--json', 'machine-readable output, one JSON object per scan')
    .action(async (pickListId: string, scan: string | undefined, o: { quantity?: string; json?: boolean }) => {
      if (scan === undefined) {
        try {
          await scanLines(id('pickListId', pickListId), positive('quantity', o.quantity, false), !!o.json);
        } catch (e) {
          printError(e, !!o.json);
        }
        return;
      }
      return runCommand(o, async () => {
        const quantity = positive('quantity', o.quantity, false);
        const language = pickLanguage(undefined, process.env.LANG ?? 'en');
        return withRuntime((rt) => scanPick(rt.db, actor, id('pickListId', pickListId), { scan, ...(quantity ? { quantity } : {}) },
          { shipDate: shippingDates().earliestShipDate, language }), { quiet: o.json });
      }, describeScan);
    });

  program
    .command('pack')
    .description('pack picked units of an order into a package with a new SSCC')
    .argument('<orderId>', 'the order')
    .requiredOption('--weight-g <g>', 'gross weight in grams')
    .requiredOption('--length-mm <mm>', 'length in millimetres')
    .requiredOption('--width-mm <mm>', 'width in millimetres')
    .requiredOption('--height-mm <mm>', 'height in millimetres')
    .option('--pick <pickIds...>', 'only these picks (default: every unpacked pick of the order)')
    .option('--json', 'machine-readable output')
    .action((orderId: string, o: { weightG: string; lengthMm: string; widthMm: string; heightMm: string; pick?: string[]; json?: boolean }) =>
      runCommand(o, async () => {
        const input = {
          weightG: positive('weightG', o.weightG)!, lengthMm: positive('lengthMm', o.lengthMm)!, widthMm: positive('widthMm', o.widthMm)!,
          heightMm: positive('heightMm', o.heightMm)!, ...(o.pick ? { pickIds: o.pick.map((p) => id('pickIds', p)) } : {}),
        };
        return withRuntime((rt) => packPackage(rt.db, actor, id('orderId', orderId), input), { quiet: o.json });
      }, (r) => `package ${r.sscc}: ${r.units} unit(s); order ${r.orderStatus}`));

  program
    .command('ship')
    .description('ship the packed packages of an order (invariants 1 and 3 are checked)')
    .argument('<orderId>', 'the order')
    .requiredOption('--carrier <name>', 'carrier')
    .requiredOption('--tracking <number>', 'tracking number')
    .option('--package <packageIds...>', 'only these packages (a partial shipment)')
    .option('--carrier-service <id>', 'the carrier service')
    .option('--json', 'machine-readable output')
    .action((orderId: string, o: { carrier: string; tracking: string; package?: string[]; carrierService?: string; json?: boolean }) =>
      runCommand(o, async () => {
        const input = {
          carrier: o.carrier, trackingNumber: o.tracking, ...(o.package ? { packageIds: o.package.map((p) => id('packageIds', p)) } : {}),
          ...(o.carrierService ? { carrierServiceId: id('carrierServiceId', o.carrierService) } : {}),
        };
        return withRuntime((rt) => shipOrder(rt.db, actor, id('orderId', orderId), input, { today: shippingDates().today }), { quiet: o.json });
      }, (r) => `${r.number}: ${r.units} unit(s) in ${r.packageIds.length} package(s); order ${r.orderStatus}`));

  program
    .command('deliver')
    .description('confirm a shipment was delivered (proof of delivery)')
    .argument('<shipmentId>', 'the shipment')
    .requiredOption('--received-by <name>', 'who signed for the goods')
    .option('--delivered-at <iso>', 'when (ISO date-time; default now)')
    .option('--pod <reference>', 'proof-of-delivery reference')
    .option('--json', 'machine-readable output')
    .action((shipmentId: string, o: { receivedBy: string; deliveredAt?: string; pod?: string; json?: boolean }) =>
      runCommand(o, async () => {
        const input = { receivedBy: o.receivedBy, ...(o.deliveredAt ? { deliveredAt: o.deliveredAt } : {}), ...(o.pod ? { podReference: o.pod } : {}) };
        return withRuntime((rt) => confirmDelivery(rt.db, actor, id('shipmentId', shipmentId), input, { now: new Date() }), { quiet: o.json });
      }, (r) => `${r.number} delivered to ${r.receivedBy}; order ${r.orderStatus}`));
}
