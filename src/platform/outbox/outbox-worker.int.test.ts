import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { openPostgres } from '../../db/postgres-database.ts';
import type { Database } from '../../db/types.ts';
import { systemActor } from '../actor.ts';
import { writeTx } from '../unit-of-work.ts';
import { drainOutboxOnce, startOutboxWorker, type EventHandler } from './outbox-worker.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const emitEvents = (topic: string, n: number) =>
  writeTx(db, { actor: systemActor('outbox-test') }, async (w) => {
    for (let i = 0; i < n; i++) w.emit({ topic, entityType: 'thing', entityId: String(i), payload: { i } });
    w.audit({ entityType: 'thing', entityId: topic, action: 'emitted' });
  });

describe('outbox worker', () => {
  it('handles each event exactly once with two workers draining together', async () => {
    await emitEvents('count.me', 60);
    const seen = new Map<number, number>();
    const counter: EventHandler = {
      name: 'counter',
      topics: ['count.me'],
      async handle(e) {
        seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      },
    };
    // On PostgreSQL the second worker has its own connection pool, as a second process would.
    const second: Database = db.url ? openPostgres(db.url, { max: 4 }) : db;
    const w1 = startOutboxWorker(db, [counter], { workerId: 'w1', batchSize: 5, pollMs: 20 });
    const w2 = startOutboxWorker(second, [counter], { workerId: 'w2', batchSize: 5, pollMs: 20 });
    for (let i = 0; i < 200 && seen.size < 60; i++) await new Promise((r) => setTimeout(r, 25));
    await Promise.all([w1.stop(), w2.stop()]);
    if (second !== db) await second.close();
    expect(seen.size).toBe(60);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const { rows } = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM outbox_events WHERE topic = 'count.me' GROUP BY status`,
    );
    expect(rows).toEqual([{ status: 'done', n: 60 }]);
    const workers = await db.query<{ handled_by: string }>(`SELECT DISTINCT handled_by FROM outbox_events WHERE topic = 'count.me'`);
    if (db.url) expect(workers.rows.length).toBe(2);
  });

  it('retries a failing handler with backoff and dead-letters it after the last attempt', async () => {
    await emitEvents('always.fails', 1);
    let calls = 0;
    const failing: EventHandler = {
      name: 'failing',
      topics: ['always.fails'],
      async handle() {
        calls++;
        throw new Error('partner endpoint down');
      },
    };
    const opts = { workerId: 't', maxAttempts: 3, backoffMs: 1 };
    for (let i = 0; i < 20; i++) {
      await drainOutboxOnce(db, [failing], opts);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(calls).toBe(3);
    const ev = (await db.query<{ status: string; attempts: number; last_error: string }>(
      `SELECT status, attempts, last_error FROM outbox_events WHERE topic = 'always.fails'`,
    )).rows[0]!;
    expect(ev).toMatchObject({ status: 'dead', attempts: 3 });
    expect(ev.last_error).toContain('partner endpoint down');
  });

  it('does not run again a handler that already succeeded when a sibling handler failed', async () => {
    await emitEvents('two.handlers', 1);
    let okCalls = 0;
    let flakyCalls = 0;
    const ok: EventHandler = { name: 'ok', topics: ['two.handlers'], handle: async () => void okCalls++ };
    const flaky: EventHandler = {
      name: 'flaky',
      topics: ['two.handlers'],
      async handle() {
        if (++flakyCalls === 1) throw new Error('first time fails');
      },
    };
    for (let i = 0; i < 5; i++) {
      await drainOutboxOnce(db, [ok, flaky], { workerId: 't', backoffMs: 1 });
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(okCalls).toBe(1);
    expect(flakyCalls).toBe(2);
  });
});
