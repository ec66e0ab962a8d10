import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld } from '../helpers/order-fixtures.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

/**
 * The authorization matrix, walked: every operation of the OpenAPI document, for every role and
 * for no one. The expected answer comes from the operation's declared permission (x-permission)
 * and the role × permission data of the auth migration: 401 without a session, 403 for a role
 * without the permission, and anything but 401/403 (and never a 500) for a role that has it.
 */
interface Operation {
  method: string;
  path: string;
  /** One permission, or several any one of which lets the caller in; '' when undeclared. */
  permission: string | string[];
}

const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';
// The write that ends the walking client's own session comes last.
const SESSION_ENDING = /\/auth\/logout$/;

let t: TestApp;
let operations: Operation[];
const clients = new Map<string, HttpClient>();
const grants = new Map<string, Set<string>>();

beforeAll(async () => {
  t = await startTestApp();
  const doc = (await t.anonymous().get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { 'x-permission'?: string | string[] }>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, permission: op['x-permission'] ?? '' })));
  operations.sort((a, b) => Number(SESSION_ENDING.test(a.path)) - Number(SESSION_ENDING.test(b.path)));
  const world = await orderWorld(t.db, t.crypto);
  const roles = await t.db.query<{ code: string; org_scoped: boolean }>('SELECT code, org_scoped FROM roles ORDER BY code');
  for (const r of roles.rows) {
    clients.set(r.code, await t.userClient(r.code, r.org_scoped ? { organisationId: world.hospital.id } : {}));
    const perms = await t.db.query<{ permission_code: string }>('SELECT permission_code FROM role_permissions WHERE role_code = $1', [r.code]);
    grants.set(r.code, new Set(perms.rows.map((p) => p.permission_code)));
  }
}, 180_000);
afterAll(() => t.close());

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, NO_SUCH_ID);
const call = (c: HttpClient, op: Operation) =>
  c.request(op.method, concrete(op.path), ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined);

function expected(permission: Operation['permission'], role: string | null): 'allow' | 401 | 403 {
  if (permission === 'public') return 'allow';
  if (role === null) return 401;
  if (permission === 'authenticated') return 'allow';
  const anyOf = typeof permission === 'string' ? [permission] : permission;
  return anyOf.some((p) => grants.get(role)!.has(p)) ? 'allow' : 403;
}

describe('the authorization matrix over every route of the OpenAPI document', { timeout: 600_000 }, () => {
  it('has a declared permission on every operation, and only known permissions', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const known = new Set((await t.db.query<{ code: string }>('SELECT code FROM permissions')).rows.map((r) => r.code));
    const undeclared = operations.filter((o) => !o.permission).map((o) => `${o.method} ${o.path}`);
    expect(undeclared).toEqual([]);
    const declared = operations.flatMap((o) => (typeof o.permission === 'string' ? [o.permission] : o.permission).map((p) => ({ ...o, p })));
    const unknown = declared.filter((o) => !['public', 'authenticated'].includes(o.p) && !known.has(o.p));
    expect(unknown.map((o) => `${o.method} ${o.path}: ${o.p}`)).toEqual([]);
  });

  it('answers every role and the anonymous caller as the matrix says, never with a 500', async () => {
    const wrong: string[] = [];
    const who: [string | null, HttpClient][] = [[null, t.anonymous()], ...[...clients.entries()]];
    for (const op of operations) {
      for (const [role, client] of who) {
        const res = await call(client, op);
        const want = expected(op.permission, role);
        const ok = want === 'allow' ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === want;
        if (!ok) wrong.push(`${op.method} ${op.path} as ${role ?? 'anonymous'}: ${res.status} (expected ${want}) ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
