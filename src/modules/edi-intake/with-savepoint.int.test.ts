import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeTx, type LateWrite, type Work } from '../../platform/unit-of-work.ts';
import { withSavepoint } from './with-savepoint.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec('CREATE TABLE late_probe (v int NOT NULL)');
});
afterAll(() => db.close());

const probe = (v: number): LateWrite => ({
  key: 'probe', rows: [{ v }], sql: (rows) => `INSERT INTO late_probe (v) SELECT v FROM jsonb_to_recordset(${rows}) AS r(v int)`,
});
const stored = async (sql: Sql = db) => (await sql.query<{ v: number }>('SELECT v FROM late_probe ORDER BY v')).rows.map((r) => r.v);

describe('a part of a write under a savepoint', () => {
  it('hands its late writes to the whole write only when it succeeds; rows of one key go to one statement at commit', async () => {
    await writeTx(db, { actor: systemActor('test') }, async (w: Work) => {
      w.audit({ entityType: 'test', entityId: 'late', action: 'probed' });
      await withSavepoint(w, 'failing', async (part) => {
        part.atCommit(probe(1));
        throw new Error('this part fails');
      }).catch(() => undefined);
      await withSavepoint(w, 'passing', async (part) => part.atCommit(probe(2)));
      w.atCommit(probe(3));
      // Nothing is written before the transaction closes.
      expect(await stored(w.tx)).toEqual([]);
    });
    expect(await stored()).toEqual([2, 3]);
  });
});
