import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { drainOutboxOnce } from '../../src/platform/outbox/outbox-worker.ts';
import { eventHandlers } from '../../src/runtime.ts';
import { financeHandlers } from '../../src/modules/finance/invoice-handler.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';

let t: TestApp;
let finance: HttpClient;
let f: ShippedOrderFixture;
const NO_ID = '00000000-0000-7000-8000-000000000000';

/** Runs the finance handlers over the outbox until nothing is due, as the worker would. */
async function drain(): Promise<void> {
  while ((await drainOutboxOnce(t.db, financeHandlers, { workerId: 'finance-e2e' })).claimed > 0) { /* next batch */ }
}

beforeAll(async () => {
  t = await startTestApp();
  finance = await t.userClient('finance');
  f = await shippedOrder(t.db, t.crypto, { lines: [{ device: 'reagent', quantity: 20 }, { device: 'stent', quantity: 2 }] });
}, 300_000);
afterAll(() => t.close());

describe('order → ship → invoice → pay → reconcile', { timeout: 180_000 }, () => {
  it('the worker runs the invoicing handler (registered in the runtime)', () => {
    expect(eventHandlers({ db: t.db, config: t.config, crypto: t.crypto }).map((h) => h.name)).toEqual(expect.arrayContaining(['finance.invoice_shipment', 'finance.invoice_edi']));
  });

  it('invoices the shipment from its outbox event, once, and reconciles clean once paid', async () => {
    const before = await finance.get(`/api/v1/reconciliation/orders/${f.orderId}`);
    expect(before.body.exceptions.map((e: any) => e.type)).toEqual(['shipped_not_invoiced', 'shipped_not_invoiced']);

    await drain();
    await drain();
    const list = await finance.get(`/api/v1/invoices?orderId=${f.orderId}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const inv = (await finance.get(`/api/v1/invoices/${list.body.items[0].id}`)).body;
    expect(inv).toMatchObject({ kind: 'invoice', trigger: 'shipment', shipmentId: f.shipmentId, currency: 'CNY', status: 'open' });
    expect(inv.netMinor).toBe(20 * 8_000 + 2 * 1_200_000);
    expect(inv.lines.map((l: any) => [l.deviceCode, l.lotNumber, l.quantity, l.unitPriceMinor])).toEqual([
      [f.world.coldDevice.code, f.lotNumbers[0], 20, 8_000], [f.world.stent.code, f.lotNumbers[1], 2, 1_200_000],
    ]);
    const order = await finance.get(`/api/v1/orders/${f.orderId}`);
    expect(order.body.status).toBe('invoiced');

    const again = await finance.post('/api/v1/invoices', { shipmentId: f.shipmentId });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE', field: 'shipmentId', details: { number: inv.number } });

    const pdf = await fetch(`${t.url}/api/v1/invoices/${inv.id}/pdf`, { headers: { cookie: await cookieOf(finance) } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const half = Math.floor(inv.totalMinor / 2);
    const p1 = await finance.post('/api/v1/payments', { customerId: f.world.hospital.id, amountMinor: half, currency: 'CNY', receivedOn: localToday(), reference: 'E2E-1' });
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({ matchedBy: 'oldest_first', unappliedMinor: 0, allocations: [{ invoiceNumber: inv.number, amountMinor: half }] });
    const mid = await finance.get(`/api/v1/reconciliation/orders/${f.orderId}`);
    expect(mid.body.exceptions).toEqual([]);
    expect(mid.body.openItems.map((i: any) => [i.number, i.openMinor])).toEqual([[inv.number, inv.totalMinor - half]]);

    const p2 = await finance.post('/api/v1/payments', { customerId: f.world.hospital.id, amountMinor: inv.totalMinor - half, currency: 'CNY', receivedOn: localToday(), reference: 'E2E-2',
      allocations: [{ invoiceId: inv.id, amountMinor: inv.totalMinor - half }] });
    expect(p2.status).toBe(201);
    const paid = await finance.get(`/api/v1/invoices/${inv.id}`);
    expect(paid.body).toMatchObject({ status: 'paid', openMinor: 0, paidMinor: inv.totalMinor });

    const recon = await finance.get(`/api/v1/reconciliation/orders/${f.orderId}`);
    expect(recon.body.exceptions).toEqual([]);
    expect(recon.body.openItems).toEqual([]);
    expect(recon.body.lines.map((l: any) => [l.ordered, l.shipped, l.delivered, l.invoiced])).toEqual([[20, 20, 0, 20], [2, 2, 0, 2]]);
    expect(recon.body.totals).toEqual({ orderedMinor: inv.netMinor, invoicedNetMinor: inv.netMinor, paidMinor: inv.totalMinor });
    const customer = await finance.get(`/api/v1/reconciliation/customers/${f.world.hospital.id}`);
    expect(customer.body.exceptions).toEqual([]);
    expect(customer.body.aging.openMinor).toBe(0);
    const exceptions = await finance.get('/api/v1/reconciliation/exceptions');
    expect(exceptions.body.exceptions.filter((e: any) => e.orderId === f.orderId)).toEqual([]);
    const exposure = await finance.get(`/api/v1/customers/${f.world.hospital.id}/exposure`);
    expect(exposure.body).toMatchObject({ openReceivablesMinor: 0, maxOverdueDays: 0 });
  });

  it('writes the 810 for an X12 customer once, and refuses one for a customer without EDI', async () => {
    const inv = (await finance.get(`/api/v1/invoices?orderId=${f.orderId}`)).body.items[0];
    const none = await finance.get(`/api/v1/invoices/${inv.id}/edi`);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('INVALID_STATE');
    const set = await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${f.world.hospital.id}/finance-settings`, headers: { cookie: await cookieOf(finance) },
      payload: { ediStandard: 'X12', ediPartnerId: 'HOSP01' } });
    expect(set.statusCode).toBe(200);
    const edi = await finance.get(`/api/v1/invoices/${inv.id}/edi`);
    expect(edi.status).toBe(200);
    expect(edi.headers.get('x-edi-message-type')).toBe('810');
    expect(edi.body).toContain(`BIG*`);
    expect(edi.body).toContain(`*${inv.number}*`);
    expect((await finance.get(`/api/v1/invoices/${inv.id}/edi`)).body).toBe(edi.body);
  });
});

