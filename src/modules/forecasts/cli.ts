import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../platform/actor.ts';
import { invalid, isDomainError } from '../../platform/errors.ts';
import { runCommand } from '../../platform/cli/run-command.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { importForecasts, type ImportReport } from './import-forecasts.ts';
import { readForecastCsv } from './read-forecast-csv.ts';
import type { RowError } from './forecast-rows.ts';

/** A CSV saved by Excel on a Chinese Windows is GB18030 (GBK), not UTF-8: read either. */
async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw invalid('file', `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const describeErrors = (errors: readonly RowError[]): string =>
  errors.map((e) => `  row ${e.row}, ${e.column}: ${e.message} (${e.code})`).join('\n');

function describe(r: ImportReport): string {
  const counts = `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
  if (!r.dryRun) return `forecasts imported: ${counts}`;
  return r.errors.length ? `dry run: ${r.errors.length} row(s) in error\n${describeErrors(r.errors)}` : `dry run, nothing written: would be ${counts}`;
}

/**
 * `lotline forecast import <file.csv> [--dry-run] [--json]`: the CSV upload of the API, from a
 * file. Exit 0 when imported (or a clean dry run), 2 when rows are in error (nothing is written).
 */
export function registerForecastCommands(program: Command): void {
  const forecast = program.command('forecast').description('forecasts: planned demand by customer or channel, device and period');
  forecast
    .command('import <file>')
    .description('import forecasts from CSV (customerCode or channel, deviceCode, period YYYY-MM or YYYY-Www, quantity in base units)')
    .option('--dry-run', 'check every row and report, write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { dryRun?: boolean; json?: boolean }) =>
      runCommand(o, async () => {
        const { rows, errors } = readForecastCsv(await readText(file));
        const report = await withRuntime((rt) => importForecasts(rt.db, systemActor('cli'), rows, {
          dryRun: o.dryRun, source: 'cli', sourceRef: path.basename(file), earlierErrors: errors, fieldOf: (e) => e.column,
        }).catch((e: unknown) => {
          const rowErrors = isDomainError(e) ? (e.details as { errors?: RowError[] } | undefined)?.errors : undefined;
          if (rowErrors && !o.json) process.stderr.write(`${describeErrors(rowErrors)}\n`);
          throw e;
        }), { quiet: o.json });
        if (report.errors.length) process.exitCode = 2;
        return report;
      }, describe),
    );
}
