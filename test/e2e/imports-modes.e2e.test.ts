import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { csv, DEVICE_HEADING, deviceRow, upload } from '../fixtures/imports/upload.ts';

let t: TestApp;
let admin: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const devices = (prefix: string) => count(`SELECT count(*)::int AS n FROM devices WHERE code LIKE $1`, [`${prefix}%`]);
const file = (prefix: string, n: number, bad: number[] = []) =>
  csv([DEVICE_HEADING, ...Array.from({ length: n }, (_, i) => deviceRow(`${prefix}${String(i + 1).padStart(4, '0')}`, bad.includes(i) ? { deviceClass: 'IV' } : {}))]);

describe('all-or-nothing (the default)', () => {
  it('given one bad row of five, then 422 IMPORT_FAILED, nothing is written and the failed batch keeps the report', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices?fileName=five.csv', file('AON-', 5, [3]));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_FAILED', details: { errorCount: 1 } });
    expect(await devices('AON-')).toBe(0);
    const batch = await admin.get(`/api/v1/imports/${res.body.error.details.batchId}`);
    expect(batch.body).toMatchObject({
      kind: 'devices', fileName: 'five.csv', mode: 'all-or-nothing', dryRun: false, status: 'failed',
      rowsTotal: 5, rowsImported: 0, rowsFailed: 1, created: 0, errorCount: 1, actorName: admin.username,
      errors: [{ row: 5, column: 'deviceClass', field: 'deviceClass', value: 'IV', code: 'VALIDATION_FAILED' }],
    });
    expect(batch.body.finishedAt).not.toBeNull();
  });

  it('given only valid rows, then 201 and every row lands as one batch with provenance import / batch id', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices', file('OK-', 4));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/imports/${res.body.batchId}`);
    expect(res.body).toMatchObject({ status: 'succeeded', rowsTotal: 4, rowsImported: 4, created: 4, updated: 0, errorCount: 0, fileName: 'upload.csv' });
    const { rows } = await t.db.query<{ source: string; source_ref: string; created_by: string }>(`SELECT source, source_ref, created_by FROM devices WHERE code LIKE 'OK-%'`);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => `${r.source}/${r.source_ref}/${r.created_by}`))).toEqual(new Set([`import/${res.body.batchId}/${admin.username}`]));
    // Every audit record the import left carries the batch id: four devices, and the batch's start and finish.
    const audits = await t.db.query<{ entity_type: string; action: string }>('SELECT entity_type, action FROM audit_log WHERE request_id = $1 ORDER BY seq', [res.body.batchId]);
    expect(audits.rows.filter((a) => a.entity_type === 'device').map((a) => a.action)).toEqual(['created', 'created', 'created', 'created']);
    expect(audits.rows.filter((a) => a.entity_type === 'import_batch').map((a) => a.action)).toEqual(['started', 'finished']);
  });
});

describe('valid-rows mode', () => {
  it('given two bad rows of six, then the four valid rows land and the batch says exactly that', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices?mode=valid-rows', file('VR-', 6, [1, 4]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'partial', mode: 'valid-rows', rowsTotal: 6, rowsImported: 4, rowsFailed: 2, created: 4, errorCount: 2 });
    expect(res.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 6]);
    expect(await devices('VR-')).toBe(4);
    expect(await count('SELECT rows_imported AS n FROM import_batches WHERE id = $1', [res.body.batchId])).toBe(4);
  });

  it('given a row the module refuses in the database (a GTIN another device holds), then only that row is skipped', async () => {
    const heading = [...DEVICE_HEADING, 'packaging.1.level', 'packaging.1.gtin', 'packaging.1.quantity'];
    await upload(t, admin, '/api/v1/imports/devices', csv([heading, deviceRow('GT-0001').concat('each', '06901234100013', '1')]));
    const res = await upload(t, admin, '/api/v1/imports/devices?mode=valid-rows', csv([heading,
      deviceRow('GT-0002').concat('each', '06901234100020', '1'),
      deviceRow('GT-0003').concat('each', '06901234100013', '1'),
      deviceRow('GT-0004').concat('each', '06901234100037', '1'),
    ]));
    expect(res.body).toMatchObject({ status: 'partial', rowsImported: 2, created: 2 });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'packaging.1.gtin', code: 'GTIN_TAKEN', message: expect.stringMatching(/GT-0001/) })]);
    expect(await devices('GT-')).toBe(3);
  });

  it('given only bad rows, then nothing lands and it is IMPORT_FAILED', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices?mode=valid-rows', file('NONE-', 2, [0, 1]));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_FAILED');
  });
});

