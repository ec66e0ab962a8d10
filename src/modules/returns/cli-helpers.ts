import type { TObject } from 'typebox';
import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { withRuntime } from '../../commands/with-runtime.ts';
import { validateRow } from '../imports/validate-row.ts';

export const cliActor = systemActor('cli');

/** Validates CLI input with the API's schema: a bad option is invalid input (exit 2) naming the field. */
export function checked<T>(schema: TObject, body: Record<string, unknown>): T {
  const [error] = validateRow(schema, body);
  if (error) throw invalid(error.field, `${error.field} ${error.message}`);
  return body as T;
}

/** Runs one write use case against the configured database as the CLI. */
export const cliWrite = <T>(json: boolean | undefined, fn: (w: Work, db: Database) => Promise<T>) =>
  withRuntime((rt) => writeTx(rt.db, { actor: cliActor }, (w) => fn(w, rt.db)), { quiet: json });

