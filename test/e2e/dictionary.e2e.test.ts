import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { csv, DEVICE_HEADING, deviceRow, upload } from '../fixtures/imports/upload.ts';

let t: TestApp;
let admin: HttpClient;
let auditor: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  auditor = await t.userClient('auditor');
});
afterAll(() => t.close());

interface Field {
  entity: string;
  field: string;
  type: string;
  unit: string | null;
  rule: Record<string, unknown>;
  en: string | null;
  zh: string | null;
  channels: string[];
  inputs: Array<{ via: string; channels: string[]; required: boolean }>;
}

describe('GET /api/v1/dictionary', () => {
  let entities: Array<{ entity: string; fields: Field[] }>;
  const field = (entity: string, name: string) => entities.find((e) => e.entity === entity)!.fields.find((f) => f.field === name)!;

  beforeAll(async () => {
    const sales = await t.userClient('sales');
    const res = await sales.get('/api/v1/dictionary');
    expect(res.status).toBe(200);
    entities = res.body.entities;
  });

  it('covers every master-data entity', () => {
    expect(entities.map((e) => e.entity)).toEqual(expect.arrayContaining([
      'device', 'device_packaging', 'party', 'party_address', 'party_contact', 'carrier_service', 'licence', 'price_list', 'price_list_line',
      'contract', 'contract_price', 'warehouse', 'warehouse_zone', 'warehouse_bin',
    ]));
  });

  it('gives every field its meaning in English and Chinese', () => {
    const all = entities.flatMap((e) => e.fields);
    expect(all.length).toBeGreaterThan(100);
    const undocumented = all.filter((f) => !f.en?.trim() || !/[\u4e00-\u9fff]/.test(f.zh ?? '')).map((f) => `${f.entity}.${f.field}`);
    expect(undocumented).toEqual([]);
  });

  it('states type, unit and rule from the schema that validates the input', () => {
    expect(field('device', 'code')).toMatchObject({ type: 'string', unit: null, rule: { required: true, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$' }, zh: '产品编码/货号' });
    expect(field('device', 'deviceClass')).toMatchObject({ type: 'string', rule: { required: true, enum: ['I', 'II', 'III'] } });
    expect(field('device', 'shelfLifeDays')).toMatchObject({ type: 'integer', unit: 'day', rule: { required: false, minimum: 1, maximum: 36_500 } });
    expect(field('device', 'registrationExpiresOn')).toMatchObject({ type: 'date' });
    expect(field('licence', 'deviceClasses')).toMatchObject({ type: 'array of string', rule: { enum: ['I', 'II', 'III'], uniqueItems: true, maxItems: 3 } });
    expect(field('price_list_line', 'breaks[].minQuantity')).toMatchObject({ type: 'integer', rule: { minimum: 2 } });
  });

  it('names the channels that feed each field, import kinds included', () => {
    expect(field('device', 'nameZh').channels).toEqual(['api', 'console', 'import:devices', 'demo']);
    expect(field('device', 'nameZh').inputs.map((i) => i.via)).toContain('PATCH /api/v1/devices/:id');
    expect(field('device_packaging', 'gtin').channels).toEqual(expect.arrayContaining(['api', 'import:packaging', 'import:devices', 'demo']));
    expect(field('licence', 'partyCode').channels).toEqual(['import:licences']);
    expect(field('party_address', 'line1').channels).toEqual(expect.arrayContaining(['import:customers']));
    expect(field('warehouse_zone', 'zoneType').channels).toEqual(expect.arrayContaining(['import:warehouses', 'api']));
  });

  it('filters by entity, and needs a signed-in user', async () => {
    const res = await admin.get('/api/v1/dictionary?entity=warehouse_bin');
    expect(res.body.entities.map((e: { entity: string }) => e.entity)).toEqual(['warehouse_bin']);
    expect((await t.anonymous().get('/api/v1/dictionary')).status).toBe(401);
  });
});

describe('GET /api/v1/dictionary/lineage/:entity/:id', () => {
  it('traces a device imported and then edited through the API: the batch, the user, and where each field came from', async () => {
    const imported = await upload(t, admin, '/api/v1/imports/devices?fileName=catalogue-2026.csv', csv([DEVICE_HEADING, deviceRow('LIN-0001')]));
    const id = (await t.db.query<{ id: string }>(`SELECT id FROM devices WHERE code = 'LIN-0001'`)).rows[0]!.id;
    const editor = await t.userClient('admin');
    const patched = await editor.request('PATCH', `/api/v1/devices/${id}`, { version: 1, nameZh: '一次性使用输液器（改）' });
    expect(patched.status).toBe(200);

    const res = await auditor.get(`/api/v1/dictionary/lineage/device/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.provenance).toMatchObject({
      source: 'import', sourceRef: imported.body.batchId, createdBy: admin.username, updatedBy: editor.username,
      importBatch: { id: imported.body.batchId, kind: 'devices', fileName: 'catalogue-2026.csv', status: 'succeeded', actorName: admin.username },
    });
    expect(res.body.history.map((h: { action: string; source: string; actor: string }) => [h.action, h.source, h.actor])).toEqual([
      ['created', 'import:devices', admin.username],
      ['updated', 'api', editor.username],
    ]);
    const origin = (name: string) => res.body.fields.find((f: { field: string }) => f.field === name);
    expect(origin('nameZh')).toMatchObject({ value: '一次性使用输液器（改）', source: 'api', actor: editor.username, importBatchId: null });
    expect(origin('categoryCode')).toMatchObject({ value: '14-02-01', source: 'import:devices', importBatchId: imported.body.batchId });
  });

  it('traces child records to their parents (a licence of a party) and records written by the API alone', async () => {
    await upload(t, admin, '/api/v1/imports/customers', csv([['code', 'kind', 'customerType', 'nameZh'], ['LIN-H1', 'customer', 'hospital', '溯源医院']]));
    const lic = await upload(t, admin, '/api/v1/imports/licences', csv([['partyCode', 'licenceType', 'number', 'validFrom'], ['LIN-H1', 'hospital_practice', 'PDY-LIN-1', '2024-01-01']]));
    const licenceId = (await t.db.query<{ id: string }>(`SELECT id FROM licences WHERE number = 'PDY-LIN-1'`)).rows[0]!.id;
    const res = await auditor.get(`/api/v1/dictionary/lineage/licence/${licenceId}`);
    expect(res.status).toBe(200);
    expect(res.body.provenance).toMatchObject({ source: 'import', importBatch: { id: lic.body.batchId, kind: 'licences' } });

    const created = await admin.post('/api/v1/warehouses', { code: 'LIN-WH', nameZh: '溯源仓', zones: [{ code: 'A', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' }] });
    expect(created.status).toBe(201);
    const zone = await auditor.get(`/api/v1/dictionary/lineage/warehouse_zone/${created.body.zones[0].id}`);
    expect(zone.body).toMatchObject({ provenance: { source: 'api', importBatch: null }, history: [{ action: 'created', source: 'api', actor: admin.username }] });
  });

  it('needs audit.read; an unknown entity is 400 and an unknown record 404', async () => {
    const sales = await t.userClient('sales');
    expect((await sales.get('/api/v1/dictionary/lineage/device/01900000-0000-7000-8000-000000000000')).status).toBe(403);
    const entity = await auditor.get('/api/v1/dictionary/lineage/order/01900000-0000-7000-8000-000000000000');
    expect(entity.status).toBe(400);
    expect(entity.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'entity' });
    expect((await auditor.get('/api/v1/dictionary/lineage/device/01900000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await auditor.get('/api/v1/dictionary/lineage/licence/01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