describe('dry run', () => {
  it('given valid rows, then it counts what would be created and updated and writes nothing but its batch record', async () => {
    await upload(t, admin, '/api/v1/imports/devices', file('DRY-', 2));
    const seqBefore = await count('SELECT max(seq)::int AS n FROM audit_log');
    const changed = csv([DEVICE_HEADING, deviceRow('DRY-0001', { nameZh: '改名' }), deviceRow('DRY-0002'), deviceRow('DRY-0003')]);
    const res = await upload(t, admin, '/api/v1/imports/devices?dryRun=true', changed);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'dry_run', dryRun: true, rowsTotal: 3, rowsImported: 3, created: 1, updated: 1, unchanged: 1 });
    expect(await devices('DRY-')).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM devices WHERE code = 'DRY-0001' AND name_zh = '改名'`)).toBe(0);
    // Only the batch's own start and finish were audited (and the upload's sign-in).
    const audited = await t.db.query<{ entity_type: string }>(`SELECT entity_type FROM audit_log WHERE seq > $1 AND action <> 'login' ORDER BY seq`, [seqBefore]);
    expect(audited.rows.map((r) => r.entity_type)).toEqual(['import_batch', 'import_batch']);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1 AND entity_type <> 'import_batch'`, [res.body.batchId])).toBe(0);
  });

  it('given bad rows, then the report lists them and nothing is written', async () => {
    const res = await upload(t, admin, '/api/v1/imports/devices?dryRun=true&mode=valid-rows', file('DRYBAD-', 3, [2]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'dry_run', rowsImported: 2, rowsFailed: 1, created: 2 });
    expect(await devices('DRYBAD-')).toBe(0);
  });
});

describe('re-import', () => {
  it('given the same file twice, then the second updates nothing and duplicates nothing; a changed row is an update', async () => {
    const first = await upload(t, admin, '/api/v1/imports/devices', file('RE-', 3));
    expect(first.body).toMatchObject({ created: 3 });
    const again = await upload(t, admin, '/api/v1/imports/devices', file('RE-', 3));
    expect(again.body).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 3 });
    const changed = await upload(t, admin, '/api/v1/imports/devices', csv([DEVICE_HEADING, deviceRow('RE-0001'), deviceRow('RE-0002', { nameZh: '新名称' }), deviceRow('RE-0003')]));
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await devices('RE-')).toBe(3);
    const row = await t.db.query<{ version: number; source_ref: string; updated_by: string }>(`SELECT version, source_ref, updated_by FROM devices WHERE code = 'RE-0002'`);
    expect(row.rows[0]).toMatchObject({ version: 2, source_ref: first.body.batchId, updated_by: admin.username });
    const audit = await t.db.query<{ request_id: string; changes: Record<string, unknown> }>(
      `SELECT request_id, changes FROM audit_log WHERE entity_type = 'device' AND action = 'updated' AND entity_id = (SELECT id::text FROM devices WHERE code = 'RE-0002')`);
    expect(audit.rows).toEqual([{ request_id: changed.body.batchId, changes: { nameZh: { old: '一次性使用输液器 RE-0002', new: '新名称' } } }]);
  });
});

describe('the batch list', () => {
  it('lists batches newest first, filtered by kind and status', async () => {
    const all = await admin.get('/api/v1/imports?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(8);
    const starts = all.body.items.map((b: { startedAt: string }) => b.startedAt);
    expect([...starts].sort().reverse()).toEqual(starts);
    const failed = await admin.get('/api/v1/imports?kind=devices&status=failed');
    expect(failed.body.items.length).toBeGreaterThanOrEqual(2);
    expect(failed.body.items.every((b: { status: string }) => b.status === 'failed')).toBe(true);
    expect((await admin.get('/api/v1/imports/01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
