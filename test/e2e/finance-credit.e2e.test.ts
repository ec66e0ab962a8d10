import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { invoiceOnEvent } from '../../src/modules/finance/invoice-handler.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/finance/aging.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';

let t: TestApp;
let finance: HttpClient;
let sales: HttpClient;
let f: ShippedOrderFixture;
let invoice: { id: string; number: string; totalMinor: number };
const today = localToday();

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient('finance');
  sales = await t.userClient('sales');
  f = await shippedOrder(t.db, t.crypto);
  const id = (await invoiceOnEvent(t.db, f.shipmentId, 'shipment'))!;
  invoice = (await finance.get(`/api/v1/invoices/${id}`)).body;
}, 300_000);
afterAll(() => t.close());

const placeGauze = () => sales.post('/api/v1/orders', { customerId: f.world.hospital.id, requestedDate: addDays(today, 14), lines: [{ deviceId: f.world.gauze.id, quantity: 10 }] });
describe('the credit rule sees receivables', { timeout: 180_000 }, () => {
  it('an invoice not yet due: exposure counts it, no hold', async () => {
    const exposure = await finance.get(`/api/v1/customers/${f.world.hospital.id}/exposure`);
    expect(exposure.body).toMatchObject({ openReceivablesMinor: invoice.totalMinor, maxOverdueDays: 0, aging: { buckets: { current: invoice.totalMinor } } });
    const o = await placeGauze();
    expect(o.status).toBe(201);
    expect(o.body.holds).toEqual([]);
  });

  it('an invoice overdue by more than 60 days puts a new order on credit hold', async () => {
    // Issued 100 days ago on 30-day terms: 70 days overdue today.
    await t.db.query('UPDATE invoices SET issue_date = $2::date - 100, due_date = $2::date - 70 WHERE id = $1', [invoice.id, today]);
    const exposure = await finance.get(`/api/v1/customers/${f.world.hospital.id}/exposure`);
    expect(exposure.body.maxOverdueDays).toBe(70);
    expect(exposure.body.aging.buckets['61-90']).toBe(invoice.totalMinor);
    const aging = await finance.get('/api/v1/finance/aging');
    expect(aging.body.customers.find((c: any) => c.customerId === f.world.hospital.id)).toMatchObject({ overdueMinor: invoice.totalMinor, maxOverdueDays: 70 });
    const exceptions = await finance.get('/api/v1/reconciliation/exceptions?type=overdue');
    expect(exceptions.body.exceptions.map((e: any) => [e.type, e.invoiceNumber, e.details.daysOverdue])).toEqual([['overdue', invoice.number, 70]]);

    const o = await placeGauze();
    expect(o.status).toBe(201);
    expect(o.body.status).toBe('on_hold');
    expect(o.body.holds.map((h: any) => h.type)).toEqual(['credit']);
    expect(o.body.holds[0].reason).toMatch(/overdue|逾期/);
  });

  it('a credit limit below receivables + open orders holds the order; once paid by a bank statement, orders flow again', async () => {
    await t.db.query('UPDATE invoices SET due_date = $2::date + 10 WHERE id = $1', [invoice.id, today]);
    await t.db.query('UPDATE parties SET credit_limit_minor = $2 WHERE id = $1', [f.world.hospital.id, invoice.totalMinor]);
    const limited = await placeGauze();
    expect(limited.body.holds.map((h: any) => h.type)).toEqual(['credit']);

    const csv = `date,amount,currency,reference,remittance\n${today},${(invoice.totalMinor / 100).toFixed(2)},CNY,BANK-77,payment for ${invoice.number}\n${today},abc,CNY,BANK-78,\n`;
    const res = await finance.post('/api/v1/payments/import', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.body.imported.map((p: any) => [p.row, p.matchedBy, p.allocations.map((a: any) => a.invoiceNumber)])).toEqual([[2, 'invoice_number', [invoice.number]]]);
    expect(res.body.errors).toEqual([{ row: 3, field: 'amount', message: expect.stringContaining('amount') }]);
    expect((await finance.get(`/api/v1/invoices/${invoice.id}`)).body.status).toBe('paid');

    await t.db.query('UPDATE parties SET credit_limit_minor = $2 WHERE id = $1', [f.world.hospital.id, invoice.totalMinor]);
    const free = await placeGauze();
    expect(free.body.holds).toEqual([]);
    const bad = await finance.post('/api/v1/payments/import', 'date,amount\n', { 'content-type': 'text/csv' });
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([400, 'IMPORT_FORMAT', 'reference']);
  });
});
