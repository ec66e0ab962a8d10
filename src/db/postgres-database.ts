import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, QueryResult, Sql, TransactionOptions } from './types.ts';
import { typeParsers } from './type-parsers.ts';
import { assertOutsideTransaction, runInTransactionScope } from './transaction-guard.ts';
import { beginStatement, isConnectionLost, isStalePlan, withRetries } from './retry.ts';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return typeParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

/**
 * Statement names for the server's prepared-statement cache: a statement sent by name is parsed and
 * analysed once per connection instead of on every call, which is most of the database's CPU for
 * the short statements of a request. The SQL texts are the code's own (values travel as
 * parameters), so they are few; past the cap a text goes unnamed rather than grow every
 * connection's cache. Off for a pooler in transaction mode that cannot keep them (PgBouncer < 1.21).
 */
const MAX_NAMED = 4000;
const hashes = new Map<string, string>();
/** Bumped when the server refuses a stale plan: every statement gets a new name and is parsed afresh. */
let generation = 0;
function statementName(text: string): string | undefined {
  let hash = hashes.get(text);
  if (hash === undefined && hashes.size < MAX_NAMED) {
    hash = createHash('sha1').update(text).digest('hex').slice(0, 24);
    hashes.set(text, hash);
  }
  return hash === undefined ? undefined : `ll${generation}_${hash}`;
}

/**
 * A transaction's client runs one query at a time; queries issued together (Promise.all over
 * one transaction) are chained here rather than left to pg's deprecated implicit queue.
 */
const adapt = (q: pg.Pool | pg.PoolClient, prepare: boolean): Sql => {
  const pooled = q instanceof pg.Pool;
  let tail: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  // The common case — one query at a time — goes straight to the client: no closure per call
  // (tsx names every closure it creates, which costs on a path taken ~20 times a request).
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  const send = (text: string, params: readonly unknown[]): Promise<pg.QueryResult> => {
    const name = prepare ? statementName(text) : undefined;
    const config = name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] };
    if (pooled) return q.query(config);
    if (inFlight++ === 0) {
      const direct = q.query(config);
      tail = direct.then(done, done);
      return direct;
    }
    return serial(() => q.query(config)).finally(done);
  };
  const done = (): void => void inFlight--;
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      let res: pg.QueryResult;
      try {
        res = await send(text, params);
      } catch (e) {
        if (!isStalePlan(e)) throw e;
        generation++;
        // In a transaction the error has aborted it: the transaction is run again (withRetries).
        if (!pooled) throw e;
        res = await send(text, params);
      }
      return { rows: res.rows as R[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(script: string): Promise<void> {
      // No parameters → simple query protocol, several statements allowed.
      if (pooled) await q.query(script);
      else {
        inFlight++;
        await serial(() => q.query(script)).finally(done);
      }
    },
  };
};

/** A PostgreSQL server through a `pg` pool. */
export function openPostgres(connectionString: string, opts: { max?: number; preparedStatements?: boolean } = {}): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10, types });
  const prepare = opts.preparedStatements ?? true;
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => {});
  const direct = adapt(pool, prepare);
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
        let client: pg.PoolClient;
        let broken: unknown;
        // A checked-out client whose server goes away between queries emits 'error'; unheard, it
        // would crash the process. The transaction fails at its next query and the client is discarded.
        const onLost = (e: Error) => (broken = e);
        // A pooled connection the server dropped (restart, failover) can be handed out before the
        // pool has heard: BEGIN finds out, and with nothing done yet another connection is taken.
        for (let attempt = 1; ; attempt++) {
          client = await pool.connect();
          client.on('error', onLost);
          try {
            await client.query(beginStatement(o));
            break;
          } catch (e) {
            client.off('error', onLost);
            client.release(e instanceof Error ? e : new Error(String(e)));
            if (!isConnectionLost(e) || attempt > (opts.max ?? 10)) throw e;
            broken = undefined;
          }
        }
        try {
          const result = await runInTransactionScope(() => fn(adapt(client, prepare)));
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