describe('VAT rates as data', { timeout: 180_000 }, () => {
  it('a device set to 9% is invoiced at 9%; the rates list and bad codes', async () => {
    const rates = await finance.get('/api/v1/finance/vat-rates');
    expect(rates.body.find((r: any) => r.isDefault)).toMatchObject({ code: 'CN_STD', rateBp: 1300 });
    const cookie = await cookieOf(finance);
    const put = (id: string, vatCode: string) => t.app.inject({ method: 'PUT', url: `/api/v1/devices/${id}/vat-rate`, payload: { vatCode }, headers: { cookie } });
    expect((await put(f.world.coldDevice.id, 'CN_9')).json()).toEqual({ deviceId: f.world.coldDevice.id, vatCode: 'CN_9' });
    const bad = await put(f.world.coldDevice.id, 'NOPE');
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'vatCode']);
    expect((await put(NO_ID, 'CN_9')).statusCode).toBe(404);

    const g = await shippedOrder(t.db, t.crypto, { world: f.world });
    await drain();
    const inv = (await finance.get(`/api/v1/invoices?orderId=${g.orderId}`)).body.items[0];
    expect(inv.vatBreakdown).toEqual([{ code: 'CN_9', rateBp: 900, netMinor: 20 * 8_000, vatMinor: 14_400 }]);
  });
});

