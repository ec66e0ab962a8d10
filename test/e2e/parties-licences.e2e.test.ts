import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { createTestDevice, distributorInput, hospitalInput, uniqueCode } from '../../src/modules/parties/test-fixtures.ts';

let t: TestApp;
let admin: HttpClient;
let sales: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  sales = await t.userClient('sales');
});
afterAll(() => t.close());

const newParty = async (input = distributorInput()) => (await sales.post('/api/v1/parties', input)).body as { id: string; code: string };
const licence = (more: Record<string, unknown> = {}) => ({
  licenceType: 'class3_distribution', number: uniqueCode('粤食药监械经营许'), deviceClasses: ['II', 'III'], categoryCodes: ['07'],
  validFrom: '2024-01-01', validTo: '2028-12-31', issuingAuthority: '广州市市场监督管理局', documentRef: 'doc:licence-scan-1', ...more,
});
const licenceAudit = async (id: string) => (await admin.get(`/api/v1/audit?entity=licence&id=${id}`)).body.items as Array<{ action: string; changes: Record<string, unknown> }>;

describe('licence CRUD', () => {
  it('adds, reads, changes under the version and deletes a licence, auditing each step', async () => {
    const party = await newParty();
    const created = await sales.post(`/api/v1/parties/${party.id}/licences`, licence());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ partyId: party.id, deviceClasses: ['II', 'III'], categoryCodes: ['07'], validTo: '2028-12-31', version: 1, createdBy: sales.username });
    const lid = created.body.id;
    expect((await sales.get(`/api/v1/parties/${party.id}/licences/${lid}`)).body.number).toBe(created.body.number);
    expect((await sales.get(`/api/v1/parties/${party.id}/licences`)).body.items).toHaveLength(1);
    expect((await sales.get(`/api/v1/parties/${party.id}`)).body.licences[0].id).toBe(lid);

    const changed = await sales.request('PATCH', `/api/v1/parties/${party.id}/licences/${lid}`, { version: 1, validTo: '2030-12-31', categoryCodes: ['07', '08-01'] });
    expect(changed.body).toMatchObject({ validTo: '2030-12-31', categoryCodes: ['07', '08-01'], version: 2 });
    const stale = await sales.request('PATCH', `/api/v1/parties/${party.id}/licences/${lid}`, { version: 1, validTo: '2031-12-31' });
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', field: 'version' });

    expect((await sales.request('DELETE', `/api/v1/parties/${party.id}/licences/${lid}`)).status).toBe(204);
    expect((await sales.get(`/api/v1/parties/${party.id}/licences/${lid}`)).status).toBe(404);
    const trail = await licenceAudit(lid);
    expect(trail.map((a) => a.action)).toEqual(['created', 'updated', 'deleted']);
    expect(trail[1]!.changes).toEqual({
      validTo: { old: '2028-12-31', new: '2030-12-31' }, categoryCodes: { old: ['07'], new: ['07', '08-01'] }, version: { old: 1, new: 2 },
    });
  });

  it('lets a supplier hold a licence', async () => {
    const supplier = await newParty({ code: uniqueCode('S'), kind: 'supplier', nameZh: '生产企业' });
    expect((await sales.post(`/api/v1/parties/${supplier.id}/licences`, licence({ licenceType: 'manufacturing', deviceClasses: ['III'] }))).status).toBe(201);
  });

  it.each([
    ['an end before the start', { validTo: '2023-12-31' }, 400, 'validTo'],
    ['a class II filing listing class III', { licenceType: 'class2_filing', deviceClasses: ['III'] }, 400, 'deviceClasses'],
    ['a practice licence for a distributor', { licenceType: 'hospital_practice' }, 400, 'licenceType'],
    ['an unknown type', { licenceType: 'business_licence' }, 400, 'licenceType'],
    ['an impossible date', { validFrom: '2024-02-30' }, 400, 'validFrom'],
    ['a malformed date', { validFrom: '24-01-01' }, 400, 'validFrom'],
    ['class IV', { deviceClasses: ['IV'] }, 400, 'deviceClasses.0'],
    ['a malformed category code', { categoryCodes: ['7-3'] }, 400, 'categoryCodes.0'],
    ['a class listed twice', { deviceClasses: ['III', 'III'] }, 400, 'deviceClasses'],
    ['no number', { number: undefined }, 400, 'number'],
  ])('refuses %s naming the field', async (_what, change, status, field) => {
    const party = await newParty();
    const res = await sales.post(`/api/v1/parties/${party.id}/licences`, licence(change));
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
  });

  it('refuses a second licence with the same type and number (409), and licences for a carrier', async () => {
    const party = await newParty();
    const body = licence();
    await sales.post(`/api/v1/parties/${party.id}/licences`, body);
    expect((await sales.post(`/api/v1/parties/${party.id}/licences`, body)).body.error).toMatchObject({ code: 'DUPLICATE', field: 'number' });
    const carrier = await newParty({ code: uniqueCode('C'), kind: 'carrier', nameZh: '承运' });
    expect((await sales.post(`/api/v1/parties/${carrier.id}/licences`, licence())).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'licenceType' });
  });

  it('refuses a PATCH moving the end before the start, and a licence id of another party (404)', async () => {
    const a = await newParty();
    const b = await newParty();
    const lid = (await sales.post(`/api/v1/parties/${a.id}/licences`, licence())).body.id;
    expect((await sales.request('PATCH', `/api/v1/parties/${a.id}/licences/${lid}`, { version: 1, validTo: '2020-01-01' })).body.error.field).toBe('validTo');
    expect((await sales.request('PATCH', `/api/v1/parties/${b.id}/licences/${lid}`, { version: 1, validTo: '2030-01-01' })).status).toBe(404);
    expect((await sales.get(`/api/v1/parties/${b.id}/licences/${lid}`)).status).toBe(404);
  });

  it('needs parties.write to change licences (403)', async () => {
    const party = await newParty();
    const auditor = await t.userClient('auditor');
    expect((await auditor.get(`/api/v1/parties/${party.id}/licences`)).status).toBe(200);
    expect((await auditor.post(`/api/v1/parties/${party.id}/licences`, licence())).status).toBe(403);
  });
});

