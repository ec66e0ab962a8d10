import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-db.ts';
import { openPostgres } from './postgres-database.ts';
import { loadConfig } from '../platform/config.ts';

/** Named statements (server-side prepared): parsed once per connection on PostgreSQL, off on request. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const namesSeen = (tx: { query: TestDatabase['query'] }, statement: string) =>
  tx
    .query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE statement = $1', [statement])
    .then((r) => r.rows.map((x) => x.name));

describe.skipIf(!process.env.DATABASE_URL)('prepared statements on PostgreSQL', () => {
  it('given a statement sent twice on one connection, then it is prepared once under one name and answers both times', async () => {
    const names = await db.transaction(async (tx) => {
      const a = await tx.query<{ n: number }>('SELECT $1::int + 1 AS n', [1]);
      const b = await tx.query<{ n: number }>('SELECT $1::int + 1 AS n', [41]);
      expect([a.rows[0]!.n, b.rows[0]!.n]).toEqual([2, 42]);
      return namesSeen(tx, 'SELECT $1::int + 1 AS n');
    });
    expect(names).toHaveLength(1);
  });

  it('given preparedStatements off (PgBouncer < 1.21), then nothing is left prepared on the connection', async () => {
    const plain = openPostgres(db.url!, { max: 1, preparedStatements: false });
    try {
      const names = await plain.transaction(async (tx) => {
        await tx.query('SELECT $1::int + 2 AS n', [1]);
        return namesSeen(tx, 'SELECT $1::int + 2 AS n');
      });
      expect(names).toEqual([]);
    } finally {
      await plain.close();
    }
  });

  it('given a table altered after a statement on it was prepared, then the statement answers with the new shape, alone and in a transaction', async () => {
    const one = openPostgres(db.url!, { max: 1 });
    try {
      await one.exec('CREATE TABLE prepared_probe (id int)');
      await one.query('INSERT INTO prepared_probe VALUES ($1)', [1]);
      const read = (sql: { query: TestDatabase['query'] }) =>
        sql.query('SELECT * FROM prepared_probe WHERE id = $1', [1]).then((r) => r.rows);
      expect(await read(one)).toEqual([{ id: 1 }]);
      expect(await one.transaction(read)).toEqual([{ id: 1 }]);
      await one.exec('ALTER TABLE prepared_probe ADD COLUMN note text');
      expect(await read(one)).toEqual([{ id: 1, note: null }]);
      await one.exec('ALTER TABLE prepared_probe ADD COLUMN more text');
      expect(await one.transaction(read)).toEqual([{ id: 1, note: null, more: null }]);
    } finally {
      await one.close();
    }
  });
});

describe('DATABASE_PREPARED_STATEMENTS', () => {
  it('given on, off or unset, then the config says so; given anything else, then it is refused naming the variable', () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' }).preparedStatements).toBe(false);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'on' }).preparedStatements).toBe(true);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'maybe' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS/,
    );
  });
});
