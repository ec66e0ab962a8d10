import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';

let t: TestApp;
let world: OrderWorld;
let sales: HttpClient;
const today = localToday();

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto);
  sales = await t.userClient('sales');
});
afterAll(() => t.close());

const quote = (more: Record<string, unknown> = {}) => ({
  customerId: world.hospital.id, validUntil: addDays(today, 30),
  lines: [{ deviceId: world.stent.id, quantity: 2, uom: 'CA' }, { deviceId: world.gauze.id, quantity: 10 }], ...more,
});

describe('quotations', () => {
  it('prices a quote with the explanation and prints it as a bilingual PDF', async () => {
    const q = await sales.post('/api/v1/quotes', quote());
    expect(q.status).toBe(201);
    expect(q.body.number).toMatch(/^QT-\d{4}-\d{6}$/);
    const detail = await sales.get(`/api/v1/quotes/${q.body.id}`);
    expect(detail.body.lines.map((l: any) => [l.quantity, l.unitPriceMinor, l.explanation.source])).toEqual([[20, 1_200_000, 'price_list'], [10, 350, 'price_list']]);
    expect(detail.body.totalMinor).toBe(20 * 1_200_000 + 10 * 350);
    const res = await sales.request('GET', `/api/v1/quotes/${q.body.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(String(res.body).startsWith('%PDF')).toBe(true);
    expect(String(res.body)).toContain('NotoSansSC');
  });

  it('refuses a validity in the past and bad lines, naming the field', async () => {
    const past = await sales.post('/api/v1/quotes', quote({ validUntil: addDays(today, -1) }));
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe('validUntil');
    const badLine = await sales.post('/api/v1/quotes', quote({ lines: [{ deviceCode: 'NOPE', quantity: 1 }] }));
    expect(badLine.body.error.field).toBe('lines.0.deviceCode');
  });

  it('revises into a new revision and converts into an order keeping the quoted prices', async () => {
    const q = await sales.post('/api/v1/quotes', quote());
    // The list price changes after the quote; the order must keep the quoted price.
    await t.db.query(`UPDATE price_list_lines SET unit_price_minor = 1300000 WHERE device_id = $1`, [world.stent.id]);
    const rev = await sales.post(`/api/v1/quotes/${q.body.id}/revise`, quote({ lines: [{ deviceId: world.gauze.id, quantity: 20 }] }));
    expect(rev.body).toMatchObject({ number: q.body.number, revision: 2 });
    expect((await sales.post(`/api/v1/quotes/${q.body.id}/convert`, {})).status).toBe(409);

    const q2 = await sales.post('/api/v1/quotes', quote({ lines: [{ deviceId: world.stent.id, quantity: 1 }] }));
    await t.db.query(`UPDATE price_list_lines SET unit_price_minor = 1400000 WHERE device_id = $1`, [world.stent.id]);
    const order = await sales.post(`/api/v1/quotes/${q2.body.id}/convert`, { externalPo: 'PO-Q2' });
    expect(order.status).toBe(201);
    const detail = await sales.get(`/api/v1/orders/${order.body.id}`);
    expect(detail.body.lines[0].unitPriceMinor).toBe(1_300_000);
    expect(detail.body.lines[0].priceExplanation.quote).toBe(`${q2.body.number} rev 1`);
    expect(detail.body).toMatchObject({ channel: 'quote', sourceType: 'quote' });
    const again = await sales.post(`/api/v1/quotes/${q2.body.id}/convert`, {});
    expect(again.body).toMatchObject({ id: order.body.id, alreadyConverted: true });
    expect((await sales.get(`/api/v1/quotes/${q2.body.id}`)).body).toMatchObject({ status: 'converted', orderId: order.body.id });
  });

  it('keeps another organisation’s quote out of a portal user’s sight', async () => {
    const q = await sales.post('/api/v1/quotes', quote());
    const other = await orderWorld(t.db, t.crypto);
    const portal = await t.userClient('hospital_portal', { organisationId: other.hospital.id });
    expect((await portal.get(`/api/v1/quotes/${q.body.id}`)).status).toBe(404);
  });
});