describe('refusals', { timeout: 180_000 }, () => {
  it('names the field of bad input, 404s the unknown, and needs finance permissions', async () => {
    const cases: Array<[string, unknown, number, string]> = [
      ['/api/v1/invoices', { shipmentId: 'nope' }, 400, 'shipmentId'],
      ['/api/v1/invoices', {}, 400, 'shipmentId'],
      ['/api/v1/invoices', { shipmentId: NO_ID }, 404, 'shipmentId'],
      ['/api/v1/payments', { customerId: f.world.hospital.id, amountMinor: 10, receivedOn: localToday(), reference: 'X' }, 400, 'currency'],
      ['/api/v1/payments', { customerId: f.world.hospital.id, amountMinor: 0, currency: 'CNY', receivedOn: localToday(), reference: 'X' }, 400, 'amountMinor'],
      ['/api/v1/payments', { customerId: f.world.hospital.id, amountMinor: 10, currency: 'CNY', receivedOn: '2026-02-30', reference: 'X' }, 400, 'receivedOn'],
      ['/api/v1/payments', { customerId: NO_ID, amountMinor: 10, currency: 'CNY', receivedOn: localToday(), reference: 'X' }, 400, 'customerId'],
      ['/api/v1/payments', { customerId: f.world.hospital.id, amountMinor: 10, currency: 'CNY', receivedOn: localToday(), reference: 'X', allocations: [{ invoiceId: NO_ID, amountMinor: 5 }] }, 400, 'allocations.0.invoiceId'],
      ['/api/v1/credit-notes', { customerId: f.world.hospital.id, reason: 'x', lines: [] }, 400, 'lines'],
      ['/api/v1/credit-notes', { customerId: f.world.hospital.id, reason: '', lines: [{ deviceId: f.world.gauze.id, quantity: 1, unitPriceMinor: 1 }] }, 400, 'reason'],
      ['/api/v1/credit-notes', { customerId: f.world.hospital.id, invoiceId: NO_ID, reason: 'x', lines: [{ deviceId: f.world.gauze.id, quantity: 1 }] }, 400, 'invoiceId'],
      ['/api/v1/credit-notes', { customerId: f.world.hospital.id, reason: 'x', lines: [{ deviceId: NO_ID, quantity: 1, unitPriceMinor: 1 }] }, 400, 'lines.0.deviceId'],
      ['/api/v1/credit-notes', { customerId: f.world.hospital.id, reason: 'x', lines: [{ deviceId: f.world.gauze.id, quantity: 1, unitPriceMinor: 1, lotId: NO_ID }] }, 400, 'lines.0.lotId'],
    ];
    for (const [path, body, status, field] of cases) {
      const res = await finance.post(path, body);
      expect([path, res.status, res.body.error?.field]).toEqual([path, status, field]);
    }
    expect((await finance.post(`/api/v1/payments/${NO_ID}/apply`, {})).status).toBe(404);
    const unapplied = await finance.get('/api/v1/payments?unapplied=true');
    expect([unapplied.status, unapplied.body.items]).toEqual([200, []]);
    expect((await finance.get(`/api/v1/invoices/${NO_ID}`)).status).toBe(404);
    expect((await finance.get(`/api/v1/reconciliation/orders/${NO_ID}`)).status).toBe(404);
    expect((await finance.get(`/api/v1/customers/${NO_ID}/exposure`)).status).toBe(404);
    expect((await finance.get('/api/v1/reconciliation/exceptions?type=nope')).body.error.field).toBe('querystring.type');
    expect((await finance.get('/api/v1/finance/aging?today=2026-13-01')).body.error.field).toBe('querystring.today');
    const settings = await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${f.world.hospital.id}/finance-settings`, headers: { cookie: await cookieOf(finance) },
      payload: { vatCode: 'NOPE' } });
    expect([settings.statusCode, settings.json().error.field]).toEqual([400, 'vatCode']);
    const badEdi = await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${f.world.hospital.id}/finance-settings`, headers: { cookie: await cookieOf(finance) },
      payload: { ediStandard: 'X13' } });
    expect([badEdi.statusCode, badEdi.json().error.field]).toEqual([400, 'ediStandard']);
    const cleared = await t.app.inject({ method: 'PUT', url: `/api/v1/customers/${f.world.hospital.id}/finance-settings`, headers: { cookie: await cookieOf(finance) },
      payload: { ediStandard: null, ediPartnerId: null, vatCode: null } });
    expect(cleared.json()).toMatchObject({ ediStandard: null, ediPartnerId: null, vatCode: null, invoiceOn: 'shipment' });

    const openapi = await finance.get('/api/v1/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/v1/invoices', '/api/v1/payments/import', '/api/v1/reconciliation/exceptions', '/api/v1/customers/{id}/exposure']));

    const sales = await t.userClient('sales');
    expect((await sales.post('/api/v1/invoices', { shipmentId: f.shipmentId })).status).toBe(403);
    const portal = await t.userClient('hospital_portal', { organisationId: f.world.hospital.id });
    expect((await portal.get('/api/v1/invoices')).status).toBe(403);
  });
});

/** The session cookie of a signed-in client, for requests the JSON client does not make. */
async function cookieOf(c: HttpClient): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: c.username, password: 'test-pass-12345' }) });
  return res.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
}
