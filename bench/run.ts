import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Figure, Scenario, Size } from './figure.ts';
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
 * (DATABASE_URL, else embedded), prints one JSON line per figure and writes docs/BENCHMARKS.md.
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

function report(figures: Figure[], size: Size, command: string): string {
  const m = machine();
  const rows = figures.map((f) => `| ${f.bench} | ${f.metric} | ${f.value} | ${f.unit} | ${f.note ?? ''} |`);
  return [
    '# Lotline benchmarks', '',
    `Produced by \`${command}\` (size ${size}) on ${new Date().toISOString().slice(0, 10)}.`, '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memory}, Node ${m.node}, ${m.database}.`, '',
    '| bench | metric | value | unit | note |', '| --- | --- | --- | --- | --- |', ...rows, '',
  ].join('\n');
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
  const figures: Figure[] = [];
  for (const s of chosen) {
    process.stderr.write(`bench ${s.name}: ${s.describe}\n`);
    for (const f of await s.run({ size })) {
      process.stdout.write(`${JSON.stringify(f)}\n`);
      figures.push(f);
    }
  }
  const command = `npm run bench -- ${[...names, '--size', size].join(' ')}`.trim();
  if (!process.env.LOTLINE_BENCH_NO_REPORT) fs.writeFileSync('docs/BENCHMARKS.md', report(figures, size, command));
}

await main();
