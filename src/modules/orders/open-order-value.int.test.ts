import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { shippedOrder } from '../fulfillment/shipment.fixture.ts';
import { invoiceShipment } from '../finance/invoice-shipment.ts';
import { openOrdersMinor } from '../finance/customer-exposure.ts';
import { checkDatabase } from '../integrity/check-database.ts';
import { confirmedOrder, inDays } from '../inventory/stock.fixture.ts';
import { amendOrder } from './amend-order.ts';
import { localToday } from './business-day.ts';
import { runOrderCommand } from './order-commands.ts';
import { placeOrder } from './place-order.ts';

const actor = systemActor('open-orders-test');
let db: TestDatabase;
let crypto: FieldCrypto;
beforeAll(async () => {
  db = await createTestDatabase();
  crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
});
afterAll(() => db.close());

/** The customer's open orders counted the long way: every submitted or confirmed order's lines not yet invoiced. */
const recounted = async (customerId: string): Promise<number> =>
  (await db.query<{ v: number }>(
    `SELECT coalesce(sum(greatest(l.qty_ordered - l.qty_cancelled - l.qty_invoiced, 0) * l.unit_price_minor), 0)::bigint AS v
       FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.customer_id = $1 AND o.lifecycle IN ('submitted', 'confirmed')`, [customerId])).rows[0]!.v;

describe('the running total of a customer’s open orders (credit exposure)', { timeout: 180_000 }, () => {
  it('follows every change of an order: placing, a draft submitted, invoicing, a line cancelled, an amendment, a cancellation', async () => {
    const f = await shippedOrder(db, crypto, { lines: [{ device: 'reagent', quantity: 23 }] });
    const { world } = f;
    const customer = world.hospital.id;
    const total = () => readTx(db, (tx) => openOrdersMinor(tx, customer));
    const holds = async () => {
      expect(await total()).toBe(await recounted(customer));
      const check = (await checkDatabase(db)).checks.find((c) => c.name === 'open_order_totals')!;
      expect(check).toMatchObject({ ok: true, count: 0 });
    };
    const shippedValue = await total();
    expect(shippedValue).toBeGreaterThan(0);
    await holds();

    await writeTx(db, { actor }, (w) => invoiceShipment(w, f.shipmentId, { trigger: 'manual', today: localToday() }));
    expect(await total()).toBe(0);
    await holds();

    const confirmed = await confirmedOrder(db, world, [{ deviceId: world.gauze.id, quantity: 10 }, { deviceId: world.coldDevice.id, quantity: 20 }]);
    const afterConfirmed = await total();
    expect(afterConfirmed).toBeGreaterThan(0);
    await holds();

    const draft = await writeTx(db, { actor }, (w) => placeOrder(w, { customerId: customer, requestedDate: inDays(14), submit: false, lines: [{ deviceId: world.gauze.id, quantity: 5 }] }, { channel: 'api', today: localToday() }));
    expect(await total()).toBe(afterConfirmed);
    await runOrderCommand(db, actor, draft.id, { type: 'submit' }, null);
    expect(await total()).toBeGreaterThan(afterConfirmed);
    await holds();

    await runOrderCommand(db, actor, confirmed, { type: 'cancel_line', lineNo: 1, reason: 'fewer needed' }, null);
    await holds();

    await amendOrder(db, actor, confirmed, { customerId: customer, requestedDate: inDays(14), reason: 'more reagent', lines: [{ deviceId: world.coldDevice.id, quantity: 40 }] }, { today: localToday(), requestId: null });
    await holds();

    await runOrderCommand(db, actor, confirmed, { type: 'cancel', reason: 'customer withdrew' }, null);
    await runOrderCommand(db, actor, draft.id, { type: 'cancel', reason: 'customer withdrew' }, null);
    expect(await total()).toBe(0);
    await holds();
  });

  it('is reported by the integrity check when it drifts from the orders', async () => {
    const { rows: [first] } = await db.query<{ customerId: string }>('SELECT customer_id AS "customerId" FROM customer_open_orders LIMIT 1');
    await db.query('UPDATE customer_open_orders SET open_minor = open_minor + 1 WHERE customer_id = $1', [first!.customerId]);
    const check = (await checkDatabase(db)).checks.find((c) => c.name === 'open_order_totals')!;
    expect(check).toMatchObject({ ok: false, count: 1, sample: [{ customerId: first!.customerId }] });
  });
});
