import type { Database } from '../db/types.ts';
import { writeTx, type Work, type WriteContext } from './unit-of-work.ts';

class NothingChanged<T> extends Error {
  constructor(readonly value: T) {
    super('nothing changed');
  }
}

/**
 * writeTx for a change that may turn out to change nothing (a PATCH with the stored values, a
 * re-import of the same row): `unchanged(value)` ends the transaction without writing — so no
 * empty audit record is needed — and returns `value`.
 */
export async function writeIfChanged<T>(
  db: Database,
  ctx: WriteContext,
  fn: (w: Work, unchanged: (value: T) => never) => Promise<T>,
): Promise<T> {
  const unchanged = (value: T): never => {
    throw new NothingChanged(value);
  };
  try {
    return await writeTx(db, ctx, (w) => fn(w, unchanged));
  } catch (e) {
    if (e instanceof NothingChanged) return e.value as T;
    throw e;
  }
}