describe('GET /api/v1/licences/expiring', () => {
  it('lists licences ending within the window, soonest first, with party code and name and renewal status', async () => {
    const party = await newParty(distributorInput({ nameZh: '即将到期公司' }));
    const soon = licence({ validTo: '2031-01-20' });
    const later = licence({ validTo: '2031-03-01' });
    const beyond = licence({ validTo: '2031-06-01' });
    for (const l of [later, soon, beyond]) await sales.post(`/api/v1/parties/${party.id}/licences`, l);
    await sales.post(`/api/v1/parties/${party.id}/licences`, licence({ licenceType: 'class2_filing', deviceClasses: ['II'], validFrom: '2031-01-01', validTo: null }));

    const res = await sales.get('/api/v1/licences/expiring?within=60&asOf=2031-01-10');
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((l: { partyId: string }) => l.partyId === party.id);
    expect(mine.map((l: { number: string }) => l.number)).toEqual([soon.number, later.number]);
    expect(mine[0]).toMatchObject({ partyCode: party.code, partyNameZh: '即将到期公司', partyKind: 'customer', daysLeft: 10, renewed: true });
    expect(res.body.asOf).toBe('2031-01-10');
    expect((await sales.get('/api/v1/licences/expiring?within=30&asOf=2031-01-10')).body.items.map((l: { number: string }) => l.number)).not.toContain(later.number);
    const edge = await sales.get('/api/v1/licences/expiring?within=30&asOf=2031-01-20');
    expect(edge.body.items.find((l: { number: string }) => l.number === soon.number)?.daysLeft).toBe(0);
  });

  it('refuses a window other than 30, 60 or 90 days and a bad date', async () => {
    expect((await sales.get('/api/v1/licences/expiring?within=45')).body.error.field).toBe('querystring.within');
    expect((await sales.get('/api/v1/licences/expiring')).body.error.field).toBe('querystring.within');
    expect((await sales.get('/api/v1/licences/expiring?within=30&asOf=2031-13-01')).body.error.field).toBe('querystring.asOf');
  });
});

