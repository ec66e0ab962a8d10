import { PGlite } from '@electric-sql/pglite';
import type { Database, QueryResult, Sql, TransactionOptions } from './types.ts';
import { typeParsers } from './type-parsers.ts';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-guard.ts';
import { withRetries } from './retry.ts';

type LiteQueryable = Pick<PGlite, 'query' | 'exec'>;

const adapt = (q: LiteQueryable): Sql => ({
  async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const res = await q.query<R>(text, params as unknown[]);
    return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
  },
  async exec(script: string): Promise<void> {
    await q.exec(script);
  },
});

/**
 * Embedded PostgreSQL (PGlite). One connection: PGlite itself queues transactions, and the
 * transaction guard refuses a query on the handle from inside an open transaction.
 */
export async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<Database & { lite: PGlite }> {
  const lite = new PGlite({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: typeParsers,
  });
  await lite.waitReady;
  const direct = adapt(lite);
  return {
    kind: 'pglite',
    lite,
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
      return withRetries(o.retries ?? 3, () =>
        runInTransactionScope(() =>
          lite.transaction(async (tx) => {
            if (o.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${o.isolation.toUpperCase()}`);
            if (o.readOnly) await tx.query('SET TRANSACTION READ ONLY');
            return fn(adapt(tx));
          }),
        ),
      );
    },
    async close() {
      await lite.close();
    },
  };
}
