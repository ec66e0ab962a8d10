import type { Database } from '../../db/types.ts';
import { writeTx, type Work, type WriteContext } from '../../platform/unit-of-work.ts';

class Unchanged<T> extends Error {
  constructor(readonly result: T) {
    super('unchanged');
  }
}

/**
 * A write that may turn out to change nothing (a PATCH repeating the current values). Every
 * write transaction must leave an audit record, and an empty one would be noise, so the use case
 * calls `unchanged(result)` instead: the transaction rolls back and the result is returned.
 */
export async function writeIfChanged<T>(
  db: Database,
  ctx: WriteContext,
  fn: (w: Work, unchanged: (result: T) => never) => Promise<T>,
): Promise<T> {
  try {
    return await writeTx(db, ctx, (w) =>
      fn(w, (result) => {
        throw new Unchanged(result);
      }),
    );
  } catch (e) {
    if (e instanceof Unchanged) return e.result as T;
    throw e;
  }
}
