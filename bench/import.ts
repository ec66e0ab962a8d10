/**
 * Bulk import benchmark: writes N device rows (each with its `each` packaging level and GTIN) as
 * a CSV file and imports it, all or nothing, into a fresh database: a scratch database on
 * DATABASE_URL's server, or an embedded PGlite in a temporary directory.
 *
 *   node --import tsx bench/import.ts [--size 100000] [--chunk 1000]
 *
 * Prints one JSON line per figure (rows per second, then total seconds).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemActor } from '../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../src/platform/crypto/field-crypto.ts';
import { gs1CheckDigit } from '../src/modules/udi/check-digit.ts';
import { runImport, throwIfFailed } from '../src/modules/imports/run-import.ts';
import { benchDatabase } from './bench-database.ts';
import { round, type Figure } from './figure.ts';

export interface ImportBenchOptions {
  /** device rows in the file (default 100,000) */
  size?: number;
  /** rows per chunk written (default 1,000) */
  chunkSize?: number;
  /** where the JSON lines go; null prints nothing */
  print?: ((line: string) => void) | null;
}

const HEADING = 'code,nameZh,nameEn,deviceClass,categoryCode,registrationNumber,registrationExpiresOn,storageCondition,'
  + 'shelfLifeDays,sterile,trackingMode,packaging.1.level,packaging.1.gtin,packaging.1.quantity\n';

/** GTIN-13s under a fictitious GS1 company prefix, one per row. */
const gtinFor = (i: number): string => {
  const body = `69012${String(i).padStart(7, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

/** Devices of classes I–III as a catalogue export would hold them, written 5,000 lines at a time. */
export function writeDeviceCsv(file: string, size: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, HEADING);
  const lines: string[] = [];
  for (let i = 1; i <= size; i++) {
    const cls = ['I', 'II', 'III'][i % 3]!;
    const reg = cls === 'I' ? `沪械备2024${String(i % 10000).padStart(4, '0')}号` : `国械注准2024${cls === 'II' ? 2 : 3}14${String(i % 10000).padStart(4, '0')}`;
    const expires = cls === 'I' ? '' : '2029-12-31';
    lines.push(`BENCH-${String(i).padStart(7, '0')},一次性使用无菌注射器 ${i},Sterile syringe ${i},${cls},14-01-01,${reg},${expires},ambient,1095,是,lot,each,${gtinFor(i)},1`);
    if (lines.length === 5000 || i === size) {
      fs.writeSync(out, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
  }
  fs.closeSync(out);
}

export async function run(opts: ImportBenchOptions = {}): Promise<Figure[]> {
  const size = opts.size ?? 100_000;
  const print = opts.print === undefined ? (line: string) => process.stdout.write(`${line}\n`) : opts.print;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-bench-import-'));
  const file = path.join(dir, 'devices.csv');
  const bench = await benchDatabase('import');
  try {
    writeDeviceCsv(file, size);
    const crypto = createFieldCrypto(parseKeyring(generateKeyLine('bench1')));
    const started = performance.now();
    const report = throwIfFailed(await runImport({ db: bench.db, crypto }, systemActor('bench'), 'devices',
      { name: 'devices.csv', format: 'csv', open: () => fs.createReadStream(file) }, { chunkSize: opts.chunkSize ?? 1000 }));
    const seconds = (performance.now() - started) / 1000;
    if (report.created !== size) throw new Error(`expected ${size} devices created, got ${report.created}`);
    const note = `${size} device rows with a packaging level each, one all-or-nothing batch, ${bench.db.kind}`;
    const figures: Figure[] = [
      { bench: 'import', metric: 'rows_per_s', value: Math.round(size / seconds), unit: 'rows/s', note },
      { bench: 'import', metric: 'total_s', value: round(seconds), unit: 's', note },
    ];
    for (const f of figures) print?.(JSON.stringify(f));
    return figures;
  } finally {
    await bench.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { size: { type: 'string' }, chunk: { type: 'string' } } });
  await run({ ...(values.size ? { size: Number(values.size) } : {}), ...(values.chunk ? { chunkSize: Number(values.chunk) } : {}) });
}
