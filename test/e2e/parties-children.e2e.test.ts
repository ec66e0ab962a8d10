import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import type { PartyInput } from '../../src/modules/parties/party-schemas.ts';
import { distributorInput, hospitalInput, testGln, uniqueCode } from '../../src/modules/parties/test-fixtures.ts';

let t: TestApp;
let admin: HttpClient;
let sales: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  sales = await t.userClient('sales');
});
afterAll(() => t.close());

const lastAudit = async (id: string) => (await admin.get(`/api/v1/audit?entity=party&id=${id}`)).body.items.at(-1) as { action: string; changes: Record<string, unknown> };
const newParty = async (input: PartyInput = distributorInput()) => (await sales.post('/api/v1/parties', input)).body.id as string;

describe('addresses', () => {
  it('adds, changes and removes an address, auditing each change on the party', async () => {
    const id = await newParty();
    const added = await sales.post(`/api/v1/parties/${id}/addresses`, { code: 'DC2', kind: 'ship_to', name: '二号仓', line1: '路2号', coldChainCapable: true });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: 'DC2', coldChainCapable: true, country: 'CN', isDefault: false });
    expect((await lastAudit(id))).toMatchObject({ action: 'address.added', changes: { 'addresses.DC2.coldChainCapable': { new: true } } });

    const changed = await sales.request('PATCH', `/api/v1/parties/${id}/addresses/${added.body.id}`, { coldChainCapable: false, city: '广州' });
    expect(changed.body).toMatchObject({ coldChainCapable: false, city: '广州' });
    expect((await lastAudit(id)).changes).toEqual({
      'addresses.DC2.coldChainCapable': { old: true, new: false }, 'addresses.DC2.city': { old: null, new: '广州' },
    });

    expect((await sales.request('DELETE', `/api/v1/parties/${id}/addresses/${added.body.id}`)).status).toBe(204);
    expect((await sales.get(`/api/v1/parties/${id}`)).body.addresses).toEqual([]);
    expect((await lastAudit(id)).action).toBe('address.removed');
  });

  it('moves the default to a newly defaulted address of the same kind', async () => {
    const id = await newParty(hospitalInput());
    await sales.post(`/api/v1/parties/${id}/addresses`, { code: 'NEW', kind: 'ship_to', name: 'n', line1: 'l', isDefault: true });
    const addresses = (await sales.get(`/api/v1/parties/${id}`)).body.addresses;
    expect(addresses.map((a: { code: string; isDefault: boolean }) => [a.code, a.isDefault])).toEqual([['MAIN', false], ['NEW', true]]);
  });

  it.each([
    ['a duplicate code', { code: 'MAIN', kind: 'ship_to', name: 'n', line1: 'l' }, 409, 'code'],
    ['a cold-chain bill-to', { code: 'B', kind: 'bill_to', name: 'n', line1: 'l', coldChainCapable: true }, 400, 'coldChainCapable'],
    ['a bad GLN', { code: 'G', kind: 'ship_to', name: 'n', line1: 'l', gln: '1234567890123' }, 400, 'gln'],
    ['no street', { code: 'S', kind: 'ship_to', name: 'n' }, 400, 'line1'],
    ['an unknown kind', { code: 'K', kind: 'pick_up', name: 'n', line1: 'l' }, 400, 'kind'],
  ])('refuses %s', async (_what, body, status, field) => {
    const id = await newParty(hospitalInput());
    const res = await sales.post(`/api/v1/parties/${id}/addresses`, body);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
  });

  it('refuses a PATCH making a bill-to cold-chain, and answers 404 for an address of another party', async () => {
    const a = await newParty(hospitalInput());
    const b = await newParty(hospitalInput());
    const bill = (await sales.post(`/api/v1/parties/${a}/addresses`, { code: 'BILL', kind: 'bill_to', name: 'n', line1: 'l' })).body;
    const bad = await sales.request('PATCH', `/api/v1/parties/${a}/addresses/${bill.id}`, { coldChainCapable: true });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'coldChainCapable' });
    expect((await sales.request('PATCH', `/api/v1/parties/${b}/addresses/${bill.id}`, { name: 'x' })).status).toBe(404);
    expect((await sales.request('DELETE', `/api/v1/parties/${b}/addresses/${bill.id}`)).status).toBe(404);
  });
});

