import type { Database } from '../../db/types.ts';

export interface ScheduledJob {
  name: string;
  /** When the run after `now` is due (the first run, and each next one). */
  nextRunAfter(now: Date): Date;
  run(db: Database): Promise<unknown>;
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

/**
 * Claims a due job for this process: the UPDATE that moves `next_run_at` forward succeeds for one
 * process only (a second one waits on the row, re-reads it and finds it no longer due).
 */
async function claim(db: Database, job: ScheduledJob, processId: string, now: Date): Promise<boolean> {
  const next = job.nextRunAfter(now);
  return db.transaction(async (tx) => {
    await tx.query('INSERT INTO scheduled_jobs (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [job.name, next]);
    const r = await tx.query(
      `UPDATE scheduled_jobs SET next_run_at = $2, runs = runs + 1, last_started_at = now(), last_run_by = $3
        WHERE name = $1 AND next_run_at <= $4 RETURNING name`,
      [job.name, next, processId, now],
    );
    return r.rowCount === 1;
  });
}

async function finish(db: Database, name: string, error: unknown): Promise<void> {
  await db.query(
    `UPDATE scheduled_jobs SET last_finished_at = now(), last_outcome = $2, last_error = $3 WHERE name = $1`,
    [name, error ? 'failed' : 'ok', error ? String(error instanceof Error ? error.message : error).slice(0, 2000) : null],
  );
}

/** One pass over the jobs: runs each one that is due and that this process claimed. Returns their names. */
export async function runDueJobs(db: Database, jobs: readonly ScheduledJob[], processId: string, now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    if (!(await claim(db, job, processId, now))) continue;
    ran.push(job.name);
    let error: unknown = null;
    try {
      await job.run(db);
    } catch (e) {
      error = e;
    }
    await finish(db, job.name, error);
  }
  return ran;
}

/** Ticks every `tickMs` until stopped. A job that fails waits for its next period (and says why in the table). */
export function startScheduler(db: Database, jobs: readonly ScheduledJob[], o: { processId: string; tickMs?: number; onError?: (e: unknown) => void }): RunningScheduler {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const tick = () => {
    current = runDueJobs(db, jobs, o.processId).catch((e) => o.onError?.(e)).finally(() => {
      if (!stopping) timer = setTimeout(tick, o.tickMs ?? 30_000).unref();
    });
  };
  tick();
  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await current;
    },
  };
}

/** Daily at a local wall-clock time (hour, minute) in a time zone. */
export function dailyAt(hour: number, minute: number, timeZone: string): (now: Date) => Date {
  return (now) => {
    // The zone's offset now, applied to the next local hh:mm; a DST jump at most shifts one run by an hour.
    const local = new Date(now.toLocaleString('en-US', { timeZone }));
    const offsetMs = local.getTime() - now.getTime();
    const next = new Date(local);
    next.setHours(hour, minute, 0, 0);
    if (next <= local) next.setDate(next.getDate() + 1);
    return new Date(next.getTime() - offsetMs);
  };
}
