import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { shippedOrder, type ShippedOrderFixture } from '../fulfillment/shipment.fixture.ts';
import { parseGs1 } from '../udi/parse-gs1.ts';
import { traceLot } from './trace-lot.ts';
import { traceOrder } from './trace-order.ts';
import { traceScan } from './trace-scan.ts';
import { traceSerial } from './trace-serial.ts';

// Trace over an order shipped through fulfilment's real pick → pack → review → ship use cases.
const sys = systemActor('test');
let db: TestDatabase;
let shipped: ShippedOrderFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  shipped = await shippedOrder(db, createFieldCrypto(parseKeyring(generateKeyLine('t'))), { lines: [{ device: 'stent', quantity: 2 }, { device: 'reagent', quantity: 20 }] });
}, 180_000);
afterAll(async () => db?.close());

describe('trace of an order shipped by fulfilment', () => {
  it('order → every serial and UDI in its SSCC, and the certificate of each lot', async () => {
    const t = await readTx(db, (tx) => traceOrder(tx, sys, shipped.orderId));
    expect(t.shipments.map((s) => s.number)).toEqual([shipped.shipmentNumber]);
    expect(t.shipments[0]!.packages.map((p) => p.sscc)).toEqual(shipped.ssccs);
    const units = t.shipments[0]!.packages[0]!.units;
    expect(units.filter((u) => u.serial).map((u) => u.serial).sort()).toEqual([...shipped.serials[0]!].sort());
    for (const u of units.filter((x) => x.serial)) expect(parseGs1(u.udi!.raw, new Date())).toMatchObject({ gtin: shipped.world.stent.eachGtin, serial: u.serial, lot: shipped.lotNumbers[0] });
    expect(t.lots.map((l) => l.documents[0]?.reference).sort()).toEqual(shipped.lotNumbers.map((n) => `COC-${n}`).sort());
    expect(t.totals).toMatchObject({ shipped: 22, returned: 0, net: 22, lots: 2, serials: 2 });
  });

  it('lot → the consignee, and serial → received, picked, shipped', async () => {
    const lot = await readTx(db, (tx) => traceLot(tx, sys, shipped.lotIds[1]!));
    expect(lot.consignees.map((c) => [c.customer.id, c.totals.net])).toEqual([[shipped.world.hospital.id, 20]]);
    const serial = await readTx(db, (tx) => traceSerial(tx, sys, shipped.world.stent.eachGtin, shipped.serials[0]![0]!));
    expect(serial.status).toBe('shipped');
    const kinds = serial.history.map((s) => s.kind);
    expect(kinds[0]).toBe('move');
    expect(kinds).toContain('pick');
    expect(kinds.at(-1)).toBe('shipment');
    expect(serial.history.find((s) => s.kind === 'pick')).toMatchObject({ packageSscc: shipped.ssccs[0] });
  });

  it('an SSCC scan → the package, its shipment and the units in it', async () => {
    const t = await readTx(db, (tx) => traceScan(tx, sys, `(00)${shipped.ssccs[0]}`));
    expect(t.kind).toBe('package');
    if (t.kind !== 'package') return;
    expect(t.shipment?.number).toBe(shipped.shipmentNumber);
    expect(t.units.reduce((n, u) => n + u.quantity, 0)).toBe(22);
    expect(t.lots).toHaveLength(2);
    await expect(readTx(db, (tx) => traceScan(tx, sys, '(00)000000000000000000'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
