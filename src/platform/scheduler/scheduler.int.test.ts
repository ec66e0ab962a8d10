import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { openPostgres } from '../../db/postgres-database.ts';
import type { Database } from '../../db/types.ts';
import { runDueJobs, type ScheduledJob } from './scheduler.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const HOUR = 3_600_000;
function countingJob(name: string, runs: string[]): ScheduledJob {
  return { name, nextRunAfter: (now) => new Date(now.getTime() + HOUR), run: async () => void runs.push(name) };
}
const makeDue = (name: string) => db.query(`UPDATE scheduled_jobs SET next_run_at = now() - interval '1 second' WHERE name = $1`, [name]);

describe('scheduled jobs', () => {
  it('runs a due job once, then not again until its next time', async () => {
    const runs: string[] = [];
    const job = countingJob('test.once', runs);
    expect(await runDueJobs(db, [job], 'p1')).toEqual([]); // registered; first run due in an hour
    await makeDue('test.once');
    expect(await runDueJobs(db, [job], 'p1')).toEqual(['test.once']);
    expect(await runDueJobs(db, [job], 'p1')).toEqual([]);
    expect(runs).toEqual(['test.once']);
  });

  it('records a failed run and keeps the schedule', async () => {
    const job: ScheduledJob = { name: 'test.fails', nextRunAfter: (now) => new Date(now.getTime() + HOUR), run: async () => { throw new Error('no disk'); } };
    await runDueJobs(db, [job], 'p1');
    await makeDue('test.fails');
    expect(await runDueJobs(db, [job], 'p1')).toEqual(['test.fails']);
    const row = await db.query<{ last_outcome: string; last_error: string }>(`SELECT last_outcome, last_error FROM scheduled_jobs WHERE name = 'test.fails'`);
    expect(row.rows[0]).toEqual({ last_outcome: 'failed', last_error: 'no disk' });
  });

  it.runIf(process.env.DATABASE_URL)('runs a due job once across processes ticking at the same moment', async () => {
    const runs: string[] = [];
    const job = countingJob('test.shared', runs);
    const processes: Database[] = [openPostgres(db.url!, { max: 3 }), openPostgres(db.url!, { max: 3 })];
    try {
      await runDueJobs(processes[0]!, [job], 'p0');
      for (let period = 0; period < 5; period++) {
        await makeDue('test.shared');
        const ran = await Promise.all(processes.flatMap((p, i) => [0, 1, 2].map(() => runDueJobs(p, [job], `p${i}`))));
        expect(ran.flat()).toEqual(['test.shared']);
      }
      expect(runs).toHaveLength(5);
    } finally {
      await Promise.all(processes.map((p) => p.close()));
    }
  });
});
