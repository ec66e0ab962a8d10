import { createHash } from 'node:crypto';
import type { Database } from '../db/types.ts';
import { canonicalJson } from './canonical-json.ts';
import { DomainError, invalid } from './errors.ts';
import { writeTx, type Work, type WriteContext } from './unit-of-work.ts';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this answer is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

export const requestHash = (method: string, path: string, body: unknown): string =>
  createHash('sha256').update(`${method} ${path}\n${canonicalJson(body ?? null)}`).digest('hex');

async function storedAnswer<T>(db: Database, actorId: string, key: string, hash: string): Promise<IdempotentResult<T> | null> {
  const { rows } = await db.query<{ request_hash: string; status_code: number; response: T }>(
    'SELECT request_hash, status_code, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2',
    [actorId, key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with a different request', {
      field: 'Idempotency-Key',
    });
  }
  return { status: row.status_code, body: row.response, replayed: true };
}

/**
 * A write that may arrive twice (a retried request, a double click): with a key, the first answer
 * is stored in the write's own transaction and every later request with the same key and body
 * gets that answer back without writing again; the same key with another body is a 409.
 * Without a key it is an ordinary write.
 */
export async function idempotentWrite<T>(
  db: Database,
  ctx: WriteContext,
  idem: { key: string | undefined; requestHash: string; status: number },
  fn: (w: Work) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (idem.key === undefined) return { status: idem.status, body: await writeTx(db, ctx, fn), replayed: false };
  if (!KEY.test(idem.key)) throw invalid('Idempotency-Key', 'use 1–200 letters, digits, dot, dash, underscore or colon');
  const actorId = ctx.actor.userId ?? ctx.actor.name;
  const earlier = await storedAnswer<T>(db, actorId, idem.key, idem.requestHash);
  if (earlier) return earlier;
  try {
    const body = await writeTx(db, ctx, async (w) => {
      const result = await fn(w);
      await w.tx.query(
        'INSERT INTO idempotency_keys (actor_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, $4, $5)',
        [actorId, idem.key, idem.requestHash, idem.status, JSON.stringify(result)],
      );
      return result;
    });
    return { status: idem.status, body, replayed: false };
  } catch (e) {
    // A concurrent request with the same key won the race: answer as it did.
    if ((e as { constraint?: string }).constraint === 'idempotency_keys_pkey') {
      const winner = await storedAnswer<T>(db, actorId, idem.key, idem.requestHash);
      if (winner) return winner;
    }
    throw e;
  }
}
