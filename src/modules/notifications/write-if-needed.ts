import type { Database } from '../../db/types.ts';
import { writeTx, type Work, type WriteContext } from '../../platform/unit-of-work.ts';

const NOTHING = Symbol('nothing to write');

/** Thrown inside `writeIfNeeded` when, under lock, there turns out to be nothing to do. */
export const nothingToWrite = (): never => {
  throw NOTHING;
};

/**
 * A write that may find nothing to do once it holds its locks (another worker got there first,
 * an event delivered twice): it then rolls back and returns null instead of failing on the
 * unit of work's missing audit record.
 */
export async function writeIfNeeded<T>(db: Database, ctx: WriteContext, fn: (w: Work) => Promise<T>): Promise<T | null> {
  try {
    return await writeTx(db, ctx, fn);
  } catch (e) {
    if (e === NOTHING) return null;
    throw e;
  }
}
