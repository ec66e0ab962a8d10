import type { Command } from 'commander';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';
import { invalid } from '../../platform/errors.ts';
import type { TObject } from 'typebox';
import { lotByGtin } from './find-lot.ts';
import { describeLotTrace, describeOrderTrace, describeScanTrace, describeSerialTrace } from './describe-trace.ts';
import { traceLot } from './trace-lot.ts';
import { traceOrder } from './trace-order.ts';
import { traceScan } from './trace-scan.ts';
import { traceSerial } from './trace-serial.ts';
import { OrderRefParams, ScanTraceQuery, SerialTraceQuery, LotTraceQuery } from './trace-schemas.ts';

const actor = systemActor('cli');

/** The same rules as the API's query schemas: bad input exits 2 with the field named. */
function check(schema: TObject, value: Record<string, unknown>): void {
  const [error] = validateRow(schema, value);
  if (error) throw invalid(error.field, error.message);
}

const read = <T>(o: { json?: boolean }, fn: (tx: Sql) => Promise<T>) => withRuntime((rt) => readTx(rt.db, fn), { quiet: o.json });

/** `lotline trace lot|order|serial|scan …` (DESIGN.md §6). */
export function registerTraceCommands(program: Command): void {
  const trace = program.command('trace').description('traceability: lot → consignees, order → lots/serials/UDIs, serial history / 追溯');

  trace.command('lot <gtin> <lot>').description('every shipment and consignee of a lot, and where the rest of it is / 批次流向')
    .option('--json', 'machine-readable output')
    .action((gtin: string, lot: string, o: { json?: boolean }) => runCommand(o, async () => {
      check(LotTraceQuery, { gtin, lot });
      return read(o, async (tx) => traceLot(tx, actor, await lotByGtin(tx, gtin, lot)));
    }, describeLotTrace));

  trace.command('order <orderNumberOrId>').description('every lot, serial and UDI shipped on an order, with release documents / 订单追溯')
    .option('--json', 'machine-readable output')
    .action((ref: string, o: { json?: boolean }) => runCommand(o, async () => {
      check(OrderRefParams, { id: ref });
      return read(o, (tx) => traceOrder(tx, actor, ref));
    }, describeOrderTrace));

  trace.command('serial <gtin> <serial>').description('a serial’s history: received, stored, picked, shipped, returned / 序列号履历')
    .option('--json', 'machine-readable output')
    .action((gtin: string, serial: string, o: { json?: boolean }) => runCommand(o, async () => {
      check(SerialTraceQuery, { gtin, serial });
      return read(o, (tx) => traceSerial(tx, actor, gtin, serial));
    }, describeSerialTrace));

  trace.command('scan <code>').description('trace from a scanned UDI: its serial’s history, else its lot / 扫码追溯')
    .option('--json', 'machine-readable output')
    .action((code: string, o: { json?: boolean }) => runCommand(o, async () => {
      check(ScanTraceQuery, { code });
      return read(o, (tx) => traceScan(tx, actor, code));
    }, describeScanTrace));
}
