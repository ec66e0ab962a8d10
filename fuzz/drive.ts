import fc from 'fast-check';

export interface FuzzFailure {
  input: string;
  problem: string;
}

export interface FuzzReport {
  target: string;
  inputs: number;
  failures: FuzzFailure[];
  seconds: number;
}

/** How much to try: at most `runs` inputs, and stop at `deadline` (ms since the epoch). */
export interface Budget {
  runs: number;
  deadline: number;
}

const BATCH = 25;
const KEEP_FAILURES = 10;

const show = (input: unknown): string => {
  const text = typeof input === 'string' ? input : JSON.stringify(input) ?? String(input);
  return text.length > 500 ? `${text.slice(0, 500)}… (${text.length} chars)` : text;
};

/**
 * Feeds generated inputs to `check` until the budget is spent. `check` returns null when the
 * system behaved (a result or a clean refusal) and a description of the problem otherwise.
 * Deterministic for a seed, so a failure found in CI is found again on a laptop.
 */
export async function drive<T>(target: string, arbitrary: fc.Arbitrary<T>, budget: Budget, seed: number,
  check: (input: T) => Promise<string | null> | string | null): Promise<FuzzReport> {
  const started = Date.now();
  const failures: FuzzFailure[] = [];
  let inputs = 0;
  for (let batch = 0; inputs < budget.runs && Date.now() < budget.deadline; batch++) {
    for (const input of fc.sample(arbitrary, { numRuns: Math.min(BATCH, budget.runs - inputs), seed: seed + batch })) {
      inputs++;
      let problem: string | null;
      try {
        problem = await check(input);
      } catch (e) {
        problem = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
      }
      if (problem && failures.length < KEEP_FAILURES) failures.push({ input: show(input), problem });
      if (Date.now() >= budget.deadline) break;
    }
  }
  return { target, inputs, failures, seconds: (Date.now() - started) / 1000 };
}
