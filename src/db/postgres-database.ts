import pg from 'pg';
import type { Database, QueryResult, Sql, TransactionOptions } from './types.ts';
import { typeParsers } from './type-parsers.ts';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-guard.ts';
import { beginStatement, withRetries } from './retry.ts';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return typeParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

/**
 * A transaction's client runs one query at a time; queries issued together (Promise.all over
 * one transaction) are chained here rather than left to pg's deprecated implicit queue.
 */
const adapt = (q: pg.Pool | pg.PoolClient): Sql => {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    if (q instanceof pg.Pool) return run();
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const res = await serial(() => q.query(text, params as unknown[]));
      return { rows: res.rows as R[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(script: string): Promise<void> {
      await serial(() => q.query(script)); // no parameters → simple query protocol, several statements allowed
    },
  };
};

/** A PostgreSQL server through a `pg` pool. */
export function openPostgres(connectionString: string, opts: { max?: number } = {}): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10, types });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  const direct = adapt(pool);
  return {
    kind: 'postgres',
    pool,
    query(text, params) {
      assertOutsideTransaction('query');
      return direct.query(text, params);
    },
    exec(script) {
      assertOutsideTransaction('exec');
      return direct.exec(script);
    },
    transaction<T>(fn: (tx: Sql) => Promise<T>, o: TransactionOptions = {}): Promise<T> {
      assertOutsideTransaction('transaction');
      return withRetries(o.retries ?? 3, async () => {
        const client = await pool.connect();
        let broken: unknown;
        // A checked-out client whose server goes away between queries emits 'error'; unheard, it
        // would crash the process. The transaction fails at its next query and the client is discarded.
        const onLost = (e: Error) => (broken = e);
        client.on('error', onLost);
        try {
          await client.query(beginStatement(o));
          const result = await runInTransactionScope(() => fn(adapt(client)));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          try {
            await client.query('ROLLBACK');
          } catch (rollbackError) {
            broken = rollbackError;
          }
          throw e;
        } finally {
          client.off('error', onLost);
          client.release(broken instanceof Error ? broken : undefined);
        }
      });
    },
    async close() {
      await pool.end();
    },
  };
}
