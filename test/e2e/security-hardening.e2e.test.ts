import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, stopChild } from '../helpers/run-cli.ts';
import { httpClient, startTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(() => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens scoped by permission, revocable', () => {
  it('acts with only its scopes of its user’s permissions, refuses an unknown scope, and stops when revoked', async () => {
    const admin = await t.userClient('admin');
    const cs = await t.userClient('customer_service');
    const made = await admin.post(`/api/v1/users/${cs.username}/tokens`, { name: 'read-only feed', scopes: ['orders.read'] });
    expect(made.status).toBe(201);
    expect(made.body.scopes).toEqual(['orders.read']);
    const token = made.body.token as string;
    expect((await t.anonymous().request('GET', '/api/v1/orders', undefined, bearer(token))).status).toBe(200);
    const write = await t.anonymous().request('POST', '/api/v1/edi/inbound', 'ISA', { ...bearer(token), 'content-type': 'text/plain' });
    expect(write.status).toBe(403);
    // The user behind the token may receive EDI: the scope is what refused it.
    expect((await t.anonymous().request('GET', '/api/v1/auth/me', undefined, bearer(token))).body.permissions).toEqual(['orders.read']);

    const bad = await admin.post(`/api/v1/users/${cs.username}/tokens`, { scopes: ['orders.read', 'make.coffee'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'scopes' });

    expect((await admin.request('DELETE', `/api/v1/tokens/${made.body.id}`)).status).toBe(200);
    expect((await t.anonymous().request('GET', '/api/v1/orders', undefined, bearer(token))).status).toBe(401);
  });
});

describe('sessions', () => {
  it('sets the session cookie HttpOnly and SameSite, and an administrator can end all of a user’s sessions', async () => {
    const login = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin-nope', password: 'x' }),
    });
    expect(login.status).toBe(401);
    const sales = await t.userClient('sales');
    const res = await fetch(`${t.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: sales.username, password: TEST_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const second = httpClient(t.url, cookie.split(';')[0]!);
    expect((await second.get('/api/v1/auth/me')).status).toBe(200);

    const admin = await t.userClient('admin');
    const revoked = await admin.post(`/api/v1/users/${sales.username}/sessions/revoke`);
    expect(revoked.body.revoked).toBe(2);
    expect((await sales.get('/api/v1/auth/me')).status).toBe(401);
    expect((await second.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('slows down one address guessing passwords across usernames (429 after 20 failures)', async () => {
    const fresh = await startTestApp();
    try {
      const victim = await fresh.userClient('sales');
      const attempt = (username: string, password: string) => fetch(`${fresh.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
      });
      for (let i = 0; i < 20; i++) expect((await attempt(`nobody-${i}`, 'guess')).status).toBe(401);
      const blocked = await attempt(victim.username, TEST_PASSWORD);
      expect(blocked.status).toBe(429);
      expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

describe('what a browser is told', () => {
  it('refuses a write from another site’s page (CSRF) and lets the same origin and programs through', async () => {
    const cs = await t.userClient('customer_service');
    const host = new URL(t.url).host;
    const foreign = await cs.post('/api/v1/orders', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('CROSS_SITE_REQUEST');
    expect((await cs.post('/api/v1/orders', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // Same origin, and a program without Origin: on to validation (400), not refused as CSRF.
    expect((await cs.post('/api/v1/orders', {}, { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).status).toBe(400);
    expect((await cs.post('/api/v1/orders', {})).status).toBe(400);
    // Reads are not writes.
    expect((await cs.request('GET', '/api/v1/orders', undefined, { origin: 'https://evil.example' })).status).toBe(200);
  });

  it('sends no-sniff, no-framing and no-referrer on every answer', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('secrets never reach the log', { timeout: 180_000 }, () => {
  it('logs requests without passwords, session cookies or API tokens', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-log-'));
    const adminPassword = 'Lotline-secret-Passw0rd-2026';
    const env = { DATABASE_URL: '', LOTLINE_DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'debug', LOTLINE_ADMIN_PASSWORD: adminPassword };
    const server = await startCli(['serve'], env, /running at (http:\/\/\S+)\//, 120_000);
    try {
      const url = server.match[1]!;
      const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      await post('/api/v1/auth/login', { username: 'admin', password: 'Wrong-guess-Passw0rd' });
      const login = await post('/api/v1/auth/login', { username: 'admin', password: adminPassword });
      const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const token = ((await (await post('/api/v1/users/admin/tokens', { name: 'x' }, { cookie })).json()) as { token: string }).token;
      await fetch(`${url}/api/v1/orders`, { headers: { authorization: `Bearer ${token}` } });
      await post('/api/v1/auth/password', { currentPassword: adminPassword, newPassword: 'New-secret-Passw0rd-2026' }, { cookie });
      const log = server.output();
      expect(log).toContain('incoming request');
      for (const secret of [adminPassword, 'Wrong-guess-Passw0rd', 'New-secret-Passw0rd-2026', cookie.split('=')[1]!, token]) {
        expect(log.includes(secret), `the log holds a secret: ${secret.slice(0, 6)}…`).toBe(false);
      }
    } finally {
      await stopChild(server.child);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sales users limited to their own customers', () => {
  it('sees only the customers of its territory and their orders; other records are not found', async () => {
    const { orderWorld } = await import('../helpers/order-fixtures.ts');
    const [a, b] = [await orderWorld(t.db, t.crypto), await orderWorld(t.db, t.crypto)];
    const cs = await t.userClient('customer_service');
    const orderOf = async (w: typeof a) => (await cs.post('/api/v1/orders', { customerId: w.hospital.id, lines: [{ deviceId: w.gauze.id, quantity: 1 }] })).body.id as string;
    const [orderA, orderB] = [await orderOf(a), await orderOf(b)];
    const rep = await t.userClient('sales');
    const admin = await t.userClient('admin');

    expect((await rep.get(`/api/v1/orders/${orderB}`)).status).toBe(200); // no territory yet: everything
    const set = await admin.request('PUT', `/api/v1/users/${rep.username}/customers`, { customerIds: [a.hospital.id] });
    expect(set.status).toBe(200);

    const ids = (await rep.get('/api/v1/orders?limit=200')).body.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(orderA);
    expect(ids).not.toContain(orderB);
    expect((await rep.get(`/api/v1/orders/${orderB}`)).status).toBe(404);
    expect((await rep.get(`/api/v1/parties/${b.hospital.id}`)).status).toBe(404);
    const customers = (await rep.get('/api/v1/parties?kind=customer&limit=200')).body.items.map((p: { id: string }) => p.id);
    expect(customers).toEqual([a.hospital.id]);

    const bad = await admin.request('PUT', `/api/v1/users/${rep.username}/customers`, { customerIds: [a.gauze.id] });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerIds' });
    await admin.request('PUT', `/api/v1/users/${rep.username}/customers`, { customerIds: [] });
    expect((await rep.get(`/api/v1/orders/${orderB}`)).status).toBe(200);
  });
});
