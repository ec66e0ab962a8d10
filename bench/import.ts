/**
 * Bulk import benchmark: writes N device rows (each with its `each` packaging level and GTIN) as
 * a CSV file, imports it all-or-nothing into a fresh database and prints the figures as JSON lines.
 *
 *   node --import tsx bench/import.ts [--size 100000] [--chunk 1000]
 *
 * With DATABASE_URL the database is a scratch one created on that server (and dropped after);
 * without it an in-memory embedded PGlite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '../src/db/test-db.ts';
import { systemActor } from '../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../src/platform/crypto/field-crypto.ts';
import { gs1CheckDigit } from '../src/modules/udi/check-digit.ts';
import { runImport, throwIfFailed } from '../src/modules/imports/run-import.ts';

export interface ImportBenchOptions {
  size?: number;
  chunkSize?: number;
  databaseUrl?: string | undefined;
  print?: (line: string) => void;
}

export interface ImportBenchResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  database: 'pglite' | 'postgres';
}

const HEADING = 'code,nameZh,nameEn,deviceClass,categoryCode,registrationNumber,registrationExpiresOn,storageCondition,'
  + 'shelfLifeDays,sterile,trackingMode,packaging.1.level,packaging.1.gtin,packaging.1.quantity\n';

/** GTIN-13s under a fictitious GS1 company prefix, one per row. */
const gtinFor = (i: number): string => {
  const body = `69012${String(i).padStart(7, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

export function writeDeviceCsv(file: string, size: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, HEADING);
  const lines: string[] = [];
  for (let i = 1; i <= size; i++) {
    const code = `BENCH-${String(i).padStart(7, '0')}`;
    const cls = ['I', 'II', 'III'][i % 3]!;
    const reg = cls === 'I' ? `沪械备2024000${i % 1000}` : `国械注准2024${cls === 'II' ? 2 : 3}14${String(i % 10000).padStart(4, '0')}`;
    const expires = cls === 'I' ? '' : '2029-12-31';
    lines.push(`${code},一次性使用无菌注射器 ${i},Sterile syringe ${i},${cls},14-01-01,${reg},${expires},ambient,1095,是,lot,each,${gtinFor(i)},1`);
    if (lines.length === 5000 || i === size) {
      fs.writeSync(out, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
  }
  fs.closeSync(out);
}

export async function run(opts: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const size = opts.size ?? 100_000;
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-bench-import-'));
  const file = path.join(dir, 'devices.csv');
  const db = await createTestDatabase(opts.databaseUrl);
  try {
    writeDeviceCsv(file, size);
    const crypto = createFieldCrypto(parseKeyring(generateKeyLine('bench1')));
    const started = process.hrtime.bigint();
    const report = throwIfFailed(await runImport({ db, crypto }, systemActor('bench'), 'devices',
      { name: 'devices.csv', format: 'csv', open: () => fs.createReadStream(file) }, { chunkSize: opts.chunkSize ?? 1000 }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (report.created !== size) throw new Error(`expected ${size} devices created, got ${report.created}`);
    const result = { rows: size, seconds, rowsPerSecond: size / seconds, database: db.kind };
    print(JSON.stringify({ bench: 'import', metric: 'rows_per_s', value: Math.round(result.rowsPerSecond), unit: 'rows/s', rows: size, database: db.kind }));
    print(JSON.stringify({ bench: 'import', metric: 'total_s', value: Number(seconds.toFixed(2)), unit: 's', rows: size, database: db.kind }));
    return result;
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { size: { type: 'string' }, chunk: { type: 'string' } } });
  await run({
    ...(values.size ? { size: Number(values.size) } : {}),
    ...(values.chunk ? { chunkSize: Number(values.chunk) } : {}),
    databaseUrl: process.env.DATABASE_URL || undefined,
  });
}
