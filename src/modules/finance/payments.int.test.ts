import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring, type FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import type { DomainError } from '../../platform/errors.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { localToday } from '../orders/business-day.ts';
import { shippedOrder, type ShippedOrderFixture } from '../fulfillment/shipment.fixture.ts';
import { customerExposure } from './customer-exposure.ts';
import { setFinanceSettings } from './finance-settings.ts';
import { getInvoice } from './get-invoice.ts';
import { importPayments } from './import-payments.ts';
import { invoiceOnEvent } from './invoice-handler.ts';
import type { InvoiceView } from './invoice-view.ts';
import { recordPayment } from './record-payment.ts';
import { applyPayment } from './apply-payment.ts';

const actor = systemActor('finance-test');
let db: TestDatabase;
let crypto: FieldCrypto;
let f: ShippedOrderFixture;
let first: InvoiceView;
let second: InvoiceView;
const today = localToday();

beforeAll(async () => {
  db = await createTestDatabase();
  crypto = createFieldCrypto(parseKeyring(generateKeyLine('t1')));
  f = await shippedOrder(db, crypto);
  const g = await shippedOrder(db, crypto, { world: f.world });
  const firstId = (await invoiceOnEvent(db, f.shipmentId, 'shipment'))!;
  const secondId = (await invoiceOnEvent(db, g.shipmentId, 'shipment'))!;
  first = await readTx(db, (tx) => getInvoice(tx, actor, firstId));
  second = await readTx(db, (tx) => getInvoice(tx, actor, secondId));
  // The first invoice is the older one by due date.
  await db.query(`UPDATE invoices SET issue_date = issue_date - 40, due_date = due_date - 40 WHERE id = $1`, [first.id]);
}, 300_000);
afterAll(() => db.close());

const open = async (id: string) => (await readTx(db, (tx) => getInvoice(tx, actor, id))).openMinor;

describe('payments', { timeout: 180_000 }, () => {
  it('applies a partial payment to the oldest invoice first, then explicitly, keeping the rest unapplied', async () => {
    const customerId = f.world.hospital.id;
    const p1 = await writeTx(db, { actor }, (w) => recordPayment(w, { customerId, amountMinor: 100_000, currency: 'CNY', receivedOn: today, reference: 'B-1' }));
    expect(p1.matchedBy).toBe('oldest_first');
    expect(p1.allocations).toEqual([{ invoiceId: first.id, invoiceNumber: first.number, amountMinor: 100_000 }]);
    expect(await open(first.id)).toBe(first.totalMinor - 100_000);

    const p2 = await writeTx(db, { actor }, (w) => recordPayment(w, { customerId, amountMinor: second.totalMinor + 1_000, currency: 'CNY', receivedOn: today,
      reference: 'B-2', allocations: [{ invoiceId: second.id, amountMinor: second.totalMinor }] }));
    expect(p2.unappliedMinor).toBe(1_000);
    expect(await open(second.id)).toBe(0);
    const again = await writeTx(db, { actor }, (w) => recordPayment(w, { customerId, amountMinor: 5, currency: 'CNY', receivedOn: today, reference: 'B-3', autoAllocate: false }));
    expect(again).toMatchObject({ matchedBy: 'none', unappliedMinor: 5, allocations: [] });

    let error: unknown;
    try {
      await writeTx(db, { actor }, (w) => recordPayment(w, { customerId, amountMinor: 10, currency: 'CNY', receivedOn: today, reference: 'B-4', allocations: [{ invoiceId: second.id, amountMinor: 10 }] }));
    } catch (e) {
      error = e;
    }
    expect((error as DomainError).field).toBe('allocations.0.invoiceId'); // paid in full: no longer open

    const exposure = await readTx(db, (tx) => customerExposure(tx, actor, customerId, today));
    expect(exposure.openReceivablesMinor).toBe(first.totalMinor - 100_000 - 1_000 - 5);
    expect(exposure.aging.buckets['1-30'] + exposure.aging.buckets['31-60']).toBe(first.totalMinor - 100_000);
    expect(exposure.maxOverdueDays).toBeGreaterThan(0);
  });

  it('imports a bank statement: by invoice number, by payer account, else unapplied; bad rows by row and field; a second import skips', async () => {
    await writeTx(db, { actor }, (w) => setFinanceSettings(w, f.world.hospital.id, { payerAccount: '6222 0000 1111' }));
    const owed = await open(first.id);
    const csv = [
      '日期,金额,币种,流水号,附言,付款账号',
      `${today},100.00,CNY,S-1,货款 ${first.number.toLowerCase()},`,
      `${today},50.00,CNY,S-2,monthly,6222 0000 1111`,
      `${today},7.00,CNY,S-3,who knows,9999`,
      `2026-02-30,1.00,CNY,S-4,,`,
      `${today},abc,CNY,S-5,,`,
      `${today},1.001,CNY,S-6,,`,
      `${today},1.00,CNY,,,`,
    ].join('\n');
    const r = await writeTx(db, { actor }, (w) => importPayments(w, csv));
    expect(r.imported.map((p) => [p.row, p.reference, p.matchedBy, p.customer?.id ?? null, p.allocations.map((a) => a.amountMinor)])).toEqual([
      [2, 'S-1', 'invoice_number', f.world.hospital.id, [10_000]],
      [3, 'S-2', 'customer_account', f.world.hospital.id, [5_000]],
      [4, 'S-3', 'none', null, []],
    ]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([[5, 'date'], [6, 'amount'], [7, 'amount'], [8, 'reference']]);
    expect(await open(first.id)).toBe(owed - 15_000);

    // The unidentified payment is given its customer and applied later.
    const unknown = r.imported[2]!;
    let missing: unknown;
    try {
      await writeTx(db, { actor }, (w) => applyPayment(w, unknown.id, {}));
    } catch (e) {
      missing = e;
    }
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
    const applied = await writeTx(db, { actor }, (w) => applyPayment(w, unknown.id, { customerId: f.world.hospital.id }));
    expect(applied).toMatchObject({ customer: { id: f.world.hospital.id }, unappliedMinor: 0, allocations: [{ invoiceId: first.id, amountMinor: 700 }] });
    let full: unknown;
    try {
      await writeTx(db, { actor }, (w) => applyPayment(w, unknown.id, {}));
    } catch (e) {
      full = e;
    }
    expect(full).toMatchObject({ code: 'INVALID_STATE' });

    const twice = await writeTx(db, { actor }, (w) => importPayments(w, csv));
    expect(twice.imported).toEqual([]);
    expect(twice.skipped.map((s) => s.reference)).toEqual(['S-1', 'S-2', 'S-3']);
    expect(await open(first.id)).toBe(owed - 15_700);
  });

  it('refuses a file without a required column, naming it', async () => {
    let error: unknown;
    try {
      await writeTx(db, { actor }, (w) => importPayments(w, 'date,amount\n2026-01-01,1.00\n'));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'IMPORT_FORMAT', field: 'reference' });
  });
});
