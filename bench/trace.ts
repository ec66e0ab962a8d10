import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Database } from '../src/db/types.ts';
import { systemActor } from '../src/platform/actor.ts';
import { readTx } from '../src/platform/unit-of-work.ts';
import { lotByGtin } from '../src/modules/trace/find-lot.ts';
import { traceCustomerLots } from '../src/modules/trace/trace-customer-lots.ts';
import { traceLot } from '../src/modules/trace/trace-lot.ts';
import { traceSerial } from '../src/modules/trace/trace-serial.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile, round, type Figure, type Scenario } from './figure.ts';
import { generateTraceData, gtinOf, SERIAL_EVERY, type TraceShape } from './trace-data.ts';

const actor = systemActor('bench');

/** Runs `fn` for each of `samples` and gives the p50 and p95 latencies in ms (after a short warm-up). */
async function latencies<T>(samples: readonly T[], fn: (s: T) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (const s of samples.slice(0, 5)) await fn(s);
  const ms: number[] = [];
  for (const s of samples) {
    const t0 = performance.now();
    await fn(s);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)) };
}

/** Deterministic spread of sample numbers over 1..n. */
const spread = (count: number, n: number): number[] => Array.from({ length: count }, (_, i) => ((i * 7_919 + 13) % n) + 1);

/** Times the real use cases on generated data: lot → consignees, serial → history, customer → lots. */
export async function measure(db: Database, shape: TraceShape, serials: number, samples = 200): Promise<Figure[]> {
  const lotRefs = spread(samples, shape.lots).map((j) => ({ gtin: gtinOf(((j - 1) % shape.devices) + 1), lot: `TL${String(j).padStart(6, '0')}` }));
  const lot = await latencies(lotRefs, (r) => readTx(db, async (tx) => traceLot(tx, actor, await lotByGtin(tx, r.gtin, r.lot))));
  // Serial line k belongs to the lot line k hashes to (trace-data.ts); the GTIN is that lot's device's.
  const serialRefs = spread(samples, serials).map((i) => {
    const k = BigInt(i * SERIAL_EVERY);
    const lotNo = Number((k * 2_654_435_761n) % BigInt(shape.lots)) + 1;
    return { gtin: gtinOf(((lotNo - 1) % shape.devices) + 1), serial: `TS${String(k).padStart(9, '0')}` };
  });
  const serial = await latencies(serialRefs, (r) => readTx(db, (tx) => traceSerial(tx, actor, r.gtin, r.serial)));
  const { rows: customers } = await db.query<{ id: string }>(`SELECT id FROM parties WHERE code LIKE 'TC-%' ORDER BY code LIMIT $1`, [Math.min(samples, shape.customers)]);
  const customer = await latencies(customers, (c) => readTx(db, (tx) => traceCustomerLots(tx, actor, c.id, { held: true, limit: 50, offset: 0 })));
  const note = `${shape.lines.toLocaleString('en')} shipment lines, ${shape.lots} lots, ${shape.customers} consignees, ${samples} samples; target p95 ≤ 50 ms`;
  return [
    { bench: 'trace', metric: 'lot_to_consignees_p50', value: lot.p50, unit: 'ms', note },
    { bench: 'trace', metric: 'lot_to_consignees_p95', value: lot.p95, unit: 'ms', note },
    { bench: 'trace', metric: 'serial_history_p50', value: serial.p50, unit: 'ms', note },
    { bench: 'trace', metric: 'serial_history_p95', value: serial.p95, unit: 'ms', note },
    { bench: 'trace', metric: 'customer_lots_p50', value: customer.p50, unit: 'ms', note },
    { bench: 'trace', metric: 'customer_lots_p95', value: customer.p95, unit: 'ms', note },
  ];
}

export async function run(shape: TraceShape, o: { db?: Database; samples?: number } = {}): Promise<Figure[]> {
  const bench = o.db ? null : await benchDatabase('trace');
  const db = o.db ?? bench!.db;
  try {
    const t0 = performance.now();
    const data = await generateTraceData(db, shape);
    // Index-only scans need the visibility map; the planner needs statistics.
    await db.exec('VACUUM ANALYZE');
    const loadSeconds = (performance.now() - t0) / 1000;
    return [
      { bench: 'trace', metric: 'load_seconds', value: round(loadSeconds, 1), unit: 's', note: `generate_series into the real tables + VACUUM ANALYZE (${shape.lines.toLocaleString('en')} lines)` },
      ...(await measure(db, shape, data.serials, o.samples)),
    ];
  } finally {
    await bench?.drop();
  }
}

export const traceScenario: Scenario = {
  name: 'trace',
  describe: 'lot → every consignee and serial → history over 1,000,000 shipment lines (full; 20,000 small); target p95 ≤ 50 ms',
  run: ({ size }) => run(size === 'full'
    ? { lines: 1_000_000, lots: 5_000, customers: 500, devices: 100 }
    : { lines: 20_000, lots: 500, customers: 50, devices: 20 }),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await traceScenario.run({ size: process.argv.includes('--full') ? 'full' : 'small' })) process.stdout.write(`${JSON.stringify(f)}\n`);
}
