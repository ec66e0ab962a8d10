import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: HttpClient;
let cs: HttpClient;
let colleague: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  [admin, cs, colleague] = [await t.userClient('admin'), await t.userClient('customer_service'), await t.userClient('warehouse')];
});
afterAll(() => t.close());

const PATH = '/api/v1/saved-views';
const save = (c: HttpClient, body: Record<string, unknown>) => c.post(PATH, { screen: 'orders', filters: {}, ...body });
const listed = async (c: HttpClient) => (await c.get(`${PATH}?screen=orders`)).body.items as Array<{ id: string; name: string; mine: boolean; shared: boolean; ownerName: string }>;

describe('saved views of the order list over HTTP', () => {
  it('creates a view, lists it for its owner and audits it', async () => {
    const res = await save(cs, { name: 'Compliance holds', filters: { holdType: 'compliance', status: 'on_hold' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), screen: 'orders', name: 'Compliance holds', shared: false, mine: true,
      filters: { holdType: 'compliance', status: 'on_hold' }, createdAt: expect.any(String) });
    expect(await listed(cs)).toEqual([res.body]);
    const audit = await admin.get(`/api/v1/audit?entity=saved_view&id=${res.body.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['created']);
  });

  it('shows a shared view to others who read orders, but not a private one; only the owner deletes it', async () => {
    const shared = (await save(cs, { name: 'Team: credit', filters: { holdType: 'credit' }, shared: true })).body;
    const secret = (await save(cs, { name: 'Just me', filters: { q: 'SO-' } })).body;
    const seen = await listed(colleague);
    expect(seen).toContainEqual(expect.objectContaining({ id: shared.id, mine: false, shared: true }));
    expect(seen.map((v) => v.id)).not.toContain(secret.id);

    const refused = await colleague.request('DELETE', `${PATH}/${shared.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await colleague.request('PATCH', `${PATH}/${shared.id}`, { name: 'Hijacked' })).status).toBe(403);
    expect((await colleague.request('DELETE', `${PATH}/${secret.id}`)).body.error.code).toBe('NOT_FOUND');

    expect((await cs.request('DELETE', `${PATH}/${shared.id}`)).status).toBe(204);
    expect((await listed(colleague)).map((v) => v.id)).not.toContain(shared.id);
    expect((await cs.request('DELETE', `${PATH}/${shared.id}`)).status).toBe(404);
  });

  it('renames a view and shares it; a name the owner already uses is a 409 DUPLICATE on the name', async () => {
    const view = (await save(cs, { name: 'Draft', filters: { channel: 'edi' } })).body;
    const renamed = await cs.request('PATCH', `${PATH}/${view.id}`, { name: 'EDI orders', shared: true, filters: { channel: 'edi', from: '2026-01-01' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'EDI orders', shared: true, filters: { channel: 'edi', from: '2026-01-01' } });
    const dup = await save(cs, { name: 'EDI orders' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE', field: 'name' });
    const other = (await save(cs, { name: 'Other' })).body;
    expect((await cs.request('PATCH', `${PATH}/${other.id}`, { name: 'EDI orders' })).body.error).toMatchObject({ code: 'DUPLICATE', field: 'name' });
  });

  it('refuses a caller who is not signed in', async () => {
    expect((await t.anonymous().get(`${PATH}?screen=orders`)).status).toBe(401);
  });
});

describe('bad input gives a 4xx naming the field', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['no name', { name: undefined }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 80 characters', { name: 'x'.repeat(81) }, 'name'],
    ['an unknown screen', { name: 'v', screen: 'invoices' }, 'screen'],
    ['filters that are no object', { name: 'v', filters: 'status=draft' }, 'filters'],
    ['a filter the order list does not have', { name: 'v', filters: { lot: 'L1' } }, 'filters.lot'],
    ['a filter value that is no string', { name: 'v', filters: { status: 3 } }, 'filters.status'],
    ['a search over 100 characters', { name: 'v', filters: { q: 'x'.repeat(101) } }, 'filters.q'],
    ['a customer that is no id', { name: 'v', filters: { customerId: 'H-BJ-001' } }, 'filters.customerId'],
    ['a date that is no date', { name: 'v', filters: { from: 'yesterday' } }, 'filters.from'],
    ['shared that is no boolean', { name: 'v', shared: 'yes' }, 'shared'],
    ['a field of no saved view', { name: 'v', owner: 'someone' }, 'owner'],
  ];
  it.each(cases)('POST with %s → 400 on %s', async (_what, body, field) => {
    const res = await save(cs, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('PATCH and DELETE name the bad id, the bad field or the field that cannot change', async () => {
    const view = (await save(cs, { name: 'Patch me' })).body;
    expect((await cs.request('PATCH', `${PATH}/not-an-id`, { name: 'x' })).body.error.field).toBe('params.id');
    expect((await cs.request('DELETE', `${PATH}/not-an-id`)).body.error.field).toBe('params.id');
    expect((await cs.request('PATCH', `${PATH}/${view.id}`, { name: 'x'.repeat(81) })).body.error.field).toBe('name');
    expect((await cs.request('PATCH', `${PATH}/${view.id}`, { screen: 'orders' })).body.error.field).toBe('screen');
    expect((await cs.request('PATCH', `${PATH}/${view.id}`, { filters: { holdType: '' } })).body.error.field).toBe('filters.holdType');
  });

  it('GET without a known screen → 400 on the screen', async () => {
    for (const q of ['', '?screen=invoices']) {
      const res = await cs.get(`${PATH}${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('querystring.screen');
    }
  });
});
