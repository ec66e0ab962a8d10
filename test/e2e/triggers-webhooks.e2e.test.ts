import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { addDays } from '../../src/modules/orders/intake-alerts.ts';
import { drainOutbox } from '../../src/modules/approvals/approval-test-kit.fixture.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  answered: number;
}

/** A partner's webhook endpoint on 127.0.0.1 that answers with the next status of its script (then 200). */
function startReceiver(script: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = script[received.length] ?? 200;
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered).end();
    });
  });
  return new Promise<{ url: string; received: Received[]; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/lotline?token=abc`,
      received,
      close: () => new Promise((r) => server.close(() => r())),
    }));
  });
}

const SECRET = 'whsec-0123456789abcdef';
let t: TestApp;
let world: OrderWorld;
let admin: HttpClient;
let cs: HttpClient;
const later = addDays(localToday(), 14);

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto);
  admin = await t.userClient('admin');
  cs = await t.userClient('customer_service');
});
afterAll(() => t.close());

const placeGauze = async () => (await cs.post('/api/v1/orders', { customerId: world.hospital.id, requestedDate: later, lines: [{ deviceId: world.gauze.id, quantity: 4 }] })).body;
const actionEvents = (triggerId: string) => t.db.query<{ id: number; status: string; attempts: number; last_error: string | null }>(
  `SELECT id, status, attempts, last_error FROM outbox_events WHERE topic = 'trigger.action' AND payload->>'triggerId' = $1 ORDER BY id`, [triggerId]);

describe('webhooks on status change', () => {
  it('posts the signed event, retries a 500 with backoff, and delivers once', async () => {
    const receiver = await startReceiver([500]);
    try {
      const created = await admin.post('/api/v1/triggers', { name: 'ERP on confirm', topic: 'order.status_changed', filter: { to: ['confirmed'] },
        actions: [{ type: 'webhook', url: receiver.url, secret: SECRET }] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const order = await placeGauze();
      expect(order.status).toBe('confirmed');
      await drainOutbox(t);

      expect(receiver.received.map((r) => r.answered)).toEqual([500, 200]);
      const [first, second] = receiver.received;
      expect(second!.raw).toBe(first!.raw);
      const event = JSON.parse(second!.raw);
      expect(event).toMatchObject({ topic: 'order.status_changed', entityType: 'order', entityId: order.id, payload: { number: order.number, to: 'confirmed' } });
      expect(second!.headers['x-lotline-event-id']).toBe(String(event.id));
      expect(first!.headers['x-lotline-event-id']).toBe(String(event.id));
      expect(second!.headers['x-lotline-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(second!.raw).digest('hex')}`);
      expect(second!.headers['content-type']).toBe('application/json');

      const actions = await actionEvents(created.body.id);
      expect(actions.rows).toEqual([{ id: expect.any(Number), status: 'done', attempts: 2, last_error: null }]);
      const outbox = await admin.get('/api/v1/outbox?limit=500');
      expect(outbox.body.items.some((e: any) => e.id === actions.rows[0]!.id && e.topic === 'trigger.action')).toBe(true);
      await admin.request('DELETE', `/api/v1/triggers/${created.body.id}`);
    } finally {
      await receiver.close();
    }
  });

  it('dead-letters an action that keeps failing, without touching the order or other actions', async () => {
    const down = await startReceiver([503, 503, 503, 503]);
    const up = await startReceiver([]);
    try {
      const created = await admin.post('/api/v1/triggers', { name: 'two partners', topic: 'order.confirmed',
        actions: [{ type: 'webhook', url: down.url, secret: SECRET }, { type: 'webhook', url: up.url, secret: SECRET }] });
      const order = await placeGauze();
      await drainOutbox(t, { maxAttempts: 3 });
      const actions = (await actionEvents(created.body.id)).rows;
      expect(actions.map((a) => [a.status, a.attempts])).toEqual([['dead', 3], ['done', 1]]);
      expect(actions[0]!.last_error).toBe(`triggers.action: webhook ${new URL(down.url).origin}: answered 503`);
      expect(down.received).toHaveLength(3);
      expect(up.received.map((r) => JSON.parse(r.raw).entityId)).toEqual([order.id]);
      expect((await cs.get(`/api/v1/orders/${order.id}`)).body.status).toBe('confirmed');
      await admin.request('DELETE', `/api/v1/triggers/${created.body.id}`);
    } finally {
      await Promise.all([down.close(), up.close()]);
    }
  });

  it('does not run for events its filter leaves out', async () => {
    const receiver = await startReceiver([]);
    try {
      const created = await admin.post('/api/v1/triggers', { name: 'only holds', topic: 'order.status_changed', filter: { to: ['on_hold'] },
        actions: [{ type: 'webhook', url: receiver.url, secret: SECRET }] });
      await placeGauze();
      await drainOutbox(t);
      expect(receiver.received).toEqual([]);
      expect((await actionEvents(created.body.id)).rows).toEqual([]);
      await admin.request('DELETE', `/api/v1/triggers/${created.body.id}`);
    } finally {
      await receiver.close();
    }
  });
});