describe('GET /api/v1/parties/:id/may-receive', () => {
  it('answers yes or no with the reason in English and Chinese', async () => {
    const class3 = await createTestDevice(t.db, { deviceClass: 'III', categoryCode: '07-03-01' });
    const class3Other = await createTestDevice(t.db, { deviceClass: 'III', categoryCode: '08-01-01' });
    const party = await newParty();
    await sales.post(`/api/v1/parties/${party.id}/licences`, licence({ validTo: '2026-06-30' }));
    const ask = (deviceId: string, date: string) => sales.get(`/api/v1/parties/${party.id}/may-receive?deviceId=${deviceId}&date=${date}`);

    expect((await ask(class3.id, '2026-06-30')).body).toEqual({ partyId: party.id, date: '2026-06-30', deviceId: class3.id, deviceCode: class3.code, allowed: true });
    const expired = await ask(class3.id, '2026-07-01');
    expect(expired.body).toMatchObject({ allowed: false, code: 'LICENCE_EXPIRED', reason: expect.stringContaining('2026-06-30'), reasonZh: expect.stringContaining('有效期') });
    expect((await ask(class3Other.id, '2026-01-01')).body).toMatchObject({ allowed: false, code: 'LICENCE_SCOPE' });
  });

  it('refuses an unknown device, a bad date and a supplier', async () => {
    const party = await newParty();
    const device = await createTestDevice(t.db, { deviceClass: 'I' });
    const unknown = await sales.get(`/api/v1/parties/${party.id}/may-receive?deviceId=0190aaaa-0000-7000-8000-000000000000&date=2026-01-01`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('deviceId');
    expect((await sales.get(`/api/v1/parties/${party.id}/may-receive?deviceId=${device.id}&date=2026-1-1`)).body.error.field).toBe('querystring.date');
    expect((await sales.get(`/api/v1/parties/${party.id}/may-receive?date=2026-01-01`)).body.error.field).toBe('querystring.deviceId');
    const supplier = await newParty({ code: uniqueCode('S'), kind: 'supplier', nameZh: '供应商' });
    expect((await sales.get(`/api/v1/parties/${supplier.id}/may-receive?deviceId=${device.id}&date=2026-01-01`)).status).toBe(409);
  });
});

describe('scoping of licences', () => {
  it("lets a portal user read its own licences and nobody else's (404)", async () => {
    const own = await newParty(hospitalInput());
    const other = await newParty(hospitalInput());
    const ownLicence = (await sales.post(`/api/v1/parties/${own.id}/licences`, licence({ licenceType: 'hospital_practice', validTo: '2040-01-15' }))).body;
    const otherLicence = (await sales.post(`/api/v1/parties/${other.id}/licences`, licence({ licenceType: 'hospital_practice', validTo: '2040-01-15' }))).body;
    const portal = await t.userClient('hospital_portal', { organisationId: own.id });
    expect((await portal.get(`/api/v1/parties/${own.id}/licences`)).body.items.map((l: { id: string }) => l.id)).toEqual([ownLicence.id]);
    expect((await portal.get(`/api/v1/parties/${own.id}/licences/${ownLicence.id}`)).status).toBe(200);
    expect((await portal.get(`/api/v1/parties/${other.id}/licences`)).status).toBe(404);
    expect((await portal.get(`/api/v1/parties/${other.id}/licences/${otherLicence.id}`)).status).toBe(404);
    expect((await portal.get(`/api/v1/parties/${own.id}/licences/${otherLicence.id}`)).status).toBe(404);
    const expiring = await portal.get('/api/v1/licences/expiring?within=30&asOf=2040-01-01');
    expect(expiring.body.items.map((l: { id: string }) => l.id)).toEqual([ownLicence.id]);
    const device = await createTestDevice(t.db, { deviceClass: 'III' });
    expect((await portal.get(`/api/v1/parties/${own.id}/may-receive?deviceId=${device.id}&date=2027-01-01`)).body.allowed).toBe(true);
    expect((await portal.get(`/api/v1/parties/${other.id}/may-receive?deviceId=${device.id}&date=2030-01-01`)).status).toBe(404);
  });
});
