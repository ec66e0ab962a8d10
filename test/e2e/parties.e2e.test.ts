import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
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

const audit = async (entityId: string) => (await admin.get(`/api/v1/audit?entity=party&id=${entityId}`)).body.items as Array<{ action: string; changes: Record<string, unknown>; reason: string | null }>;
const patch = (c: HttpClient, id: string, body: unknown) => c.request('PATCH', `/api/v1/parties/${id}`, body);

describe('POST /api/v1/parties', () => {
  it('creates a customer with addresses, contacts and identifiers and reads it back', async () => {
    const gln = testGln();
    const res = await sales.post('/api/v1/parties', hospitalInput({
      creditLimitMinor: 12_345_600, minShelfLifeDays: 180, requiresSerialCapture: true, bankDetails: '工行 6222 0000',
      contacts: [{ name: '刘主任', phone: '010-1234 5678' }], identifiers: [{ scheme: 'GLN', value: gln }],
    }));
    expect(res.status).toBe(201);
    const got = await sales.get(`/api/v1/parties/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      code: res.body.code, kind: 'customer', customerType: 'hospital', creditLimitMinor: 12_345_600, minShelfLifeDays: 180,
      requiresSerialCapture: true, version: 1, identifiers: [{ scheme: 'GLN', value: gln }], sensitiveHidden: true,
    });
    expect(got.body.addresses[0]).toMatchObject({ code: 'MAIN', kind: 'ship_to', coldChainCapable: true, isDefault: true, country: 'CN' });
    expect(got.body.contacts[0].name).toBeUndefined();
    expect(got.body.bankDetails).toBeUndefined();
    const [created] = await audit(res.body.id);
    expect(created!.action).toBe('created');
    expect(created!.changes.bankDetails).toEqual({ new: '[encrypted]' });
    expect(JSON.stringify(created!.changes)).not.toContain('刘主任');
  });

  it('creates a supplier with a lead time and a carrier with services', async () => {
    const supplier = await sales.post('/api/v1/parties', { code: uniqueCode('S'), kind: 'supplier', nameZh: '供应商', leadTimeDays: 21 });
    expect(supplier.status).toBe(201);
    expect((await sales.get(`/api/v1/parties/${supplier.body.id}`)).body.leadTimeDays).toBe(21);
    const carrier = await sales.post('/api/v1/parties', {
      code: uniqueCode('C'), kind: 'carrier', nameZh: '顺丰速运',
      carrierServices: [{ code: 'STD', name: '标快', transitDays: 2 }, { code: 'COLD', name: '冷运', transitDays: 3, coldChainCapable: true }],
    });
    expect(carrier.status).toBe(201);
    const got = await sales.get(`/api/v1/parties/${carrier.body.id}`);
    expect(got.body.carrierServices.map((s: { code: string; coldChainCapable: boolean }) => [s.code, s.coldChainCapable])).toEqual([['COLD', true], ['STD', false]]);
  });

  it.each([
    ['a supplier with a customer type', { kind: 'supplier', customerType: 'dealer' }, 'customerType'],
    ['a customer without a customer type', { customerType: undefined }, 'customerType'],
    ['shelf life in days and in percent', { minShelfLifeDays: 90, minShelfLifePct: 50 }, 'minShelfLifePct'],
    ['a lead time on a customer', { leadTimeDays: 10 }, 'leadTimeDays'],
    ['serial capture on a supplier', { kind: 'supplier', customerType: undefined, requiresSerialCapture: true }, 'requiresSerialCapture'],
    ['services on a customer', { carrierServices: [{ code: 'X', name: 'x', transitDays: 1 }] }, 'carrierServices'],
    ['a GLN with a wrong check digit', { identifiers: [{ scheme: 'GLN', value: '6901234000010' }] }, 'identifiers.0.value'],
    ['a DUNS number of 8 digits', { identifiers: [{ scheme: 'DUNS', value: '12345678' }] }, 'identifiers.0.value'],
    ['the same identifier twice', { identifiers: [{ scheme: 'PARTNER', value: 'P1' }, { scheme: 'PARTNER', value: 'P1' }] }, 'identifiers.1.value'],
    ['two addresses with one code', { addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l' }, { code: 'A', kind: 'bill_to', name: 'b', line1: 'l' }] }, 'addresses.1.code'],
    ['two default ship-tos', { addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l', isDefault: true }, { code: 'B', kind: 'ship_to', name: 'b', line1: 'l', isDefault: true }] }, 'addresses.1.isDefault'],
    ['a cold-chain bill-to', { addresses: [{ code: 'A', kind: 'bill_to', name: 'a', line1: 'l', coldChainCapable: true }] }, 'addresses.0.coldChainCapable'],
    ['an address GLN with a wrong check digit', { addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l', gln: '1234567890123' }] }, 'addresses.0.gln'],
    ['an address GLN of 12 digits', { addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l', gln: '123456789012' }] }, 'addresses.0.gln'],
    ['a lower-case country', { addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l', country: 'cn' }] }, 'addresses.0.country'],
    ['a negative credit limit', { creditLimitMinor: -1 }, 'creditLimitMinor'],
    ['a fractional credit limit', { creditLimitMinor: 10.5 }, 'creditLimitMinor'],
    ['priority tier 6', { priorityTier: 6 }, 'priorityTier'],
    ['shelf life of 101 %', { minShelfLifePct: 101 }, 'minShelfLifePct'],
    ['a currency in lower case', { currency: 'cny' }, 'currency'],
    ['a malformed credit code', { creditCode: '123' }, 'creditCode'],
    ['an unknown kind', { kind: 'bank' }, 'kind'],
    ['a bad e-mail', { contacts: [{ name: 'x', email: 'not-an-email' }] }, 'contacts.0.email'],
    ['a code with spaces', { code: 'A B' }, 'code'],
  ])('refuses %s with a 400 naming the field', async (_what, change, field) => {
    const res = await sales.post('/api/v1/parties', { ...distributorInput(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('refuses a duplicate code and an identifier another party holds with 409', async () => {
    const gln = testGln();
    const first = await sales.post('/api/v1/parties', distributorInput({ identifiers: [{ scheme: 'GLN', value: gln }] }));
    const dup = await sales.post('/api/v1/parties', distributorInput({ code: first.body.code }));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE', field: 'code' });
    const taken = await sales.post('/api/v1/parties', distributorInput({ identifiers: [{ scheme: 'GLN', value: gln }] }));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'DUPLICATE', field: 'identifiers' });
  });

  it('refuses writes without parties.write (403) and without a session (401)', async () => {
    const cs = await t.userClient('customer_service');
    expect((await cs.post('/api/v1/parties', distributorInput())).status).toBe(403);
    expect((await t.anonymous().post('/api/v1/parties', distributorInput())).status).toBe(401);
  });
});

describe('GET /api/v1/parties', () => {
  it('filters by kind, active and a search on code and name', async () => {
    const code = uniqueCode('FIND');
    await sales.post('/api/v1/parties', distributorInput({ code, nameZh: '独特的名字公司' }));
    const byName = await sales.get(`/api/v1/parties?q=${encodeURIComponent('独特的名字')}&kind=customer&active=true`);
    expect(byName.body.items.map((p: { code: string }) => p.code)).toEqual([code]);
    expect((await sales.get(`/api/v1/parties?q=${code}&kind=supplier`)).body.total).toBe(0);
    expect((await sales.get(`/api/v1/parties?q=${code}&active=false`)).body.total).toBe(0);
  });
  it('refuses a bad filter with a 400 naming it', async () => {
    const res = await sales.get('/api/v1/parties?kind=bank');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('querystring.kind');
  });
});

describe('PATCH /api/v1/parties/:id', () => {
  it('changes fields under the version read, audits the changed fields only and bumps the version', async () => {
    const { body: { id, code } } = await sales.post('/api/v1/parties', distributorInput({ paymentTermsDays: 30, nameEn: 'Old' }));
    // A client may send back the whole record it read: unchanged code and kind are fine.
    const res = await patch(sales, id, { version: 1, code, kind: 'customer', paymentTermsDays: 60, nameEn: 'Old', creditLimitMinor: 5_000_00 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ paymentTermsDays: 60, creditLimitMinor: 500_000, version: 2, updatedBy: sales.username });
    const updated = (await audit(id)).find((a) => a.action === 'updated')!;
    expect(updated.changes).toEqual({
      paymentTermsDays: { old: 30, new: 60 }, creditLimitMinor: { old: null, new: 500_000 }, version: { old: 1, new: 2 },
    });
  });

  it('clears an optional field with null', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput({ nameEn: 'To clear', minShelfLifeDays: 90 }));
    const res = await patch(sales, id, { version: 1, nameEn: null, minShelfLifeDays: null, minShelfLifePct: 60 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nameEn: null, minShelfLifeDays: null, minShelfLifePct: 60 });
  });

  it('keeps a zero credit limit a zero (no coercion to null)', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput());
    expect((await patch(sales, id, { version: 1, creditLimitMinor: 0 })).body.creditLimitMinor).toBe(0);
  });

  it('shows changed bank details as [encrypted] in the audit trail, never the plain text', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput({ bankDetails: 'OLD-ACCOUNT-111' }));
    expect((await patch(sales, id, { version: 1, bankDetails: 'NEW-ACCOUNT-222' })).status).toBe(200);
    const entries = await audit(id);
    expect(entries.at(-1)!.changes.bankDetails).toEqual({ old: '[encrypted]', new: '[encrypted]' });
    expect(JSON.stringify(entries)).not.toMatch(/ACCOUNT-111|ACCOUNT-222/);
    const finance = await t.userClient('finance');
    expect((await finance.get(`/api/v1/parties/${id}`)).body.bankDetails).toBe('NEW-ACCOUNT-222');
    expect((await patch(sales, id, { version: 2, bankDetails: null })).body.version).toBe(3);
    expect((await finance.get(`/api/v1/parties/${id}`)).body.bankDetails).toBeNull();
  });

  it('answers a PATCH that changes nothing with the party as it is, writing no audit record', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput({ paymentTermsDays: 45 }));
    const res = await patch(sales, id, { version: 1, paymentTermsDays: 45 });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect((await audit(id)).map((a) => a.action)).toEqual(['created']);
  });

  it('refuses a stale version with 409 naming the version', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput());
    await patch(sales, id, { version: 1, notes: 'first' });
    const stale = await patch(sales, id, { version: 1, notes: 'second' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', field: 'version', details: { currentVersion: 2 } });
  });

  it.each([
    ['a new code', { code: 'OTHER' }, 'code'],
    ['a new kind', { kind: 'supplier' }, 'kind'],
    ['percent on top of days', { minShelfLifePct: 10 }, 'minShelfLifePct'],
    ['a lead time on a customer', { leadTimeDays: 5 }, 'leadTimeDays'],
    ['no version', { version: undefined, notes: 'x' }, 'version'],
    ['a string for a number', { paymentTermsDays: 'soon' }, 'paymentTermsDays'],
    ['an unknown customer type', { customerType: 'clinic' }, 'customerType'],
  ])('refuses %s with a 400 naming the field', async (_what, change, field) => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput({ minShelfLifeDays: 30 }));
    const res = await patch(sales, id, { version: 1, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it('answers 404 for an unknown party and 403 without parties.write', async () => {
    expect((await patch(sales, '0190aaaa-0000-7000-8000-000000000000', { version: 1 })).status).toBe(404);
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput());
    const auditor = await t.userClient('auditor');
    const res = await patch(auditor, id, { version: 1, notes: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('deactivate and reactivate', () => {
  it('deactivates with a reason, refuses doing it twice, and reactivates', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput());
    const off = await sales.post(`/api/v1/parties/${id}/deactivate`, { version: 1, reason: '停止合作' });
    expect(off.body).toEqual({ id, active: false, version: 2 });
    const again = await sales.post(`/api/v1/parties/${id}/deactivate`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
    const stale = await sales.post(`/api/v1/parties/${id}/reactivate`, { version: 1 });
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await sales.post(`/api/v1/parties/${id}/reactivate`, { version: 2 })).body.active).toBe(true);
    const entries = await audit(id);
    expect(entries.find((a) => a.action === 'deactivated')).toMatchObject({ reason: '停止合作', changes: { active: { old: true, new: false } } });
    expect(entries.at(-1)!.action).toBe('reactivated');
  });
  it('refuses a missing version with a 400 and a reader with 403', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput());
    expect((await sales.post(`/api/v1/parties/${id}/deactivate`, {})).body.error.field).toBe('version');
    expect((await (await t.userClient('quality')).post(`/api/v1/parties/${id}/deactivate`, { version: 1 })).status).toBe(403);
  });
});

describe('sensitive data', () => {
  it('decrypts contacts only for parties.sensitive.read, and audits that read', async () => {
    const { body: { id } } = await sales.post('/api/v1/parties', distributorInput({ contacts: [{ name: '陈经理', email: 'chen@example.cn' }] }));
    expect((await sales.get(`/api/v1/parties/${id}`)).body.contacts[0]).toEqual({ id: expect.any(String), role: null });
    const finance = await t.userClient('finance');
    expect((await finance.get(`/api/v1/parties/${id}`)).body.contacts[0]).toMatchObject({ name: '陈经理', email: 'chen@example.cn' });
    expect((await audit(id)).at(-1)).toMatchObject({ action: 'sensitive.read' });
  });
});

describe('record-level scoping', () => {
  it('lets a portal user see its own organisation only (404 for others, never 403)', async () => {
    const own = (await sales.post('/api/v1/parties', hospitalInput())).body;
    const other = (await sales.post('/api/v1/parties', hospitalInput())).body;
    const portal = await t.userClient('hospital_portal', { organisationId: own.id });
    expect((await portal.get(`/api/v1/parties/${own.id}`)).status).toBe(200);
    const hidden = await portal.get(`/api/v1/parties/${other.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
    const list = await portal.get('/api/v1/parties?limit=500');
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([own.id]);
    expect((await patch(portal, own.id, { version: 1, notes: 'x' })).status).toBe(403);
  });
});
