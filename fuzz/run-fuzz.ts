import { checkDatabase } from '../src/modules/integrity/check-database.ts';
import { loginCookie, startTestApp, TEST_PASSWORD } from '../test/helpers/test-app.ts';
import { createUser } from '../src/modules/auth/create-user.ts';
import { systemActor } from '../src/platform/actor.ts';
import type { Budget, FuzzReport } from './drive.ts';
import { HTTP_TARGETS } from './http-targets.ts';
import { PURE_TARGETS } from './pure-targets.ts';

export const TARGET_NAMES = [...Object.keys(PURE_TARGETS), ...Object.keys(HTTP_TARGETS)];

export interface FuzzOptions {
  targets?: readonly string[];
  /** Inputs per target at most. */
  runs: number;
  /** Seconds per target at most. */
  seconds: number;
  seed: number;
}

/**
 * Runs the fuzz targets: the parsers in-process, the HTTP targets against a real server on a
 * fresh database. After the HTTP targets, the invariants of the data must still hold (nothing
 * half-written by a refused request): that is one more report, `invariants`.
 */
export async function runFuzz(opts: FuzzOptions, onReport: (r: FuzzReport) => void = () => {}): Promise<FuzzReport[]> {
  const chosen = opts.targets?.length ? opts.targets : TARGET_NAMES;
  const unknown = chosen.filter((t) => !TARGET_NAMES.includes(t));
  if (unknown.length) throw new Error(`unknown fuzz target(s) ${unknown.join(', ')}; known: ${TARGET_NAMES.join(', ')}`);
  const budget = (): Budget => ({ runs: opts.runs, deadline: Date.now() + opts.seconds * 1000 });
  const reports: FuzzReport[] = [];
  const done = (r: FuzzReport) => (reports.push(r), onReport(r));

  for (const name of chosen.filter((t) => t in PURE_TARGETS)) done(await PURE_TARGETS[name]!(budget(), opts.seed));
  const http = chosen.filter((t) => t in HTTP_TARGETS);
  if (http.length === 0) return reports;

  const t = await startTestApp();
  try {
    await createUser(t.db, systemActor('fuzz'), { username: 'fuzz-admin', password: TEST_PASSWORD, roles: ['admin'] });
    const server = { url: t.url, cookie: await loginCookie(t.url, 'fuzz-admin', TEST_PASSWORD) };
    for (const name of http) done(await HTTP_TARGETS[name]!(server, budget(), opts.seed));
    const started = Date.now();
    const check = await checkDatabase(t.db);
    done({
      target: 'invariants', inputs: check.checks.length, seconds: (Date.now() - started) / 1000,
      failures: check.checks.filter((c) => !c.ok && c.severity === 'breach').map((c) => ({ input: c.name, problem: JSON.stringify(c.sample).slice(0, 500) })),
    });
  } finally {
    await t.close();
  }
  return reports;
}
