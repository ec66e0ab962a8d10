import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { figureOf, run } from '../../../bench/big-order.ts';
import { verifyLedger } from './verify-ledger.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('allocating a big order', () => {
  it('allocates 10,000 lines over 5,000 lots in one transaction (prints the time)', async () => {
    const r = await run({ lines: 10_000, lots: 5_000, db });
    console.log(JSON.stringify({ ...figureOf(r), database: db.kind }));
    expect(r).toMatchObject({ lines: 10_000, allocatedUnits: 100_000, backOrderedUnits: 0 });
    expect(r.allocations).toBeGreaterThanOrEqual(10_000);
    const lines = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM order_lines WHERE qty_allocated = qty_ordered AND promise_basis->>'basis' = 'stock'`);
    expect(lines.rows[0]!.n).toBe(10_000);
    expect(await readTx(db, verifyLedger)).toEqual([]);
  }, 900_000);
});