describe('contacts', () => {
  it('keeps contacts encrypted: the audit trail shows [encrypted] for changed personal data', async () => {
    const id = await newParty();
    const added = await sales.post(`/api/v1/parties/${id}/contacts`, { name: '赵采购', role: '采购', phone: '020-1234 5678' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(String), role: '采购' });
    const changed = await sales.request('PATCH', `/api/v1/parties/${id}/contacts/${added.body.id}`, { phone: '020-8765 4321', email: 'zhao@example.cn', role: '采购' });
    expect(changed.status).toBe(200);
    const audit = await lastAudit(id);
    expect(audit.changes).toEqual({
      [`contacts.${added.body.id}.phone`]: { old: '[encrypted]', new: '[encrypted]' },
      [`contacts.${added.body.id}.email`]: { old: null, new: '[encrypted]' },
    });
    const all = JSON.stringify((await admin.get(`/api/v1/audit?entity=party&id=${id}`)).body);
    expect(all).not.toMatch(/赵采购|1234 5678|8765 4321|zhao@/);
    const finance = await t.userClient('finance');
    expect((await finance.get(`/api/v1/parties/${id}`)).body.contacts[0]).toMatchObject({ name: '赵采购', phone: '020-8765 4321', email: 'zhao@example.cn' });
    expect((await sales.request('DELETE', `/api/v1/parties/${id}/contacts/${added.body.id}`)).status).toBe(204);
    expect((await lastAudit(id)).action).toBe('contact.removed');
  });

  it('refuses a bad phone and an empty name, naming the field', async () => {
    const id = await newParty();
    expect((await sales.post(`/api/v1/parties/${id}/contacts`, { name: 'x', phone: 'call me' })).body.error.field).toBe('phone');
    expect((await sales.post(`/api/v1/parties/${id}/contacts`, { name: '' })).body.error.field).toBe('name');
  });
});

describe('identifiers', () => {
  it('adds, replaces and removes an identifier', async () => {
    const id = await newParty();
    const [gln, next] = [testGln(), testGln()];
    expect((await sales.post(`/api/v1/parties/${id}/identifiers`, { scheme: 'GLN', value: gln })).status).toBe(201);
    const replaced = await sales.request('PATCH', `/api/v1/parties/${id}/identifiers/GLN/${gln}`, { value: next });
    expect(replaced.body).toEqual({ scheme: 'GLN', value: next });
    expect((await lastAudit(id)).changes).toEqual({ 'identifiers.GLN': { old: gln, new: next } });
    expect((await sales.get(`/api/v1/parties/${id}`)).body.identifiers).toEqual([{ scheme: 'GLN', value: next }]);
    expect((await sales.request('DELETE', `/api/v1/parties/${id}/identifiers/GLN/${next}`)).status).toBe(204);
    expect((await sales.request('DELETE', `/api/v1/parties/${id}/identifiers/GLN/${next}`)).status).toBe(404);
  });

  it('refuses an identifier held by another party, a repeat, a bad check digit and an unknown scheme', async () => {
    const a = await newParty();
    const b = await newParty();
    const partner = uniqueCode('P');
    await sales.post(`/api/v1/parties/${a}/identifiers`, { scheme: 'PARTNER', value: partner });
    expect((await sales.post(`/api/v1/parties/${b}/identifiers`, { scheme: 'PARTNER', value: partner })).body.error).toMatchObject({ code: 'DUPLICATE', field: 'value' });
    expect((await sales.post(`/api/v1/parties/${a}/identifiers`, { scheme: 'PARTNER', value: partner })).status).toBe(409);
    expect((await sales.post(`/api/v1/parties/${a}/identifiers`, { scheme: 'GLN', value: '4012345000008' })).body.error.field).toBe('value');
    expect((await sales.post(`/api/v1/parties/${a}/identifiers`, { scheme: 'EAN', value: 'x' })).body.error.field).toBe('scheme');
    expect((await sales.request('PATCH', `/api/v1/parties/${a}/identifiers/EAN/x`, { value: 'y' })).body.error.field).toBe('params.scheme');
  });
});

