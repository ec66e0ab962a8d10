import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { shippedReturnWorld, type ReturnWorld } from '../../src/modules/returns/returns.fixture.ts';

let t: TestApp;
let a: ReturnWorld;
let b: ReturnWorld;
let buyerA: HttpClient;
let buyerB: HttpClient;
let staff: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  a = await shippedReturnWorld(t.db, t.crypto);
  b = await shippedReturnWorld(t.db, t.crypto);
  buyerA = await t.userClient('hospital_portal', { organisationId: a.hospital.id });
  buyerB = await t.userClient('hospital_portal', { organisationId: b.hospital.id });
  staff = await t.userClient('customer_service');
}, 180_000);
afterAll(() => t.close());

const line = (w: ReturnWorld, serial: string) => ({ deviceId: w.stent.id, lotNumber: w.stentLot.lotNumber, serial, quantity: 1, reason: 'damaged' });

describe('hospital portal returns', { timeout: 180_000 }, () => {
  it('a hospital requests a return of its own shipment and sees only its own RMAs', async () => {
    const mine = await buyerA.post('/api/v1/portal/returns', { shipmentId: a.shipmentId, lines: [line(a, a.shippedSerials[0]!)], notes: '包装破损' });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    expect(mine.body).toMatchObject({ channel: 'portal', customerId: a.hospital.id, status: 'authorised' });
    const theirs = await staff.post('/api/v1/returns', { shipmentId: b.shipmentId, lines: [line(b, b.shippedSerials[0]!)] });
    expect(theirs.status).toBe(201);

    expect((await buyerA.get('/api/v1/portal/returns')).body.items.map((r: any) => r.id)).toEqual([mine.body.id]);
    expect((await buyerA.get(`/api/v1/portal/returns/${mine.body.id}`)).body.lines).toHaveLength(1);
    expect((await buyerA.get(`/api/v1/portal/returns/${theirs.body.id}`)).status).toBe(404);
    expect((await buyerB.get(`/api/v1/portal/returns/${mine.body.id}`)).status).toBe(404);
    expect((await buyerB.get('/api/v1/portal/returns')).body.items.map((r: any) => r.id)).toEqual([theirs.body.id]);
  });

  it('refuses another organisation’s shipment or unit without revealing it', async () => {
    const res = await buyerA.post('/api/v1/portal/returns', { shipmentId: b.shipmentId, lines: [line(b, b.shippedSerials[1]!)] });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'VALIDATION_FAILED', 'shipmentId']);
    const unit = await buyerA.post('/api/v1/portal/returns', { shipmentId: a.shipmentId, lines: [line(b, b.shippedSerials[1]!)] });
    expect([unit.status, unit.body.error.code, unit.body.error.field]).toEqual([422, 'RETURN_NOT_AUTHORISED', 'lines[0].deviceId']);
    const bad = await buyerA.post('/api/v1/portal/returns', { shipmentId: a.shipmentId, lines: [{ ...line(a, a.shippedSerials[1]!), quantity: 'two' }] });
    expect(bad.status).toBe(400);
  });

  it('keeps the console routes and staff apart from the portal', async () => {
    expect((await buyerA.get('/api/v1/returns')).status).toBe(403);
    expect((await buyerA.post('/api/v1/returns', { shipmentId: a.shipmentId, lines: [line(a, a.shippedSerials[1]!)] })).status).toBe(403);
    expect((await staff.get('/api/v1/portal/returns')).status).toBe(403);
  });
});
