import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

/** A transaction has one connection: queries issued together run one after another, each answering its own. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec('CREATE TABLE queue_probe (n int NOT NULL)');
});
afterAll(() => db?.close());

describe('queries issued together in one transaction', () => {
  it('run in the order issued, scripts among them, and a failing one fails alone until the transaction ends', async () => {
    const seen = await db.transaction(async (tx) => {
      const answers = await Promise.all([
        tx.query<{ n: number }>('SELECT $1::int AS n', [1]),
        tx.exec('INSERT INTO queue_probe (n) VALUES (2)'),
        tx.query<{ n: number }>('INSERT INTO queue_probe (n) VALUES ($1) RETURNING n', [3]),
        tx.query<{ c: number }>('SELECT count(*)::int AS c FROM queue_probe'),
      ]);
      const [first, , third, count] = answers;
      const later = await tx.query<{ n: number }>('SELECT $1::int AS n', [4]);
      return [first.rows[0]!.n, third.rows[0]!.n, count.rows[0]!.c, later.rows[0]!.n];
    });
    expect(seen).toEqual([1, 3, 2, 4]);
    await expect(db.transaction(async (tx) => {
      await Promise.all([tx.query('SELECT 1 / 0'), tx.query('SELECT 1')]);
    })).rejects.toThrow(/division by zero/);
    expect((await db.query<{ c: number }>('SELECT count(*)::int AS c FROM queue_probe')).rows[0]!.c).toBe(2);
  });
});
