import type { Database, Sql } from '../src/db/types.ts';

/** What a counted database has sent since it was wrapped (or since the last `reset`). */
export interface StatementCount {
  /** Statements sent by the code: `query`/`exec` on the database and on every transaction handle. */
  statements: number;
  /** Transactions run; each also costs a BEGIN and a COMMIT round trip that `statements` leaves out. */
  transactions: number;
  /** Statements inside each finished transaction, in the order they finished. */
  perTransaction: number[];
}

export interface CountedDatabase {
  db: Database;
  count(): StatementCount;
  reset(): void;
}

/**
 * Wraps a database so every statement the application sends is counted: a measure of round trips
 * per request that, unlike a timing, does not move with the load on the machine. A re-run
 * transaction (serialization retry) counts each attempt, as each one reaches the server.
 */
export function countStatements(inner: Database): CountedDatabase {
  let statements = 0;
  let transactions = 0;
  let perTransaction: number[] = [];
  const counted = (sql: Sql, onStatement: () => void): Sql => ({
    query(text, params) {
      onStatement();
      return sql.query(text, params);
    },
    exec(script) {
      onStatement();
      return sql.exec(script);
    },
  });
  const direct = counted(inner, () => statements++);
  const db: Database = {
    kind: inner.kind,
    query: (text, params) => direct.query(text, params),
    exec: (script) => direct.exec(script),
    transaction(fn, opts) {
      return inner.transaction(async (tx) => {
        transactions++;
        let mine = 0;
        try {
          return await fn(counted(tx, () => (statements++, mine++)));
        } finally {
          perTransaction.push(mine);
        }
      }, opts);
    },
    close: () => inner.close(),
  };
  return {
    db,
    count: () => ({ statements, transactions, perTransaction: [...perTransaction] }),
    reset() {
      statements = 0;
      transactions = 0;
      perTransaction = [];
    },
  };
}
