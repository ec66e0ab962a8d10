/** The one query surface every module writes SQL against, whichever database is underneath. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations, test set-up). */
  exec(script: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface TransactionOptions {
  readOnly?: boolean;
  isolation?: Isolation;
  /** How many times a serialization failure or deadlock re-runs the whole transaction. */
  retries?: number;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Sql) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
