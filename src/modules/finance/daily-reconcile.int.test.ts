import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { createUser } from '../auth/create-user.ts';
import { localToday } from '../orders/business-day.ts';
import { shippedOrder } from '../fulfillment/shipment.fixture.ts';
import { invoiceOnEvent } from './invoice-handler.ts';
import { runDailyReconcile } from './run-daily-reconcile.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('the daily reconciliation', { timeout: 180_000 }, () => {
  it('tells finance users, in both languages, once a day, and is clean once the shipment is invoiced', async () => {
    const f = await shippedOrder(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
    const user = await createUser(db, systemActor('test'), { username: 'fin-daily', password: 'test-pass-12345', roles: ['finance'] });
    const today = localToday();
    const run = await runDailyReconcile(db, today);
    expect(run.exceptions.map((e) => [e.type, e.orderId, e.customerId])).toEqual([['shipped_not_invoiced', f.orderId, f.world.hospital.id]]);
    expect(run.byType.shipped_not_invoiced).toBe(1);
    expect(run.notified).toBe(1);
    const sent = await db.query<{ user_id: string; kind: string; message_en: string; message_zh: string }>(
      `SELECT user_id, kind, message_en, message_zh FROM notifications WHERE source_key = $1`, [`finance-reconcile:${today}`]);
    expect(sent.rows).toEqual([{ user_id: user.id, kind: 'finance.reconcile', message_en: expect.stringContaining('1 exception'), message_zh: expect.stringContaining('对账') }]);
    expect((await runDailyReconcile(db, today)).notified).toBe(0);

    await invoiceOnEvent(db, f.shipmentId, 'shipment');
    const clean = await runDailyReconcile(db, today);
    expect(clean).toMatchObject({ count: 0, exceptions: [], notified: 0 });
  });
});
