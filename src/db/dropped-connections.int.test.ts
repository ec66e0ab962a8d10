import type { Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db.ts';
import { openPostgres } from './postgres-database.ts';

/**
 * After a restart or failover the pool can still hold connections the server has dropped, until
 * it hears of it: a transaction that is handed one finds out at BEGIN, and takes another.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe.runIf(process.env.DATABASE_URL)('connections the server dropped, still in the pool', () => {
  it('are replaced when a transaction begins on one, and the transaction runs', async () => {
    const pooled = openPostgres(db.url!, { max: 1 });
    const admin = new pg.Client({ connectionString: db.url! });
    await admin.connect();
    try {
      // The pool's one connection, idle, with its socket not read: the pool cannot hear it drop.
      const client = await pooled.pool.connect();
      const { rows: [backend] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
      socket.pause();
      client.release();
      await admin.query('SELECT pg_terminate_backend($1)', [backend!.pid]);
      await admin.query('SELECT pg_sleep(0.1)');
      setTimeout(() => socket.resume(), 50);
      // The transaction is handed the dropped connection, whose BEGIN fails; it takes another.
      const answer = await pooled.transaction((tx) => tx.query<{ n: number }>('SELECT 42 AS n'));
      expect(answer.rows[0]!.n).toBe(42);
    } finally {
      await admin.end();
      await pooled.close();
    }
  });
});