describe('trigger administration', () => {
  it('stores webhook secrets encrypted and never shows them', async () => {
    const created = await admin.post('/api/v1/triggers', { name: 'secret keeper', topic: 'order.cancelled',
      actions: [{ type: 'webhook', url: 'https://erp.example.com/hook', secret: SECRET }] });
    const stored = await t.db.query<{ secret_enc: string }>('SELECT secret_enc FROM trigger_actions WHERE trigger_id = $1', [created.body.id]);
    expect(stored.rows[0]!.secret_enc).toMatch(/^enc:v1:test1:/);
    expect(stored.rows[0]!.secret_enc).not.toContain(SECRET);
    const shown = await admin.get(`/api/v1/triggers/${created.body.id}`);
    expect(shown.body.actions).toEqual([{ id: expect.any(String), type: 'webhook', url: 'https://erp.example.com/hook', hasSecret: true }]);
    const audit = await t.db.query<{ changes: any }>(`SELECT changes FROM audit_log WHERE entity_type = 'trigger' AND entity_id = $1`, [created.body.id]);
    expect(JSON.stringify(audit.rows)).not.toContain(SECRET);
    expect(audit.rows[0]!.changes.actions.new[0].secret).toBe('[encrypted]');
  });

  it('replaces a trigger as a new version and deletes it', async () => {
    const created = await admin.post('/api/v1/triggers', { name: 'to replace', topic: 'order.hold_placed', actions: [{ type: 'in_app', roles: ['quality'] }] });
    const replaced = await admin.request('PUT', `/api/v1/triggers/${created.body.id}`, { name: 'replaced', topic: 'order.hold_placed', filter: { holdType: ['credit'] },
      enabled: false, actions: [{ type: 'notify', roles: ['finance'], message: { en: '{{number}} on credit hold', zh: '{{number}} 信用冻结' } }] });
    expect(replaced.body).toEqual({ id: created.body.id, version: 2 });
    const shown = (await admin.get(`/api/v1/triggers/${created.body.id}`)).body;
    expect(shown).toMatchObject({ name: 'replaced', enabled: false, filter: { holdType: ['credit'] }, actions: [{ type: 'notify', roles: ['finance'] }] });
    expect((await admin.request('DELETE', `/api/v1/triggers/${created.body.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/triggers/${created.body.id}`)).status).toBe(404);
    expect((await admin.get('/api/v1/triggers')).body.items.some((x: any) => x.id === created.body.id)).toBe(false);
  });

  it('refuses bad triggers naming the field, and users without rules.manage', async () => {
    const ok = { name: 'x', topic: 'order.confirmed', actions: [{ type: 'webhook', url: 'https://a.example/h', secret: SECRET }] };
    const cases: Array<[unknown, string]> = [
      [{ ...ok, topic: 'Order confirmed' }, 'topic'],
      [{ ...ok, topic: 'trigger.action' }, 'topic'],
      [{ ...ok, actions: [] }, 'actions'],
      [{ ...ok, actions: [{ type: 'webhook', url: 'ftp://a.example/h', secret: SECRET }] }, 'actions.0.url'],
      [{ ...ok, actions: [{ type: 'webhook', url: 'https://a.example/h', secret: 'short' }] }, 'actions.0.secret'],
      [{ ...ok, actions: [{ type: 'notify', message: { en: 'a', zh: 'b' } }] }, 'actions.0.roles'],
      [{ ...ok, actions: [{ type: 'notify', roles: ['astronaut'], message: { en: 'a', zh: 'b' } }] }, 'actions.0.roles'],
      [{ ...ok, actions: [{ type: 'in_app', users: ['no-such-user'] }] }, 'actions.0.users'],
      [{ ...ok, actions: [{ type: 'sms', to: '1' }] }, 'actions.0'],
      [{ ...ok, filter: { to: 'confirmed' } }, 'filter.to'],
      [{ ...ok, name: '' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/triggers', body);
      expect(res.status, JSON.stringify([body, res.body])).toBe(400);
      expect(res.body.error.field, JSON.stringify(res.body)).toContain(field);
    }
    expect((await cs.post('/api/v1/triggers', ok)).status).toBe(403);
    expect((await admin.request('PUT', '/api/v1/triggers/00000000-0000-7000-8000-000000000000', ok)).status).toBe(404);
  });
});
