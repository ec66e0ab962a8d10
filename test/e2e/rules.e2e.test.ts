import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { DEFAULT_RULES } from '../../src/modules/rules/default-rule-set.ts';

let t: TestApp;
let world: OrderWorld;
let cs: HttpClient;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto);
  cs = await t.userClient('customer_service');
  admin = await t.userClient('admin');
});
afterAll(() => t.close());

const place = (lines: unknown[]) => cs.post('/api/v1/orders', { customerId: world.hospital.id, lines });

describe('rules as data', () => {
  it('shows every rule that ran on an order and the facts it read', async () => {
    const o = await place([{ deviceId: world.gauze.id, quantity: 2 }]);
    const ev = await cs.get(`/api/v1/orders/${o.body.id}/evaluation`);
    expect(ev.status).toBe(200);
    expect(ev.body.latest).toMatchObject({ ruleSetId: 'built-in', ruleSetVersion: 0, firings: [] });
    const codes = new Set(ev.body.latest.results.map((r: any) => r.rule));
    expect(codes).toEqual(new Set(DEFAULT_RULES.map((r) => r.code)));
    const credit = ev.body.latest.results.find((r: any) => r.rule === 'credit.limit');
    expect(credit).toMatchObject({ fired: false, facts: { 'customer.creditLimitMinor': null } });
  });

  it('refuses a malformed rule set naming the field', async () => {
    const bad = await admin.post('/api/v1/rule-sets', { effectiveFrom: '2026-01-01', rules: [{ code: 'x', name: { en: 'x', zh: 'x' }, scope: 'order', when: { cmp: '~~', left: { value: 1 }, right: { value: 2 } }, then: [] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^rules\.0/);
    const dup = await admin.post('/api/v1/rule-sets', { effectiveFrom: '2026-01-01', rules: [DEFAULT_RULES[0], DEFAULT_RULES[0]] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.field).toBe('rules.1.code');
    expect((await cs.post('/api/v1/rule-sets', { effectiveFrom: '2026-01-01', rules: [] })).status).toBe(403);
  });

  it('saves a new version as a draft, dry-runs it against past orders, then activates it', async () => {
    const bigOrder = await place([{ deviceId: world.coldDevice.id, quantity: 5 }]);
    expect(bigOrder.body.status).toBe('confirmed');
    const amountRule = {
      code: 'order.large_amount', name: { en: 'Large order', zh: '大额订单' }, scope: 'order',
      when: { cmp: '>', left: { fact: 'order.totalMinor' }, right: { value: 30_000 } },
      then: [{ type: 'require_approval', holdType: 'price', roles: ['finance'], reason: { en: 'order above 300.00', zh: '订单金额超过300元' } }],
    };
    const created = await admin.post('/api/v1/rule-sets', { effectiveFrom: '2020-01-01', notes: 'large orders need finance', rules: [...DEFAULT_RULES, amountRule] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, status: 'draft' });

    const dry = await admin.post(`/api/v1/rule-sets/${created.body.id}/dry-run`, { limit: 50 });
    expect(dry.status).toBe(200);
    expect(dry.body.changed).toContainEqual(expect.objectContaining({ number: bigOrder.body.number, holdsNow: [], holdsWithCandidate: ['price'] }));
    // A dry run changes nothing.
    expect((await cs.get(`/api/v1/orders/${bigOrder.body.id}`)).body.status).toBe('confirmed');

    const activated = await admin.post(`/api/v1/rule-sets/${created.body.id}/activate`);
    expect(activated.body).toMatchObject({ status: 'active', version: 1 });
    expect((await admin.post(`/api/v1/rule-sets/${created.body.id}/activate`)).status).toBe(409);

    const next = await place([{ deviceId: world.coldDevice.id, quantity: 5 }]);
    expect(next.body.status).toBe('on_hold');
    const detail = await cs.get(`/api/v1/orders/${next.body.id}`);
    expect(detail.body.holds[0].origin.rules[0]).toMatchObject({ rule: 'order.large_amount', ruleSet: { id: created.body.id, version: 1 } });
    expect(detail.body.holds[0].origin.approvalRoles).toEqual(['finance']);
    const audit = await admin.get(`/api/v1/audit?entity=rule_set&id=${created.body.id}`);
    expect(audit.body.items.map((a: any) => a.action)).toEqual(['created', 'activated']);

    const byCs = await cs.post(`/api/v1/orders/${next.body.id}/holds/${detail.body.holds[0].id}/release`, {});
    expect(byCs.status).toBe(403);
    const byFinance = await (await t.userClient('finance')).post(`/api/v1/orders/${next.body.id}/holds/${detail.body.holds[0].id}/release`, {});
    expect(byFinance.body.status).toBe('confirmed');
  });

  it('sets the payment terms a rule names, raises its alert and asks for its notification, with the order as it is placed', async () => {
    const termsRule = {
      code: 'hospital.terms', name: { en: 'Hospital terms', zh: '医院账期' }, scope: 'order',
      when: { cmp: '==', left: { fact: 'customer.customerType' }, right: { value: 'hospital' } },
      then: [
        { type: 'set_field', field: 'paymentTerms', value: 'NET60' },
        { type: 'alert', code: 'HOSPITAL_TERMS', severity: 'low', message: { en: 'hospital terms applied', zh: '已套用医院账期' } },
        { type: 'notify', roles: ['finance'], message: { en: 'hospital order placed', zh: '医院下单' } },
      ],
    };
    const created = await admin.post('/api/v1/rule-sets', { effectiveFrom: '2020-01-01', rules: [...DEFAULT_RULES, termsRule] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await admin.post(`/api/v1/rule-sets/${created.body.id}/activate`)).status).toBe(200);
    const o = await place([{ deviceId: world.gauze.id, quantity: 3 }]);
    expect(o.status).toBe(201);
    expect(o.body.status).toBe('confirmed');
    const { rows: [order] } = await t.db.query<{ terms: string; evaluations: number }>(
      'SELECT payment_terms AS terms, (SELECT count(*)::int FROM order_evaluations e WHERE e.order_id = o.id) AS evaluations FROM orders o WHERE o.id = $1', [o.body.id]);
    expect(order).toEqual({ terms: 'NET60', evaluations: 1 });
    const detail = await cs.get(`/api/v1/orders/${o.body.id}`);
    expect(detail.body.alerts.map((a: any) => a.code)).toContain('HOSPITAL_TERMS');
    const ev = await cs.get(`/api/v1/orders/${o.body.id}/evaluation`);
    expect(ev.body.latest).toMatchObject({ ruleSetId: created.body.id, ruleSetVersion: 2 });
    expect(ev.body.latest.firings.map((f: any) => f.rule)).toEqual(['hospital.terms']);
    const audit = await admin.get(`/api/v1/audit?entity=order&id=${o.body.id}`);
    expect(audit.body.items.map((a: any) => a.action)).toEqual(['created', 'payment_terms', 'submitted', 'status', 'confirmed', 'status']);
    const { rows: notes } = await t.db.query<{ payload: { rule: string } }>(
      `SELECT payload FROM outbox_events WHERE topic = 'notification.requested' AND entity_id = $1`, [o.body.id]);
    expect(notes.map((n) => n.payload.rule)).toEqual(['hospital.terms']);
  });

  it('puts an order above the credit limit on a credit hold', async () => {
    await t.db.query('UPDATE parties SET credit_limit_minor = 1000 WHERE id = $1', [world.hospital.id]);
    const o = await place([{ deviceId: world.gauze.id, quantity: 10 }]);
    expect(o.body.holds.map((h: any) => h.type)).toContain('credit');
    await t.db.query('UPDATE parties SET credit_limit_minor = NULL WHERE id = $1', [world.hospital.id]);
  });
});
