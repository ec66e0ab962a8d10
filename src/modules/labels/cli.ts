import { Option, type Command } from 'commander';
import { runCommand } from '../../platform/cli/run-command.ts';
import type { BarcodeCliOptions, SheetCliOptions, Written } from './label-cli-actions.ts';

const wrote = (r: Written): string => `wrote ${r.out} (${r.bytes} bytes)${r.hri ? `: ${r.hri}` : ''}`;

/**
 * The actions load on use: the barcode and PDF libraries take a noticeable part of a second to
 * import, which every other `lotline` command (and each `udi parse` batch) would pay otherwise.
 */
const actions = () => import('./label-cli-actions.ts');

/** `lotline label barcode …` and `lotline label sheet …`: UDI barcodes and label sheets as files. */
export function registerLabelCommands(program: Command): void {
  const label = program.command('label').description('print UDI labels: GS1 DataMatrix / GS1-128 barcodes and A4 label sheets');
  label
    .command('barcode')
    .description('draw one UDI barcode as a PNG or SVG file')
    .requiredOption('--gtin <gtin>', 'UDI-DI: GTIN-8/12/13/14')
    .option('--lot <lot>', 'lot number, AI (10)')
    .option('--expiry <date>', 'expiry YYYY-MM-DD, AI (17)')
    .option('--production-date <date>', 'production date YYYY-MM-DD, AI (11)')
    .option('--serial <serial>', 'serial number, AI (21)')
    .addOption(new Option('--symbology <symbology>', 'barcode type').choices(['datamatrix', 'gs1-128']).default('datamatrix'))
    .addOption(new Option('--format <format>', 'image format (default: from the --out extension, else png)').choices(['png', 'svg']))
    .requiredOption('--out <file>', 'the image file to write')
    .option('--json', 'machine-readable output')
    .action((o: BarcodeCliOptions) => runCommand(o, async () => (await actions()).writeBarcode(o), wrote));

  label
    .command('sheet')
    .description('write an A4 PDF of UDI labels (3 × 8) for one lot of a device')
    .requiredOption('--device <code>', 'device code in the catalogue')
    .requiredOption('--lot <lot>', 'lot number')
    .requiredOption('--expiry <date>', 'expiry YYYY-MM-DD')
    .option('--production-date <date>', 'production date YYYY-MM-DD')
    .option('--serials <list>', 'comma-separated serial numbers: one label each')
    .addOption(new Option('--level <level>', 'packaging level whose GTIN the labels carry').choices(['each', 'box', 'case']))
    .option('--copies <n>', 'copies of each label (default: 1 with serials, a full sheet without)')
    .requiredOption('--out <file>', 'the PDF file to write')
    .option('--json', 'machine-readable output')
    .action((o: SheetCliOptions) => runCommand(o, async () => (await actions()).writeSheet(o), wrote));
}
