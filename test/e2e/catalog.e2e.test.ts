import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldImplant, gtinFor, sampleDevice } from '../../src/modules/catalog/devices.fixture.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
});
afterAll(() => t.close());

const audit = async (id: string) => (await admin.get(`/api/v1/audit?entity=device&id=${id}`)).body.items as Array<{ action: string; changes: Record<string, unknown>; reason: string | null }>;
const events = async (id: string) =>
  (await t.db.query<{ topic: string }>('SELECT topic FROM outbox_events WHERE entity_id = $1 ORDER BY id', [id])).rows.map((r) => r.topic);

describe('devices', () => {
  it('creates a device with its packaging levels, GTIN-13 normalised to GTIN-14, and reads it back', async () => {
    const created = await admin.post('/api/v1/devices', coldImplant(1, { packaging: [{ level: 'each', gtin: '6901234567892', quantity: 1 }] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'DEV-000001', deviceClass: 'III', registrationKind: 'registration', coldChain: true, version: 1, source: 'api',
      createdBy: admin.username, packaging: [{ level: 'each', gtin: '06901234567892', quantity: 1 }],
    });
    const read = await admin.get(`/api/v1/devices/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(await events(created.body.id)).toEqual(['device.created']);
    expect((await audit(created.body.id))[0]).toMatchObject({ action: 'created', changes: { code: { new: 'DEV-000001' }, coldChain: { new: true } } });
  });

  it('answers an unknown device with 404', async () => {
    const res = await admin.get('/api/v1/devices/018f0000-0000-7000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('changes only the fields a PATCH gives, audits those, and bumps the version', async () => {
    const { body: d } = await admin.post('/api/v1/devices', sampleDevice(2));
    const res = await admin.request('PATCH', `/api/v1/devices/${d.id}`, { version: 1, nameEn: 'IV set', hsCode: null, leadTimeDays: 21 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, nameEn: 'IV set', hsCode: null, leadTimeDays: 21, nameZh: d.nameZh, updatedBy: admin.username });
    const updated = (await audit(d.id)).find((a) => a.action === 'updated')!;
    expect(updated.changes).toEqual({ nameEn: { old: 'Infusion set 2', new: 'IV set' }, hsCode: { old: '9018390000', new: null }, leadTimeDays: { old: 14, new: 21 } });
    expect(await events(d.id)).toEqual(['device.created', 'device.updated']);
  });

  it('refuses a PATCH from a stale version with 409 CONFLICT, and writes nothing for a PATCH that changes nothing', async () => {
    const { body: d } = await admin.post('/api/v1/devices', sampleDevice(3));
    const stale = await admin.request('PATCH', `/api/v1/devices/${d.id}`, { version: 7, nameEn: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', field: 'version', details: { currentVersion: 1 } });
    const same = await admin.request('PATCH', `/api/v1/devices/${d.id}`, { version: 1, nameEn: d.nameEn });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    expect((await audit(d.id)).map((a) => a.action)).toEqual(['created']);
  });

  it('deactivates a device with a reason in the audit trail; doing it again changes nothing', async () => {
    const { body: d } = await admin.post('/api/v1/devices', sampleDevice(4));
    const res = await admin.post(`/api/v1/devices/${d.id}/deactivate`, { reason: '停产 discontinued' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, version: 2 });
    expect((await admin.post(`/api/v1/devices/${d.id}/deactivate`, {})).body.version).toBe(2);
    expect((await audit(d.id)).at(-1)).toMatchObject({ action: 'deactivated', reason: '停产 discontinued', changes: { active: { old: true, new: false } } });
    expect(await events(d.id)).toEqual(['device.created', 'device.deactivated']);
  });
});

describe('packaging levels', () => {
  it('adds a level with a new GTIN and removes it again, each audited and announced', async () => {
    const { body: d } = await admin.post('/api/v1/devices', sampleDevice(10, { packaging: [{ level: 'each', gtin: gtinFor(10), quantity: 1 }] }));
    const added = await admin.post(`/api/v1/devices/${d.id}/packaging`, { level: 'box', gtin: gtinFor(10, 1), quantity: 12 });
    expect(added.status).toBe(201);
    expect(added.body.packaging).toEqual([{ level: 'each', gtin: gtinFor(10), quantity: 1, hibcc: null }, { level: 'box', gtin: gtinFor(10, 1), quantity: 12, hibcc: null }]);
    expect(added.body.version).toBe(2);
    const removed = await admin.request('DELETE', `/api/v1/devices/${d.id}/packaging/${gtinFor(10, 1)}`);
    expect(removed.status).toBe(200);
    expect(removed.body.packaging).toEqual([{ level: 'each', gtin: gtinFor(10), quantity: 1, hibcc: null }]);
    expect((await audit(d.id)).map((a) => [a.action, Object.keys(a.changes)])).toEqual([
      ['created', expect.any(Array)], ['packaging.added', ['packaging.box']], ['packaging.removed', ['packaging.box']],
    ]);
    expect(await events(d.id)).toEqual(['device.created', 'device.packaging_added', 'device.packaging_removed']);
  });

  it('removes a level named by its GTIN-13 form', async () => {
    const { body: d } = await admin.post('/api/v1/devices', sampleDevice(11, { packaging: [{ level: 'each', gtin: '4006381333931', quantity: 1 }] }));
    const res = await admin.request('DELETE', `/api/v1/devices/${d.id}/packaging/4006381333931`);
    expect(res.status).toBe(200);
    expect(res.body.packaging).toEqual([]);
  });
});

describe('device search', () => {
  beforeAll(async () => {
    await admin.post('/api/v1/devices', sampleDevice(20, { nameZh: '医用外科口罩', nameEn: 'Surgical Mask', categoryCode: '14-14-02', deviceClass: 'II' }));
    await admin.post('/api/v1/devices', coldImplant(21, { nameZh: '心脏封堵器' }));
    const { body: old } = await admin.post('/api/v1/devices', sampleDevice(22, { nameZh: '旧款口罩', categoryCode: '14-14-01' }));
    await admin.post(`/api/v1/devices/${old.id}/deactivate`, {});
  });
  const codes = async (query: string) => {
    const res = await admin.get(`/api/v1/devices?${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ code: string }>).map((d) => d.code);
  };

  it('finds devices by code, Chinese or English name (any case), GTIN and category code', async () => {
    expect(await codes('q=DEV-000020')).toEqual(['DEV-000020']);
    expect(await codes(`q=${encodeURIComponent('口罩')}`)).toEqual(['DEV-000020', 'DEV-000022']);
    expect(await codes('q=surgical%20mask')).toEqual(['DEV-000020']);
    expect(await codes(`q=${gtinFor(21)}`)).toEqual(['DEV-000021']);
    expect(await codes(`q=${gtinFor(20, 1).slice(1)}`)).toEqual(['DEV-000020']);
    expect(await codes('q=14-14')).toEqual(['DEV-000020', 'DEV-000022']);
    expect(await codes('q=%25')).toEqual([]);
  });

  it('filters by class, cold chain and active flag', async () => {
    expect(await codes('q=DEV-00002&deviceClass=III')).toEqual(['DEV-000021']);
    expect(await codes('q=DEV-00002&coldChain=true')).toEqual(['DEV-000021']);
    expect(await codes('q=DEV-00002&active=false')).toEqual(['DEV-000022']);
    expect(await codes('q=DEV-00002&active=true&coldChain=false')).toEqual(['DEV-000020']);
  });

  it('pages with limit and offset and gives the total', async () => {
    const page = await admin.get('/api/v1/devices?q=DEV-00002&limit=2&offset=1');
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((d: { code: string }) => d.code)).toEqual(['DEV-000021', 'DEV-000022']);
  });
});

describe('registration expiry warnings', () => {
  beforeAll(async () => {
    const expiring = (n: number, expiresOn: string) =>
      admin.post('/api/v1/devices', sampleDevice(n, { registrationIssuedOn: '2021-01-01', registrationExpiresOn: expiresOn, packaging: [] }));
    await expiring(30, '2030-01-11'); // 10 days after asOf
    await expiring(31, '2030-03-02'); // 60 days
    await expiring(32, '2030-05-31'); // 150 days
    await expiring(33, '2030-07-20'); // 200 days
    await expiring(34, '2029-12-27'); // expired 5 days before
    const { body: gone } = await expiring(35, '2030-01-05');
    await admin.post(`/api/v1/devices/${gone.id}/deactivate`, {});
  });
  const warn = (within: number) => admin.get(`/api/v1/devices/registration-expiry?within=${within}&asOf=2030-01-01`);

  it('lists active devices expiring within 30, 90 or 180 days of asOf, soonest first, with days left and bucket', async () => {
    const in30 = await warn(30);
    expect(in30.status).toBe(200);
    expect(in30.body).toMatchObject({ within: 30, asOf: '2030-01-01', total: 1 });
    expect(in30.body.items).toEqual([expect.objectContaining({ code: 'DEV-000030', registrationExpiresOn: '2030-01-11', daysLeft: 10, bucket: 30 })]);
    const in90 = (await warn(90)).body.items.map((i: { code: string; bucket: number }) => [i.code, i.bucket]);
    expect(in90).toEqual([['DEV-000030', 30], ['DEV-000031', 90]]);
    const in180 = (await warn(180)).body.items.map((i: { code: string; daysLeft: number }) => [i.code, i.daysLeft]);
    expect(in180).toEqual([['DEV-000030', 10], ['DEV-000031', 60], ['DEV-000032', 150]]);
  });
});

describe('catalogue permissions', () => {
  it('lets a warehouse user read but not create or change devices', async () => {
    const wh = await t.userClient('warehouse');
    expect((await wh.get('/api/v1/devices')).status).toBe(200);
    const create = await wh.post('/api/v1/devices', sampleDevice(90));
    expect(create.status).toBe(403);
    expect(create.body.error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'catalog.write' } });
    const { body: d } = await admin.post('/api/v1/devices', sampleDevice(91));
    expect((await wh.request('PATCH', `/api/v1/devices/${d.id}`, { version: 1, nameEn: 'x' })).status).toBe(403);
    expect((await wh.post(`/api/v1/devices/${d.id}/deactivate`, {})).status).toBe(403);
    expect((await wh.post(`/api/v1/devices/${d.id}/packaging`, { level: 'pallet', gtin: gtinFor(91, 3), quantity: 1000 })).status).toBe(403);
    expect((await wh.request('DELETE', `/api/v1/devices/${d.id}/packaging/${gtinFor(91)}`)).status).toBe(403);
  });

  it('keeps the catalogue from roles without catalog.read, and from anyone not signed in', async () => {
    const finance = await t.userClient('finance');
    expect((await finance.get('/api/v1/devices')).status).toBe(403);
    expect((await finance.get('/api/v1/devices/registration-expiry')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/devices')).status).toBe(401);
  });
});
