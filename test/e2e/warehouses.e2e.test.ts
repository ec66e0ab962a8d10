import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
});
afterAll(() => t.close());

const suzhou = {
  code: 'SZ-DC', nameZh: '苏州配送中心', nameEn: 'Suzhou DC', addressLine: '工业园区星湖街 1 号', city: '苏州', province: '江苏', gln: '6901234000016',
  zones: [
    { code: 'AMB', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' },
    { code: 'COLD', nameZh: '冷库', zoneType: 'cold_chain', storageCondition: '2-8C' },
    { code: 'QC', nameZh: '待验区', zoneType: 'quarantine', storageCondition: 'ambient' },
  ],
  bins: [
    { code: 'A-02', zoneCode: 'AMB', pickSequence: 20 },
    { code: 'A-01', zoneCode: 'AMB', pickSequence: 10 },
    { code: 'C-01', zoneCode: 'COLD', pickSequence: 5 },
  ],
};
const history = async (entity: string, id: string) => (await admin.get(`/api/v1/audit?entity=${entity}&id=${id}`)).body.items as Array<{ action: string; changes: Record<string, unknown> }>;

describe('warehouses', () => {
  let wh: { id: string; version: number; zones: Array<{ id: string; code: string }>; bins: Array<{ id: string; code: string }> };

  it('creates a warehouse with zones and bins and shows them, bins in pick-path order', async () => {
    const res = await admin.post('/api/v1/warehouses', suzhou);
    expect(res.status).toBe(201);
    wh = res.body;
    expect(res.body).toMatchObject({ code: 'SZ-DC', country: 'CN', gln: '6901234000016', active: true, version: 1, source: 'api', createdBy: admin.username });
    expect(res.body.zones.map((z: { code: string; zoneType: string }) => [z.code, z.zoneType])).toEqual([['AMB', 'normal'], ['COLD', 'cold_chain'], ['QC', 'quarantine']]);
    expect(res.body.bins.map((b: { code: string; zoneCode: string }) => [b.code, b.zoneCode])).toEqual([['C-01', 'COLD'], ['A-01', 'AMB'], ['A-02', 'AMB']]);
    expect((await admin.get(`/api/v1/warehouses/${wh.id}`)).body).toEqual(res.body);
    expect(await history('warehouse', wh.id)).toEqual([expect.objectContaining({ action: 'created' })]);
  });

  it('lists, searches and pages warehouses', async () => {
    await admin.post('/api/v1/warehouses', { code: 'BJ-DC', nameZh: '北京仓', city: '北京' });
    await admin.post('/api/v1/warehouses', { code: 'GZ-DC', nameZh: '广州仓', nameEn: 'Guangzhou', city: '广州', active: false });
    const codes = async (q: string) => (await admin.get(`/api/v1/warehouses?${q}`)).body.items.map((w: { code: string }) => w.code);
    expect(await codes('')).toEqual(['BJ-DC', 'GZ-DC', 'SZ-DC']);
    expect(await codes('q=')).toEqual(['BJ-DC', 'GZ-DC', 'SZ-DC']);
    expect(await codes(`q=${encodeURIComponent('苏州')}`)).toEqual(['SZ-DC']);
    expect(await codes('q=guangzhou')).toEqual(['GZ-DC']);
    expect(await codes('active=false')).toEqual(['GZ-DC']);
    expect((await admin.get('/api/v1/warehouses?limit=1&offset=1')).body).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ code: 'GZ-DC' }] });
  });

  it('patches a warehouse: changed fields audited, null clears, stale version is a CONFLICT', async () => {
    const res = await admin.request('PATCH', `/api/v1/warehouses/${wh.id}`, { version: 1, nameEn: null, postcode: '215000' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nameEn: null, postcode: '215000', version: 2 });
    expect((await history('warehouse', wh.id)).at(-1)!.changes).toEqual({ nameEn: { old: 'Suzhou DC', new: null }, postcode: { old: null, new: '215000' } });
    const stale = await admin.request('PATCH', `/api/v1/warehouses/${wh.id}`, { version: 1, city: '昆山' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
  });

  it('adds, changes and deactivates zones', async () => {
    const zone = await admin.post(`/api/v1/warehouses/${wh.id}/zones`, { code: 'FRZ', nameZh: '冷冻库', zoneType: 'cold_chain', storageCondition: 'frozen' });
    expect(zone.status).toBe(201);
    expect(zone.body).toMatchObject({ warehouseId: wh.id, code: 'FRZ', storageCondition: 'frozen', active: true, version: 1 });
    const renamed = await admin.request('PATCH', `/api/v1/warehouses/${wh.id}/zones/${zone.body.id}`, { version: 1, nameEn: 'Freezer' });
    expect(renamed.body).toMatchObject({ nameEn: 'Freezer', version: 2 });
    const off = await admin.post(`/api/v1/warehouses/${wh.id}/zones/${zone.body.id}/deactivate`, { reason: 'defrost' });
    expect(off.body).toMatchObject({ active: false, version: 3 });
    expect((await history('warehouse_zone', zone.body.id)).map((a) => a.action)).toEqual(['created', 'updated', 'deactivated']);
    const inactiveZoneBin = await admin.post(`/api/v1/warehouses/${wh.id}/bins`, { code: 'F-01', zoneCode: 'FRZ' });
    expect(inactiveZoneBin.status).toBe(409);
    expect(inactiveZoneBin.body.error).toMatchObject({ code: 'INVALID_STATE', field: 'zoneCode' });
  });

  it('adds, moves, re-sequences, lists and deactivates bins', async () => {
    const bin = await admin.post(`/api/v1/warehouses/${wh.id}/bins`, { code: 'Q-01', zoneCode: 'QC', pickSequence: 100 });
    expect(bin.status).toBe(201);
    expect(bin.body).toMatchObject({ code: 'Q-01', zoneCode: 'QC', pickSequence: 100, active: true });
    const moved = await admin.request('PATCH', `/api/v1/warehouses/${wh.id}/bins/${bin.body.id}`, { version: 1, zoneCode: 'AMB', pickSequence: 15 });
    expect(moved.body).toMatchObject({ zoneCode: 'AMB', pickSequence: 15, version: 2 });
    expect((await history('warehouse_bin', bin.body.id)).at(-1)!.changes).toMatchObject({ pickSequence: { old: 100, new: 15 }, zoneId: {} });
    const list = await admin.get(`/api/v1/warehouses/${wh.id}/bins?zoneCode=AMB&limit=2`);
    expect(list.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(list.body.items.map((b: { code: string }) => b.code)).toEqual(['A-01', 'Q-01']);
    const off = await admin.post(`/api/v1/warehouses/${wh.id}/bins/${bin.body.id}/deactivate`, {});
    expect(off.body).toMatchObject({ active: false, version: 3 });
    expect((await admin.get(`/api/v1/warehouses/${wh.id}/bins?active=false`)).body.items.map((b: { code: string }) => b.code)).toEqual(['Q-01']);
  });

  it('deactivates a warehouse', async () => {
    const current = (await admin.get(`/api/v1/warehouses/${wh.id}`)).body;
    const res = await admin.post(`/api/v1/warehouses/${wh.id}/deactivate`, { version: current.version, reason: 'moved to Kunshan' });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    const events = await t.db.query<{ topic: string }>(`SELECT topic FROM outbox_events WHERE entity_id = $1 ORDER BY id`, [wh.id]);
    expect(events.rows.map((e) => e.topic)).toEqual(['warehouse.created', 'warehouse.updated', 'warehouse.deactivated']);
  });
});

describe('warehouse permissions', () => {
  it('lets a warehouse user read warehouses but not create or change them', async () => {
    const user = await t.userClient('warehouse');
    expect((await user.get('/api/v1/warehouses')).status).toBe(200);
    const res = await user.post('/api/v1/warehouses', { code: 'X', nameZh: 'X' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'warehouses.write' } });
    const { body: w } = await admin.post('/api/v1/warehouses', { code: 'PERM', nameZh: '权限仓', zones: [{ code: 'A', nameZh: 'A', zoneType: 'normal', storageCondition: 'ambient' }] });
    expect((await user.request('PATCH', `/api/v1/warehouses/${w.id}`, { version: 1, city: 'x' })).status).toBe(403);
    expect((await user.post(`/api/v1/warehouses/${w.id}/zones`, { code: 'B', nameZh: 'B', zoneType: 'returns', storageCondition: 'ambient' })).status).toBe(403);
    expect((await user.post(`/api/v1/warehouses/${w.id}/bins`, { code: 'A-1', zoneCode: 'A' })).status).toBe(403);
  });

  it('keeps warehouses from roles without warehouses.read, and from anyone not signed in', async () => {
    const sales = await t.userClient('sales');
    expect((await sales.get('/api/v1/warehouses')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/warehouses')).status).toBe(401);
  });
});
