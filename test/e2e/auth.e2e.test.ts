import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, loginCookie, startTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.ts';
import { LOCKOUT } from '../../src/modules/auth/login.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.anonymous().post('/api/v1/auth/login', { username, password });

describe('login', () => {
  it('opens an HTTP-only session for the right password', async () => {
    const admin = await t.userClient('admin', { username: 'alice' });
    const res = await login('alice', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('alice');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/lotline_session=lls_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await admin.get('/api/v1/auth/me');
    expect(me.body.roles).toEqual(['admin']);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    await t.userClient('sales', { username: 'bob' });
    const wrong = await login('bob', 'wrong-password-1');
    const unknown = await login('nobody', 'wrong-password-1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it(`locks the account after ${LOCKOUT.maxFailures} failures, even against the right password`, async () => {
    await t.userClient('sales', { username: 'carol' });
    for (let i = 1; i < LOCKOUT.maxFailures; i++) expect((await login('carol', 'bad-password-1')).status).toBe(401);
    const locking = await login('carol', 'bad-password-1');
    expect(locking.status).toBe(423);
    expect(locking.body.error.code).toBe('ACCOUNT_LOCKED');
    const right = await login('carol', TEST_PASSWORD);
    expect(right.status).toBe(423);
    const audit = await t.db.query<{ action: string }>(
      `SELECT a.action FROM audit_log a JOIN users u ON u.id::text = a.entity_id WHERE u.username = 'carol' ORDER BY seq`,
    );
    expect(audit.rows.map((r) => r.action)).toContain('login.locked');
  });

  it('validates the login body', async () => {
    const res = await t.anonymous().post('/api/v1/auth/login', { username: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('password');
  });

  it('logs out: the session no longer works', async () => {
    const dave = await t.userClient('sales', { username: 'dave' });
    expect((await dave.get('/api/v1/auth/me')).status).toBe(200);
    expect((await dave.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await dave.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one stops working, other sessions end, the policy holds', async () => {
    const erin = await t.userClient('sales', { username: 'erin' });
    const other = httpClient(t.url, await loginCookie(t.url, 'erin', TEST_PASSWORD));
    const weak = await erin.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    const wrongCurrent = await erin.post('/api/v1/auth/password', { currentPassword: 'nope-nope-1', newPassword: 'brand-new-pass-9' });
    expect(wrongCurrent.status).toBe(401);
    const ok = await erin.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-pass-9' });
    expect(ok.status).toBe(200);
    expect((await erin.get('/api/v1/auth/me')).status).toBe(200);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect((await login('erin', TEST_PASSWORD)).status).toBe(401);
    expect((await login('erin', 'brand-new-pass-9')).status).toBe(200);
  });
});

describe('authorisation', () => {
  it('answers 401 without a session and 403 without the permission', async () => {
    expect((await t.anonymous().get('/api/v1/parties')).status).toBe(401);
    expect((await t.anonymous().get('/api/v1/audit')).body.error.code).toBe('UNAUTHENTICATED');
    const warehouse = await t.userClient('warehouse');
    const res = await warehouse.get('/api/v1/audit');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await warehouse.post('/api/v1/users', { username: 'x1', password: 'abcdefgh123', roles: ['admin'] })).status).toBe(403);
  });

  it('accepts API tokens as Bearer, and refuses them once revoked', async () => {
    const admin = await t.userClient('admin');
    await t.userClient('customer_service', { username: 'edi-partner' });
    const issued = await admin.post('/api/v1/users/edi-partner/tokens', { name: 'EDI Kangming' });
    expect(issued.status).toBe(201);
    const bearer = { authorization: `Bearer ${issued.body.token}` };
    const me = await t.anonymous().request('GET', '/api/v1/auth/me', undefined, bearer);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ type: 'token', roles: ['customer_service'] });
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [issued.body.id]);
    expect(stored.rows[0]!.token_hash).not.toContain(issued.body.token);
    expect((await admin.request('DELETE', `/api/v1/tokens/${issued.body.id}`)).status).toBe(200);
    expect((await t.anonymous().request('GET', '/api/v1/auth/me', undefined, bearer)).status).toBe(401);
  });

  it('lets a hospital portal user see only its own organisation', async () => {
    const admin = await t.userClient('admin');
    const mk = (code: string) =>
      admin.post('/api/v1/parties', { code, kind: 'customer', customerType: 'hospital', nameZh: `医院 ${code}` });
    const own = (await mk('H-OWN')).body.id as string;
    const other = (await mk('H-OTHER')).body.id as string;
    const portal = await t.userClient('hospital_portal', { organisationId: own });
    expect((await portal.get(`/api/v1/parties/${own}`)).status).toBe(200);
    const foreign = await portal.get(`/api/v1/parties/${other}`);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('H-OTHER');
    const list = await portal.get('/api/v1/parties');
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(['H-OWN']);
    expect(list.body.total).toBe(1);
  });

  it('refuses a portal user without an organisation', async () => {
    const admin = await t.userClient('admin');
    const res = await admin.post('/api/v1/users', { username: 'portal-x', password: 'portal-pass-123', roles: ['hospital_portal'] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('organisationId');
  });
});
