import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Scenario, Size } from './figure.ts';
import { scenarioBlock, updateReport } from './report.ts';
import { parseScenario } from './scenarios/parse.ts';
import { intakeScenario } from './scenarios/intake.ts';
import { bigOrderScenario } from './big-order.ts';
import { run as runImport } from './import.ts';
import { traceScenario } from './trace.ts';
import { serialShipScenario } from './serial-ship.ts';
import { scheduleScenario } from './schedule.ts';
import { scaleOutScenario } from './scale-out.ts';

/**
 * `npm run bench [-- <name …>] [--size small|full]`: runs the scenarios on the configured database
 * (DATABASE_URL, else embedded), prints one JSON line per figure and updates each scenario's block
 * in docs/BENCHMARKS.md (other scenarios' figures and the hand-written notes stay).
 */
const importScenario: Scenario = {
  name: 'import',
  describe: 'device rows from CSV in one audited all-or-nothing batch (target: 100,000 well under a minute)',
  run: ({ size }) => runImport({ size: size === 'full' ? 100_000 : 2_000, print: null }),
};

const SCENARIOS: Scenario[] = [intakeScenario, bigOrderScenario, parseScenario, importScenario, traceScenario, serialShipScenario, scheduleScenario, scaleOutScenario];

function machine(): Record<string, string> {
  let postgres = 'embedded PGlite';
  if (process.env.DATABASE_URL) {
    try {
      postgres = execFileSync('psql', [process.env.DATABASE_URL, '-Atc', 'SHOW server_version']).toString().trim();
    } catch {
      postgres = 'unknown';
    }
  }
  return {
    cores: String(os.cpus().length),
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    database: process.env.DATABASE_URL ? `PostgreSQL ${postgres}` : postgres,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizeAt = args.indexOf('--size');
  const size: Size = sizeAt >= 0 && args[sizeAt + 1] === 'full' ? 'full' : 'small';
  const names = args.filter((a, i) => !a.startsWith('--') && (sizeAt < 0 || i !== sizeAt + 1));
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const chosen = names.length ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;
  const command = `npm run bench -- ${[...names, '--size', size].join(' ')}`.trim();
  const m = machine();
  const context = {
    command,
    size,
    date: new Date().toISOString().slice(0, 10),
    machine: `Machine: ${m.cores} cores (${m.cpu}), ${m.memory}, Node ${m.node}, ${m.database}.`,
  };
  const blocks = new Map<string, string>();
  for (const s of chosen) {
    process.stderr.write(`bench ${s.name}: ${s.describe}\n`);
    const figures = await s.run({ size });
    for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
    blocks.set(s.name, scenarioBlock(s.name, figures, context));
  }
  if (!process.env.LOTLINE_BENCH_NO_REPORT) {
    const file = 'docs/BENCHMARKS.md';
    fs.writeFileSync(file, updateReport(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', blocks));
  }
}

await main();
