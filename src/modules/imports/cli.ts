import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { withRuntime } from '../../commands/with-runtime.ts';
import { systemActor } from '../../platform/actor.ts';
import { progressPrinter, runCommand } from '../../platform/cli/run-command.ts';
import { invalid, isDomainError } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadBatchErrors } from './batch-store.ts';
import { describeErrors, describeImport } from './describe-import.ts';
import { errorReportCsv } from './error-report-csv.ts';
import { IMPORT_KINDS } from './import-types.ts';
import { sniffFormat, type FileFormat } from './read-records.ts';
import { runImport, throwIfFailed, type ImportReport } from './run-import.ts';

interface ImportCliOptions {
  dryRun?: boolean;
  validRows?: boolean;
  errors?: string;
  chunkSize: string;
  json?: boolean;
}

function fileFormat(file: string): FileFormat {
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4);
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    return sniffFormat(head);
  } catch (e) {
    throw invalid('file', `cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Lines in a CSV file, for the progress bar's total (a cell with a line break makes it a little high). */
async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file)) for (const byte of chunk as Buffer) if (byte === 10) n++;
  return n;
}

/** The batch id of an import, also when it failed: the error report is written either way. */
const batchIdOf = (e: unknown): string | undefined => (isDomainError(e) ? (e.details as { batchId?: string } | undefined)?.batchId : undefined);

/**
 * `lotline import <kind> <file> [--dry-run] [--valid-rows] [--errors report.csv] [--json]`. Exit 0
 * when every row imported (or a clean dry run), 2 when rows were in error or the file is
 * unreadable, 1 when the import failed for another reason.
 */
export function registerImportCommands(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(`import master data from CSV (UTF-8) or XLSX: ${IMPORT_KINDS.join(', ')}; headings are field names or their Chinese meanings`)
    .option('--dry-run', 'check every row and count what would change; write nothing')
    .option('--valid-rows', 'import the valid rows and report the others (default: all or nothing)')
    .option('--errors <report.csv>', 'write the row-level error report to this CSV file')
    .option('--chunk-size <rows>', 'rows written per statement batch', '1000')
    .option('--json', 'machine-readable output')
    .action((kind: string, file: string, o: ImportCliOptions) =>
      runCommand(o, async () => {
        const format = fileFormat(file);
        const chunkSize = Number(o.chunkSize);
        if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 20_000) throw invalid('chunk-size', 'a whole number from 1 to 20000');
        const total = format === 'csv' ? Math.max(0, (await countLines(file)) - 1) : undefined;
        const progress = progressPrinter(`import ${path.basename(file)}`);
        return withRuntime(async (rt) => {
          const writeErrors = async (batchId: string | undefined): Promise<void> => {
            if (!o.errors || !batchId) return;
            fs.writeFileSync(o.errors, errorReportCsv(await readTx(rt.db, (tx) => loadBatchErrors(tx, batchId))));
          };
          let report: ImportReport;
          try {
            report = await runImport(rt, systemActor(`cli:${os.userInfo().username}`), kind,
              { name: path.basename(file), format, open: () => fs.createReadStream(file) },
              { mode: o.validRows ? 'valid-rows' : 'all-or-nothing', dryRun: o.dryRun, chunkSize, onProgress: (rows) => progress(rows, total) });
            // Ends the progress line when the estimate was off (blank lines, multi-line cells) or unknown (XLSX).
            if (total !== report.rowsTotal) progress(report.rowsTotal, report.rowsTotal);
            await writeErrors(report.batchId);
            throwIfFailed(report);
          } catch (e) {
            await writeErrors(batchIdOf(e));
            const details = isDomainError(e) ? (e.details as { errors?: ImportReport['errors']; errorCount?: number } | undefined) : undefined;
            if (details?.errors && !o.json) process.stderr.write(`${describeErrors(details.errors, details.errorCount)}\n`);
            throw e;
          }
          if (report.errorCount) process.exitCode = 2;
          return report;
        }, { quiet: o.json });
      }, describeImport),
    );
}
