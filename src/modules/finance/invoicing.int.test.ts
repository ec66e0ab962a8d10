import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { shippedOrder } from '../fulfillment/shipment.fixture.ts';
import { setFinanceSettings } from './finance-settings.ts';
import { getInvoice } from './get-invoice.ts';
import { invoiceOnEvent } from './invoice-handler.ts';
import { invoiceShipment } from './invoice-shipment.ts';
import { issueCreditNote } from './issue-credit-note.ts';
import { reconcileOrder } from './reconcile.ts';

const actor = systemActor('finance-test');
let db: TestDatabase;
let crypto: FieldCrypto;
beforeAll(async () => {
  db = await createTestDatabase();
  crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
});
afterAll(() => db.close());

const codeOf = async (fn: () => Promise<unknown>): Promise<string> => {
  try {
    await fn();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.field ?? ''}` : String(e);
  }
  return 'no error';
};

describe('invoicing a shipment', { timeout: 180_000 }, () => {
  it('invoices once per shipment at the order price with 13% VAT, raises qty_invoiced and makes the order invoiced', async () => {
    const f = await shippedOrder(db, crypto, { lines: [{ device: 'reagent', quantity: 23 }, { device: 'stent', quantity: 2 }] });
    const id = await invoiceOnEvent(db, f.shipmentId, 'shipment');
    expect(id).not.toBeNull();
    // The same event again, and the manual command after it, invoice nothing more.
    expect(await invoiceOnEvent(db, f.shipmentId, 'shipment')).toBeNull();
    expect(await codeOf(() => writeTx(db, { actor }, (w) => invoiceShipment(w, f.shipmentId, { trigger: 'manual', today: localToday() })))).toBe('DUPLICATE:shipmentId');

    const inv = await readTx(db, (tx) => getInvoice(tx, actor, id!));
    expect(inv.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(inv.lines.map((l) => [l.orderLineNo, l.quantity, l.unitPriceMinor, l.vatRateBp, l.lotId])).toEqual([
      [1, 23, 8_000, 1300, f.lotIds[0]], [2, 2, 1_200_000, 1300, f.lotIds[1]],
    ]);
    expect(inv.netMinor).toBe(23 * 8_000 + 2 * 1_200_000);
    expect(inv.vatMinor).toBe(Math.round(inv.netMinor * 0.13));
    expect(inv.totalMinor).toBe(inv.netMinor + inv.vatMinor);
    expect(inv.openMinor).toBe(inv.totalMinor);
    expect(await readTx(db, (tx) => getInvoice(tx, actor, inv.number))).toMatchObject({ id: inv.id });

    const lines = await db.query<{ qty_invoiced: number }>('SELECT qty_invoiced FROM order_lines WHERE order_id = $1 ORDER BY line_no', [f.orderId]);
    expect(lines.rows.map((l) => l.qty_invoiced)).toEqual([23, 2]);
    const order = await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [f.orderId]);
    expect(order.rows[0]!.status).toBe('invoiced');
    const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'invoice' AND entity_id = $1`, [inv.id]);
    expect(audit.rows[0]!.n).toBe(1);
    const events = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'invoice.issued' AND entity_id = $1`, [inv.id]);
    expect(events.rows[0]!.n).toBe(1);

    const recon = await readTx(db, (tx) => reconcileOrder(tx, actor, f.orderId, localToday()));
    expect(recon.exceptions).toEqual([]);
  });

  it('for a customer invoiced on delivery, waits for the delivery; an export customer pays 0% VAT', async () => {
    const f = await shippedOrder(db, crypto);
    await writeTx(db, { actor }, (w) => setFinanceSettings(w, f.world.hospital.id, { invoiceOn: 'delivery', vatCode: 'EXPORT_0' }));
    expect(await invoiceOnEvent(db, f.shipmentId, 'shipment')).toBeNull();
    expect(await codeOf(() => writeTx(db, { actor }, (w) => invoiceShipment(w, f.shipmentId, { trigger: 'manual', today: localToday() })))).toBe('INVALID_STATE:shipmentId');
    const recon = await readTx(db, (tx) => reconcileOrder(tx, actor, f.orderId, localToday()));
    expect(recon.exceptions).toEqual([]); // shipped, not delivered: not yet due for invoicing

    await db.query(`UPDATE shipments SET status = 'delivered', delivered_at = now() WHERE id = $1`, [f.shipmentId]);
    await db.query('UPDATE order_lines SET qty_delivered = qty_shipped WHERE order_id = $1', [f.orderId]);
    const recon2 = await readTx(db, (tx) => reconcileOrder(tx, actor, f.orderId, localToday()));
    expect(recon2.exceptions.map((e) => e.type)).toEqual(['shipped_not_invoiced']);
    const id = await invoiceOnEvent(db, f.shipmentId, 'delivery');
    const inv = await readTx(db, (tx) => getInvoice(tx, actor, id!));
    expect(inv.trigger).toBe('delivery');
    expect(inv.vatMinor).toBe(0);
    expect(inv.vatBreakdown).toEqual([{ code: 'EXPORT_0', rateBp: 0, netMinor: 20 * 8_000, vatMinor: 0 }]);
  });

  it('credits a return against the invoice at the invoiced price, never more units than invoiced', async () => {
    const f = await shippedOrder(db, crypto, { lines: [{ device: 'reagent', quantity: 20 }] });
    const invoiceId = (await invoiceOnEvent(db, f.shipmentId, 'shipment'))!;
    const customerId = f.world.hospital.id;
    const deviceId = f.world.coldDevice.id;
    const credit = await writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId, reason: 'RMA-1 damaged', sourceRef: 'RMA-1', lines: [{ deviceId, quantity: 5 }] }));
    expect(credit.number).toMatch(/^CN-\d{4}-\d{6}$/);
    expect(credit.kind).toBe('credit_note');
    expect(credit.creditedInvoiceNumber).toMatch(/^INV-/);
    expect(credit.netMinor).toBe(-5 * 8_000);
    expect(credit.vatMinor).toBe(-5_200);
    const inv = await readTx(db, (tx) => getInvoice(tx, actor, invoiceId));
    expect(inv.creditedMinor).toBe(credit.totalMinor);
    expect(inv.openMinor).toBe(inv.totalMinor + credit.totalMinor);

    expect(await codeOf(() => writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId, reason: 'too many', lines: [{ deviceId, quantity: 16 }] }))))
      .toBe('VALIDATION_FAILED:lines.0.quantity');
    expect(await codeOf(() => writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId, reason: 'x', lines: [{ deviceId: f.world.stent.id, quantity: 1 }] }))))
      .toBe('VALIDATION_FAILED:lines.0.deviceId');
    expect(await codeOf(() => writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId, kind: 'price_correction', reason: 'x', lines: [{ deviceId, quantity: 1 }] }))))
      .toBe('VALIDATION_FAILED:lines.0.unitPriceMinor');
    expect(await codeOf(() => writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId: f.world.stent.id, reason: 'x', lines: [{ deviceId, quantity: 1 }] }))))
      .toBe('VALIDATION_FAILED:customerId');
    // A standalone credit without an invoice needs a price from somewhere.
    expect(await codeOf(() => writeTx(db, { actor }, (w) => issueCreditNote(w, { customerId, reason: 'goodwill', lines: [{ deviceId, quantity: 1 }] }))))
      .toBe('VALIDATION_FAILED:lines.0.unitPriceMinor');
    const goodwill = await writeTx(db, { actor }, (w) => issueCreditNote(w, { customerId, kind: 'other', reason: 'goodwill', lines: [{ deviceId, quantity: 1, orderId: f.orderId, lineNo: 1 }] }));
    expect(goodwill.netMinor).toBe(-8_000);
    // The rest of the return still fits: 15 more units.
    const rest = await writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId, reason: 'RMA-2', lines: [{ deviceId, quantity: 15, lotId: f.lotIds[0] }] }));
    expect(rest.lines[0]!.quantity).toBe(15);
  });

  it('two workers racing on the same shipment event write one invoice', async () => {
    const f = await shippedOrder(db, crypto);
    const ids = await Promise.all([invoiceOnEvent(db, f.shipmentId, 'shipment'), invoiceOnEvent(db, f.shipmentId, 'shipment'), invoiceOnEvent(db, f.shipmentId, 'shipment')]);
    expect(ids.filter((i) => i !== null)).toHaveLength(1);
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM invoices WHERE shipment_id = $1', [f.shipmentId]);
    expect(n.rows[0]!.n).toBe(1);
    const line = await db.query<{ qty_invoiced: number }>('SELECT qty_invoiced FROM order_lines WHERE order_id = $1', [f.orderId]);
    expect(line.rows[0]!.qty_invoiced).toBe(20);
  });

  it('a price correction after the order price changed clears price_differs_from_order', async () => {
    const f = await shippedOrder(db, crypto);
    const invoiceId = (await invoiceOnEvent(db, f.shipmentId, 'shipment'))!;
    await db.query('UPDATE order_lines SET unit_price_minor = 7500 WHERE order_id = $1', [f.orderId]);
    const before = await readTx(db, (tx) => reconcileOrder(tx, actor, f.orderId, localToday()));
    expect(before.exceptions.map((e) => [e.type, e.details.differenceMinor])).toEqual([['price_differs_from_order', 20 * 500]]);
    await writeTx(db, { actor }, (w) => issueCreditNote(w, { invoiceId, customerId: f.world.hospital.id, kind: 'price_correction', reason: 'contract price',
      lines: [{ deviceId: f.world.coldDevice.id, quantity: 20, unitPriceMinor: 500 }] }));
    const after = await readTx(db, (tx) => reconcileOrder(tx, actor, f.orderId, localToday()));
    expect(after.exceptions).toEqual([]);
  });
});
