import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drive } from '../../fuzz/drive.ts';
import { runFuzz, TARGET_NAMES } from '../../fuzz/run-fuzz.ts';

/**
 * The fuzz harness at CI size: every target (parsers, JSON bodies of every OpenAPI operation, raw
 * hostile bodies, CSV import, EDI intake) for a small budget, then the data's invariants. Longer
 * runs: `npm run fuzz -- --seconds 600`.
 */
describe('the fuzz harness', { timeout: 600_000 }, () => {
  it('finds no crash, no 500 and no broken invariant within the CI budget', async () => {
    const reports = await runFuzz({ runs: 150, seconds: 30, seed: 20261126 });
    expect(reports.map((r) => r.target)).toEqual([...TARGET_NAMES, 'invariants']);
    for (const r of reports) expect(r.inputs, r.target).toBeGreaterThan(0);
    expect(reports.flatMap((r) => r.failures.map((f) => `${r.target}: ${f.problem} ← ${f.input}`))).toEqual([]);
  });

  it('reports what misbehaved, with the input, and keeps going', async () => {
    const report = await drive('demo', fc.integer({ min: 0, max: 9 }), { runs: 40, deadline: Date.now() + 10_000 }, 1, (n) => {
      if (n === 3) throw new TypeError('boom');
      return n === 5 ? 'answered 500' : null;
    });
    expect(report.inputs).toBe(40);
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures).toEqual(expect.arrayContaining([{ input: '3', problem: 'threw TypeError: boom' }]));
  });
});
