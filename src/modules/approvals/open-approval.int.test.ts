import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { orderWorld, type OrderWorld } from '../../../test/helpers/order-fixtures.ts';
import { placeOrder } from '../orders/place-order.ts';
import { localToday } from '../orders/business-day.ts';

let db: TestDatabase;
let world: OrderWorld;
const actor = systemActor('approvals-int');

beforeAll(async () => {
  db = await createTestDatabase();
  world = await orderWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))), { licenceValidTo: '2025-12-31' });
});
afterAll(() => db.close());

const input = () => ({ customerId: world.hospital.id, lines: [{ deviceId: world.stent.id, quantity: 1 }] });
const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe('an approval opens with its hold', () => {
  it('opens the request and the first step’s tasks in the transaction that placed the hold', async () => {
    const placed = await writeTx(db, { actor }, (w) => placeOrder(w, input(), { channel: 'console', today: localToday() }));
    const { rows } = await db.query<{ status: string; workflow_id: string; workflow_version: number; order_version: number; round: number; roles: string[] }>(
      `SELECT r.status, r.workflow_id, r.workflow_version, r.order_version, r.round, array_agg(t.role) AS roles
         FROM approval_requests r JOIN approval_tasks t ON t.request_id = r.id JOIN order_holds h ON h.id = r.hold_id
        WHERE r.order_id = $1 AND h.hold_type = 'compliance' GROUP BY r.id`, [placed.id]);
    expect(rows).toEqual([{ status: 'open', workflow_id: 'built-in', workflow_version: 0, order_version: 1, round: 1, roles: ['quality'] }]);
  });

  it('leaves neither hold nor approval behind when that transaction fails', async () => {
    const [requests, tasks, holds] = [await count('approval_requests'), await count('approval_tasks'), await count('order_holds')];
    await expect(writeTx(db, { actor }, async (w) => {
      await placeOrder(w, input(), { channel: 'console', today: localToday() });
      throw new Error('something later in the same request failed');
    })).rejects.toThrow('something later');
    expect([await count('approval_requests'), await count('approval_tasks'), await count('order_holds')]).toEqual([requests, tasks, holds]);
  });
});
