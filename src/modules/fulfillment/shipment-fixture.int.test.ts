import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { verifyLedger } from '../inventory/verify-ledger.ts';
import { getShipment } from './get-shipment.ts';
import { shippedOrder } from './shipment.fixture.ts';

let db: TestDatabase;
let crypto: FieldCrypto;
beforeAll(async () => {
  db = await createTestDatabase();
  crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
});
afterAll(() => db.close());

describe('shippedOrder (the fixture other modules build on)', () => {
  it('ships a lot-tracked box and serial-tracked stents through the real chain, delivered, with a sound ledger', { timeout: 180_000 }, async () => {
    const f = await shippedOrder(db, crypto, { lines: [{ device: 'reagent', quantity: 23 }, { device: 'stent', quantity: 2 }], deliver: true });
    const order = await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [f.orderId]);
    expect(order.rows[0]!.status).toBe('delivered');
    const lines = await db.query<{ line_no: number; qty_picked: number; qty_packed: number; qty_shipped: number; qty_delivered: number }>(
      'SELECT line_no, qty_picked, qty_packed, qty_shipped, qty_delivered FROM order_lines WHERE order_id = $1 ORDER BY line_no', [f.orderId]);
    expect(lines.rows).toEqual([
      { line_no: 1, qty_picked: 23, qty_packed: 23, qty_shipped: 23, qty_delivered: 23 },
      { line_no: 2, qty_picked: 2, qty_packed: 2, qty_shipped: 2, qty_delivered: 2 },
    ]);
    const shipped = await db.query<{ lot_id: string; serial: string | null; quantity: number; customer_id: string }>(
      `SELECT sl.lot_id, su.serial, sl.quantity, sl.customer_id FROM shipment_lines sl LEFT JOIN serial_units su ON su.id = sl.serial_id
        WHERE sl.shipment_id = $1 ORDER BY sl.line_no, su.serial`, [f.shipmentId]);
    expect(shipped.rows).toEqual([
      { lot_id: f.lotIds[0], serial: null, quantity: 23, customer_id: f.world.hospital.id },
      ...f.serials[1]!.map((serial) => ({ lot_id: f.lotIds[1], serial, quantity: 1, customer_id: f.world.hospital.id })),
    ]);
    const serials = await db.query<{ status: string; bin_id: string | null }>('SELECT status, bin_id FROM serial_units WHERE lot_id = $1', [f.lotIds[1]]);
    expect(serials.rows).toEqual([{ status: 'shipped', bin_id: null }, { status: 'shipped', bin_id: null }]);
    const stock = await db.query<{ on_hand: number; allocated: number }>('SELECT on_hand, allocated FROM stock_balances WHERE lot_id = ANY($1::uuid[])', [f.lotIds]);
    expect(stock.rows.every((r) => r.on_hand === 0 && r.allocated === 0)).toBe(true);
    expect(await readTx(db, verifyLedger)).toEqual([]);
    const view = await readTx(db, (tx) => getShipment(tx, f.reviewer, f.shipmentId));
    expect(view.lines.map((l) => [l.lineNo, l.lotNumber, l.serial, l.quantity, l.sscc])).toEqual([
      [1, f.lotNumbers[0], null, 23, f.ssccs[0]], ...f.serials[1]!.map((s) => [2, f.lotNumbers[1], s, 1, f.ssccs[0]]),
    ]);
    expect(view).toMatchObject({ status: 'delivered', receivedBy: '库房 张三', podReference: expect.stringMatching(/^POD-/) });
    const events = await db.query<{ topic: string }>(`SELECT topic FROM outbox_events WHERE topic LIKE 'shipment.%' ORDER BY id`);
    expect(events.rows.map((e) => e.topic)).toEqual(['shipment.shipped', 'shipment.delivered']);
  });
});
