import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';
import { approve, tasksFor } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

let t: TestApp;
let world: OrderWorld;
let cs: HttpClient;
const later = addDays(localToday(), 14);

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto);
  cs = await t.userClient('customer_service');
});
afterAll(() => t.close());

const order = (lines: unknown[], more: Record<string, unknown> = {}) => ({ customerId: world.hospital.id, requestedDate: later, lines, ...more });

describe('placing an order through the API', () => {
  it('prices, converts units, confirms, and numbers the order', async () => {
    const res = await cs.post('/api/v1/orders', order([
      { gtin: world.stent.caseGtin, quantity: 2 },
      { deviceCode: world.gauze.code, quantity: 5, uom: 'EA' },
    ], { externalPo: 'PO-A-1' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'confirmed', alerts: [], holds: [] });
    expect(res.body.number).toMatch(/^SO-\d{4}-\d{6}$/);
    const detail = await cs.get(`/api/v1/orders/${res.body.id}`);
    expect(detail.body.lines.map((l: any) => [l.deviceCode, l.uom, l.uomQuantity, l.ordered, l.unitPriceMinor])).toEqual([
      [world.stent.code, 'CASE', 2, 20, 1_200_000],
      [world.gauze.code, 'EA', 5, 5, 350],
    ]);
    expect(detail.body.lines[0].priceExplanation).toMatchObject({ source: 'price_list' });
    expect(detail.body.timeline.map((e: any) => e.action)).toEqual(['created', 'submitted', 'status', 'confirmed', 'status']);
    expect(detail.body.channel).toBe('console');
  });

  it('applies the quantity break of the price list', async () => {
    const res = await cs.post('/api/v1/orders', order([{ deviceId: world.stent.id, quantity: 5, uom: 'CA' }]));
    const detail = await cs.get(`/api/v1/orders/${res.body.id}`);
    expect(detail.body.lines[0]).toMatchObject({ ordered: 50, unitPriceMinor: 1_100_000 });
    expect(detail.body.lines[0].priceExplanation.source).toBe('break');
  });

  it('refuses hard errors naming the field, storing nothing', async () => {
    const before = (await cs.get('/api/v1/orders')).body.total;
    const cases: Array<[unknown, string]> = [
      [order([{ deviceCode: 'NO-SUCH', quantity: 1 }]), 'lines.0.deviceCode'],
      [order([{ deviceId: world.gauze.id, quantity: 0 }]), 'lines.0.quantity'],
      [order([{ deviceId: world.gauze.id, quantity: 1, uom: 'DRUM' }]), 'lines.0.uom'],
      [order([{ deviceId: world.gauze.id, quantity: 1, uom: 'CA' }]), 'lines.0.uom'],
      [order([{ gtin: '06901234567899', quantity: 1 }]), 'lines.0.gtin'],
      [order([{ deviceId: world.gauze.id, deviceCode: world.gauze.code, quantity: 1 }]), 'lines.0.deviceId'],
      [{ ...order([{ deviceId: world.gauze.id, quantity: 1 }]), customerId: '00000000-0000-7000-8000-000000000000' }, 'customerId'],
      [{ ...order([{ deviceId: world.gauze.id, quantity: 1 }]), shipToId: '00000000-0000-7000-8000-000000000000' }, 'shipToId'],
      [order([{ deviceId: world.gauze.id, quantity: 1 }], { requestedDate: '2026-02-30x' }), 'requestedDate'],
      [order([]), 'lines'],
    ];
    for (const [body, field] of cases) {
      const res = await cs.post('/api/v1/orders', body);
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }
    expect((await cs.get('/api/v1/orders')).body.total).toBe(before);
  });

  it('creates one order for one Idempotency-Key, and refuses the key with another body', async () => {
    const body = order([{ deviceId: world.gauze.id, quantity: 3 }], { externalPo: 'PO-IDEM' });
    const headers = { 'idempotency-key': 'idem-001' };
    const first = await cs.post('/api/v1/orders', body, headers);
    const again = await cs.post('/api/v1/orders', body, headers);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await cs.post('/api/v1/orders', { ...body, notes: 'changed' }, headers);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await cs.get('/api/v1/orders?q=PO-IDEM');
    expect(list.body.total).toBe(1);
  });
});

describe('checks at the door', () => {
  it('flags a duplicate PO, a price below the agreed one, a past date — keeping the order', async () => {
    await cs.post('/api/v1/orders', order([{ deviceId: world.gauze.id, quantity: 1 }], { externalPo: 'PO-DUP' }));
    const res = await cs.post('/api/v1/orders', order([{ deviceId: world.gauze.id, quantity: 1, unitPriceMinor: 300 }],
      { externalPo: 'PO-DUP', requestedDate: '2020-01-01' }));
    expect(res.status).toBe(201);
    expect(res.body.alerts.map((a: any) => a.code).sort()).toEqual(['DUPLICATE_PO', 'PRICE_MISMATCH', 'REQUESTED_DATE_PAST']);
    expect(res.body.holds.map((h: any) => h.type)).toEqual(['anomaly']);
    expect(res.body.status).toBe('on_hold');
    const alerts = await cs.get('/api/v1/order-alerts?code=DUPLICATE_PO');
    expect(alerts.body.items[0]).toMatchObject({ orderNumber: res.body.number, zh: expect.stringContaining('采购单号') });
  });

  it('holds a quantity over 3× the customer’s largest recent order', async () => {
    await cs.post('/api/v1/orders', order([{ deviceId: world.coldDevice.id, quantity: 2, uom: 'BX' }]));
    const spike = await cs.post('/api/v1/orders', order([{ deviceId: world.coldDevice.id, quantity: 200 }]));
    expect(spike.body.alerts.map((a: any) => a.code)).toEqual(['QUANTITY_SPIKE']);
    expect(spike.body.status).toBe('on_hold');
  });
});

describe('lifecycle through the API', () => {
  it('keeps a draft, submits it, cancels a line and then the order', async () => {
    const draft = await cs.post('/api/v1/orders', order([{ deviceId: world.gauze.id, quantity: 4 }, { deviceId: world.stent.id, quantity: 1 }], { submit: false }));
    expect(draft.body.status).toBe('draft');
    const submitted = await cs.post(`/api/v1/orders/${draft.body.id}/submit`);
    expect(submitted.body).toMatchObject({ status: 'submitted', events: ['order.submitted'] });
    const confirmed = await (await t.userClient('sales')).post(`/api/v1/orders/${draft.body.id}/confirm`);
    expect(confirmed.body.status).toBe('confirmed');
    const lineCancel = await cs.post(`/api/v1/orders/${draft.body.id}/lines/2/cancel`, { reason: 'not needed' });
    expect(lineCancel.body.events).toEqual(['order.line_cancelled']);
    const again = await cs.post(`/api/v1/orders/${draft.body.id}/lines/2/cancel`, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
    const cancelled = await cs.post(`/api/v1/orders/${draft.body.id}/cancel`, { reason: 'customer called' });
    expect(cancelled.body.status).toBe('cancelled');
    const events = await t.db.query<{ topic: string }>(`SELECT topic FROM outbox_events WHERE entity_id = $1 ORDER BY id`, [draft.body.id]);
    expect(events.rows.map((e) => e.topic)).toEqual(expect.arrayContaining(['order.created', 'order.submitted', 'order.confirmed', 'order.line_cancelled', 'order.cancelled']));
  });

  it('amends a submitted order into a new version, keeping the old one readable with a diff', async () => {
    const placed = await cs.post('/api/v1/orders', order([{ deviceId: world.gauze.id, quantity: 4 }], { externalPo: 'PO-AMEND' }));
    const amended = await cs.request('PUT', `/api/v1/orders/${placed.body.id}`, {
      ...order([{ deviceId: world.gauze.id, quantity: 6 }, { deviceId: world.stent.id, quantity: 1 }], { externalPo: 'PO-AMEND' }),
      reason: 'customer added a stent',
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ version: 2, status: 'confirmed' });
    const versions = await cs.get(`/api/v1/orders/${placed.body.id}/versions`);
    expect(versions.body.items.map((v: any) => v.version)).toEqual([1, 2]);
    expect(versions.body.items[0].snapshot.lines).toHaveLength(1);
    const diff = await cs.get(`/api/v1/orders/${placed.body.id}/diff?from=1&to=2`);
    expect(diff.body.lines).toEqual([
      { lineNo: 1, change: 'changed', fields: { quantity: { old: 4, new: 6 }, uomQuantity: { old: 4, new: 6 } } },
      { lineNo: 2, change: 'added' },
    ]);
  });

  it('lists with filters and search', async () => {
    const byPo = await cs.get('/api/v1/orders?q=po-a-1');
    expect(byPo.body.items.map((o: any) => o.externalPo)).toEqual(['PO-A-1']);
    const held = await cs.get('/api/v1/orders?holdType=anomaly');
    expect(held.body.total).toBeGreaterThan(0);
    expect(held.body.items.every((o: any) => o.openHolds.includes('anomaly'))).toBe(true);
    const onHold = await cs.get('/api/v1/orders?status=on_hold');
    expect(onHold.body.items.every((o: any) => o.status === 'on_hold')).toBe(true);
    const bad = await cs.get('/api/v1/orders?from=yesterday');
    expect(bad.status).toBe(400);
  });
});

describe('compliance at the door (invariant 4)', () => {
  it('holds an order when the licence has expired; only quality’s signed release lets it confirm', async () => {
    const expired = await orderWorld(t.db, t.crypto, { licenceValidTo: '2025-12-31' });
    const res = await cs.post('/api/v1/orders', { customerId: expired.hospital.id, requestedDate: later, lines: [{ deviceId: expired.stent.id, quantity: 1 }] });
    expect(res.body.status).toBe('on_hold');
    expect(res.body.holds[0]).toMatchObject({ type: 'compliance' });
    const detail = await cs.get(`/api/v1/orders/${res.body.id}`);
    const hold = detail.body.holds[0];
    expect(hold.origin.rules[0]).toMatchObject({ rule: 'compliance.licence', ruleSet: { name: 'orders' }, lineNo: 1,
      facts: { 'line.compliance': 'LICENCE_EXPIRED' } });
    expect(hold.origin.approvalRoles).toEqual(['quality']);
    const quality = await t.userClient('quality');
    // Invariant 4: no unsigned release, not even by quality, and no confirmation past the hold.
    const unsigned = await quality.post(`/api/v1/orders/${res.body.id}/holds/${hold.id}/release`, { comment: 'ok' });
    expect(unsigned.status).toBe(409);
    const confirmAnyway = await (await t.userClient('sales')).post(`/api/v1/orders/${res.body.id}/confirm`);
    expect(confirmAnyway.status).toBe(409);
    const task = (await tasksFor(quality, res.body.id))[0];
    const wrong = await approve(quality, task.taskId, { meaning: 'released', password: 'not-my-password-1' });
    expect(wrong.status).toBe(401);
    const signed = await approve(quality, task.taskId, { meaning: 'released', comment: 'renewal seen' });
    expect(signed.status).toBe(200);
    expect((await cs.get(`/api/v1/orders/${res.body.id}`)).body.status).toBe('confirmed');
  });
});

describe('scoping', () => {
  it('shows a hospital portal user only its own orders', async () => {
    const mine = await cs.post('/api/v1/orders', order([{ deviceId: world.gauze.id, quantity: 1 }]));
    const other = await orderWorld(t.db, t.crypto);
    const theirs = await cs.post('/api/v1/orders', { customerId: other.hospital.id, lines: [{ deviceId: other.gauze.id, quantity: 1 }] });
    const portal = await t.userClient('hospital_portal', { organisationId: world.hospital.id });
    expect((await portal.get(`/api/v1/orders/${mine.body.id}`)).status).toBe(200);
    expect((await portal.get(`/api/v1/orders/${theirs.body.id}`)).status).toBe(404);
    expect((await portal.get(`/api/v1/orders/${theirs.body.id}/versions`)).status).toBe(404);
    const list = await portal.get('/api/v1/orders');
    expect(list.body.items.every((o: any) => o.customerId === world.hospital.id)).toBe(true);
  });
});
