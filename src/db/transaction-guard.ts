import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Remembers, per async call chain, that a transaction is open. PGlite has one connection: a
 * query sent on the database handle while a transaction of the same chain is open would wait
 * for that transaction forever. We refuse it at once instead, so the mistake shows up in the
 * first test rather than as a hang; on PostgreSQL the same rule keeps a write from escaping its
 * transaction.
 */
const openTransaction = new AsyncLocalStorage<true>();

export const inTransaction = (): boolean => openTransaction.getStore() === true;

export const runInTransactionScope = <T>(fn: () => Promise<T>): Promise<T> => openTransaction.run(true, fn);

export function assertOutsideTransaction(what: string): void {
  if (inTransaction()) {
    throw new Error(
      `${what} was called on the database handle inside an open transaction: use the transaction's own handle (tx)`,
    );
  }
}
