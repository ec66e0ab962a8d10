import { performance } from 'node:perf_hooks';
import type { Database, Sql } from '../src/db/types.ts';

/** Where a request's database time goes: the time of each statement text, summed, for `bench/profile-intake.ts`. */
export function timeStatements(inner: Database): { db: Database; reset(): void; report(per: number): string } {
  const timings = new Map<string, { n: number; ms: number }>();
  const add = (k: string, ms: number) => {
    const e = timings.get(k) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += ms;
    timings.set(k, e);
  };
  const timed = (sql: Sql): Sql => ({
    async query(text, params) {
      const t0 = performance.now();
      try {
        return await sql.query(text, params);
      } finally {
        add(text.replace(/\s+/g, ' ').trim().slice(0, 110), performance.now() - t0);
      }
    },
    exec: (s) => sql.exec(s),
  });
  const direct = timed(inner);
  const db: Database = {
    kind: inner.kind,
    query: (text, params) => direct.query(text, params),
    exec: (s) => direct.exec(s),
    close: () => inner.close(),
    async transaction(fn, opts) {
      const t0 = performance.now();
      try {
        return await inner.transaction((tx) => fn(timed(tx)), opts);
      } finally {
        add('(whole transaction, BEGIN to COMMIT)', performance.now() - t0);
      }
    },
  };
  return {
    db,
    reset: () => timings.clear(),
    report: (per) =>
      [...timings]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([k, v]) => `${(v.ms / per).toFixed(2).padStart(7)} ms ${String(+(v.n / per).toFixed(1)).padStart(4)}×  ${k}`)
        .join('\n'),
  };
}
