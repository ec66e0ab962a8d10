import { parseArgs } from 'node:util';
import { runFuzz, TARGET_NAMES } from './run-fuzz.ts';

/**
 * `npm run fuzz -- [--target udi --target json-bodies …] [--runs N] [--seconds S] [--seed K]`:
 * one JSON line per target ({"fuzz","inputs","failures","seconds"}), the failing inputs after it;
 * exit 1 when anything failed. CI runs a small budget; run it longer on demand.
 */
const { values } = parseArgs({
  options: {
    target: { type: 'string', multiple: true },
    runs: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '30' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  process.stdout.write(`targets: ${TARGET_NAMES.join(', ')}\n`);
  process.exit(0);
}
const num = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name} must be a whole number, not "${v}"\n`);
    process.exit(2);
  }
  return n;
};
const opts = { targets: values.target ?? [], runs: num('runs', values.runs), seconds: num('seconds', values.seconds), seed: num('seed', values.seed) };
process.stderr.write(`fuzzing with seed ${opts.seed}\n`);
let failed = 0;
await runFuzz(opts, (r) => {
  failed += r.failures.length;
  process.stdout.write(`${JSON.stringify({ fuzz: r.target, inputs: r.inputs, failures: r.failures.length, seconds: r.seconds })}\n`);
  for (const f of r.failures) process.stdout.write(`  ${JSON.stringify(f)}\n`);
});
process.exitCode = failed ? 1 : 0;