describe('carrier services', () => {
  it('adds, lists, changes and removes services of a carrier', async () => {
    const id = await newParty({ code: uniqueCode('C'), kind: 'carrier', nameZh: '京东物流' });
    const added = await sales.post(`/api/v1/parties/${id}/carrier-services`, { code: 'COLD', name: '冷链', transitDays: 2, coldChainCapable: true });
    expect(added.status).toBe(201);
    const changed = await sales.request('PATCH', `/api/v1/parties/${id}/carrier-services/${added.body.id}`, { transitDays: 3 });
    expect(changed.body).toMatchObject({ transitDays: 3, coldChainCapable: true, active: true });
    expect((await lastAudit(id)).changes).toEqual({ 'carrierServices.COLD.transitDays': { old: 2, new: 3 } });
    expect((await sales.get(`/api/v1/parties/${id}/carrier-services`)).body.items).toHaveLength(1);
    expect((await sales.request('DELETE', `/api/v1/parties/${id}/carrier-services/${added.body.id}`)).status).toBe(204);
  });

  it('refuses services on a customer (409), a duplicate code (409) and a negative transit time (400)', async () => {
    const customer = await newParty();
    const notCarrier = await sales.post(`/api/v1/parties/${customer}/carrier-services`, { code: 'X', name: 'x', transitDays: 1 });
    expect(notCarrier.body.error.code).toBe('INVALID_STATE');
    const carrier = await newParty({ code: uniqueCode('C'), kind: 'carrier', nameZh: '德邦' });
    await sales.post(`/api/v1/parties/${carrier}/carrier-services`, { code: 'X', name: 'x', transitDays: 1 });
    expect((await sales.post(`/api/v1/parties/${carrier}/carrier-services`, { code: 'X', name: 'x', transitDays: 1 })).body.error).toMatchObject({ code: 'DUPLICATE', field: 'code' });
    expect((await sales.post(`/api/v1/parties/${carrier}/carrier-services`, { code: 'Y', name: 'y', transitDays: -1 })).body.error.field).toBe('transitDays');
  });
});

describe('permissions and scoping of child routes', () => {
  it('answers 403 to a reader and 404 for an unknown party', async () => {
    const id = await newParty();
    const reader = await t.userClient('customer_service');
    expect((await reader.post(`/api/v1/parties/${id}/addresses`, { code: 'A', kind: 'ship_to', name: 'n', line1: 'l' })).status).toBe(403);
    expect((await reader.post(`/api/v1/parties/${id}/contacts`, { name: 'n' })).status).toBe(403);
    expect((await reader.post(`/api/v1/parties/${id}/identifiers`, { scheme: 'PARTNER', value: 'v' })).status).toBe(403);
    const unknown = '0190aaaa-0000-7000-8000-000000000000';
    expect((await sales.post(`/api/v1/parties/${unknown}/addresses`, { code: 'A', kind: 'ship_to', name: 'n', line1: 'l' })).status).toBe(404);
  });

  it("hides another organisation's carrier services from a portal user", async () => {
    const own = await newParty(hospitalInput());
    const carrier = await newParty({ code: uniqueCode('C'), kind: 'carrier', nameZh: '承运' });
    const portal = await t.userClient('hospital_portal', { organisationId: own });
    expect((await portal.get(`/api/v1/parties/${carrier}/carrier-services`)).status).toBe(404);
  });
});
