import type { Command } from 'commander';
import { runCommand } from '../../platform/cli/run-command.ts';
import type { DocsCliOptions } from './cli-actions.ts';

/** The PDF libraries load on use only, as for `lotline label`: other commands need not pay for them. */
const actions = () => import('./cli-actions.ts');

/** `lotline shipment docs …` and `lotline shipment asn …`. */
export function registerShippingDocCommands(program: Command): void {
  // Fulfilment may register `shipment` too: its subcommands and these share one command.
  const shipment = program.commands.find((c) => c.name() === 'shipment')
    ?? program.command('shipment').description('shipments: documents, ASN');
  shipment
    .command('docs <shipment>')
    .description('write a shipment document as PDF (the recorded copy when there is one); <shipment> is its id or number')
    .requiredOption('--kind <kind>', 'packing_list, compliance_bundle, commercial_invoice or certificate_of_origin')
    .requiredOption('--out <file>', 'the PDF file to write')
    .option('--record', 'generate and record all the shipment’s documents first')
    .option('--json', 'machine-readable output')
    .action((ref: string, o: DocsCliOptions) => runCommand(o, async () => (await actions()).writeShipmentDocument(ref, o),
      (r) => `wrote ${r.out} (${r.kind}, ${r.bytes} bytes, sha256 ${r.sha256}${r.recorded ? ', recorded copy' : ''})`));
  shipment
    .command('asn <shipment>')
    .description('print the ASN (X12 856 / EDIFACT DESADV) written for a shipment')
    .option('--out <file>', 'write the message text to this file')
    .option('--json', 'machine-readable output')
    .action((ref: string, o: { out?: string; json?: boolean }) => runCommand(o, async () => (await actions()).showShipmentAsn(ref, o),
      (r) => (o.out ? `wrote ${o.out} (${r.messageType}, control number ${r.controlNumber})` : r.text.trimEnd())));
}
