import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db.ts';
import { systemActor } from './actor.ts';
import { idempotentWrite, requestHash } from './idempotency.ts';

let db: TestDatabase;
const ctx = { actor: { ...systemActor('client'), userId: '00000000-0000-7000-8000-000000000001' } };

beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec('CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL)');
});
afterAll(() => db.close());

const addWidget = (key: string | undefined, name: string) =>
  idempotentWrite(db, ctx, { key, requestHash: requestHash('POST', '/widgets', { name }), status: 201 }, async (w) => {
    const { rows } = await w.tx.query<{ id: number }>('INSERT INTO widgets (name) VALUES ($1) RETURNING id', [name]);
    w.audit({ entityType: 'widget', entityId: String(rows[0]!.id), action: 'created' });
    return { id: rows[0]!.id, name };
  });

const widgets = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM widgets')).rows[0]!.n;

describe('idempotent writes', () => {
  it('replays the first answer for the same key and body, writing once', async () => {
    const first = await addWidget('k-1', 'alpha');
    const again = await addWidget('k-1', 'alpha');
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await widgets()).toBe(1);
  });

  it('refuses the same key with another body', async () => {
    await expect(addWidget('k-1', 'beta')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await widgets()).toBe(1);
  });

  it('writes once when the same request races with itself', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => addWidget('k-race', 'gamma')));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await widgets()).toBe(2);
  });

  it('writes every time without a key, and rejects a malformed key', async () => {
    await addWidget(undefined, 'delta');
    await addWidget(undefined, 'delta');
    expect(await widgets()).toBe(4);
    await expect(addWidget('bad key with spaces', 'x')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
  });
});
