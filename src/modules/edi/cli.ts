import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { runCommand, type Output } from '../../platform/cli/run-command.ts';
import { invalid } from '../../platform/errors.ts';
import { parseEdi } from './parse-edi.ts';
import type { EdiOutcome, EdiParseResult, OrderParty, ParsedOrder } from './types.ts';

export interface EdiCliIo {
  stdout: Output;
  stderr?: Output;
}

/** Exit 1 when the ack sends anything back rejected: the partner has to resend it. */
const REJECTING_OUTCOMES: ReadonlySet<EdiOutcome> = new Set(['partially_rejected', 'rejected']);

/**
 * `lotline edi parse <file> [--json]` (DESIGN.md §6): prints the orders and the acknowledgement
 * to send back. Exit 0 when everything was accepted, 1 when the ack rejects a part or all, 2
 * when the file cannot be read as EDI at all. Nothing is stored: this is the parser on its own.
 */
export function registerEdiCommands(program: Command, io: EdiCliIo = { stdout: process.stdout }): void {
  const edi = program.command('edi').description('EDI purchase orders: X12 850 and EDIFACT ORDERS');
  edi
    .command('parse <file>')
    .description(
      'parse an interchange of purchase orders; print the orders and the 997/999/CONTRL to send back',
    )
    .option('--json', 'machine-readable output')
    .option('--ack-control-number <number>', 'control number of the acknowledgement interchange', '1')
    .action(async (file: string, o: { json?: boolean; ackControlNumber: string }) => {
      let outcome: EdiOutcome | undefined;
      await runCommand(
        o,
        async () => {
          const result = parseEdi(await readEdiFile(file), {
            ackControlNumber: o.ackControlNumber,
            now: new Date(),
          });
          outcome = result.outcome;
          return result;
        },
        describeResult,
        io.stdout,
        io.stderr ?? process.stderr,
      );
      if (outcome && REJECTING_OUTCOMES.has(outcome)) process.exitCode = 1;
    });
}

async function readEdiFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw invalid('file', `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function describeResult(result: EdiParseResult): string {
  const out = [
    `${result.standard} interchange ${result.outcome.replaceAll('_', ' ')}: ${result.orders.length} order(s)`,
  ];
  for (const order of result.orders) out.push(...describeOrder(order));
  if (result.issues.length > 0) {
    out.push('', 'Issues:');
    out.push(...result.issues.map((i) => `  ${i.level} ${i.reference}, code ${i.code}: ${i.message}`));
  }
  out.push('', 'Acknowledgement to send back:', result.ack.trimEnd());
  return out.join('\n');
}

function describeOrder(order: ParsedOrder): string[] {
  const facts = [
    `ordered ${order.orderDate}`,
    order.requestedDate && `wanted ${order.requestedDate}`,
    order.currency,
    order.buyer && `buyer ${describeParty(order.buyer)}`,
    order.shipTo && `ship to ${describeParty(order.shipTo)}`,
  ].filter(Boolean);
  const head = `\nPO ${order.poNumber} (${order.purpose}) from ${order.sender.qualifier}:${order.sender.id}: ${facts.join(', ')}`;
  const lines = order.lines.map((line) => {
    const item = [
      line.gtin && `GTIN ${line.gtin}`,
      line.buyerItem && `buyer item ${line.buyerItem}`,
      line.vendorItem && `our item ${line.vendorItem}`,
    ];
    const price = line.unitPrice ? ` at ${line.unitPrice}` : '';
    return `  ${line.lineNo}: ${line.quantity} ${line.uom ?? ''}${price}  ${item.filter(Boolean).join(', ')}`;
  });
  return [head, ...lines];
}

function describeParty(party: OrderParty): string {
  const id = party.id ? `${party.scheme ?? ''} ${party.id}`.trim() : '';
  return [party.name, id && `(${id})`].filter(Boolean).join(' ');
}
