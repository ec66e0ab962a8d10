import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { upsertWarehouses } from './upsert-warehouses.ts';
import type { WarehouseInput } from './warehouse-schemas.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const actor = systemActor('import-test');

const warehouse = (n: number, overrides: Partial<WarehouseInput> = {}): WarehouseInput => ({
  code: `WH-${n}`,
  nameZh: `仓库 ${n}`,
  city: '苏州',
  zones: [
    { code: 'A', nameZh: '常温区', zoneType: 'normal', storageCondition: 'ambient' },
    { code: 'C', nameZh: '冷库', zoneType: 'cold_chain', storageCondition: '2-8C' },
    { code: 'Q', nameZh: '待验区', zoneType: 'quarantine', storageCondition: 'ambient' },
  ],
  bins: Array.from({ length: 50 }, (_, i) => ({ code: `A-${String(i).padStart(3, '0')}`, zoneCode: i < 40 ? 'A' : 'C', pickSequence: i * 10 })),
  ...overrides,
});

async function run(rows: WarehouseInput[]) {
  return writeTx(db, { actor }, async (w) => {
    w.audit({ entityType: 'import', entityId: 'job-w', action: 'batch' });
    return upsertWarehouses(w, rows, { source: 'import', sourceRef: 'job-w' });
  });
}
const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;

describe('upsertWarehouses', () => {
  it('creates warehouses with their zones and bins', async () => {
    const result = await run([warehouse(1), warehouse(2, { gln: '6901234000016' })]);
    expect(result.map((r) => r.outcome)).toEqual(['created', 'created']);
    expect(await count(`SELECT count(*)::int AS n FROM warehouse_zones WHERE source = 'import'`)).toBe(6);
    expect(await count(`SELECT count(*)::int AS n FROM warehouse_bins WHERE created_by = 'import-test'`)).toBe(100);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'warehouse_bin' AND action = 'created'`)).toBe(100);
  });

  it('changes nothing when the same rows come again', async () => {
    expect((await run([warehouse(1), warehouse(2, { gln: '6901234000016' })])).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'updated'`)).toBe(0);
  });

  it('updates what changed: a moved bin, a renamed zone, a new bin; keeps what the row leaves out', async () => {
    const input = warehouse(1, { city: undefined });
    input.zones![0] = { ...input.zones![0]!, nameZh: '常温一区' };
    input.bins = [{ code: 'A-000', zoneCode: 'Q' }, { code: 'NEW-1', zoneCode: 'A', pickSequence: 5 }];
    expect((await run([input])).map((r) => r.outcome)).toEqual(['updated']);
    const bins = await db.query<{ code: string; zone: string; pick_sequence: number }>(
      `SELECT b.code, z.code AS zone, b.pick_sequence FROM warehouse_bins b JOIN warehouse_zones z ON z.id = b.zone_id
        JOIN warehouses w ON w.id = b.warehouse_id WHERE w.code = 'WH-1' AND b.code IN ('A-000', 'NEW-1', 'A-001') ORDER BY b.code`,
    );
    expect(bins.rows).toEqual([
      { code: 'A-000', zone: 'Q', pick_sequence: 0 },
      { code: 'A-001', zone: 'A', pick_sequence: 10 },
      { code: 'NEW-1', zone: 'A', pick_sequence: 5 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM warehouses WHERE code = 'WH-1' AND city = '苏州' AND version = 1`)).toBe(1);
    const audits = await db.query<{ entity_type: string; changes: Record<string, unknown> }>(`SELECT entity_type, changes FROM audit_log WHERE action = 'updated' ORDER BY seq`);
    expect(audits.rows.map((a) => [a.entity_type, Object.keys(a.changes)])).toEqual([['warehouse_zone', ['nameZh']], ['warehouse_bin', ['zoneId']]]);
  });

  it('refuses a bin in a zone the warehouse does not have, naming the row and field', async () => {
    const e = await run([warehouse(3), warehouse(4, { bins: [{ code: 'X', zoneCode: 'NOPE' }] })]).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ code: 'VALIDATION_FAILED', field: 'bins.0.zoneCode', details: { row: 1 } });
    expect(await count(`SELECT count(*)::int AS n FROM warehouses WHERE code = 'WH-3'`)).toBe(0);
  });

  it('refuses a zone whose type and condition disagree, and a GLN of another warehouse', async () => {
    const badZone = warehouse(5, { zones: [{ code: 'C', nameZh: '冷库', zoneType: 'cold_chain', storageCondition: 'ambient' }], bins: [] });
    expect(await run([badZone]).catch((e: unknown) => e)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'zones.0.storageCondition', details: { row: 0 } });
    expect(await run([warehouse(6, { gln: '6901234000016' })]).catch((e: unknown) => e)).toMatchObject({ code: 'DUPLICATE', field: 'gln', details: { row: 0 } });
    expect(await run([warehouse(7, { gln: '6901234000023' }), warehouse(8, { gln: '6901234000023' })]).catch((e: unknown) => e)).toMatchObject({ code: 'DUPLICATE', details: { row: 1 } });
  });

  it('refuses an active bin in a deactivated zone', async () => {
    const input = warehouse(9, { zones: [{ code: 'A', nameZh: '旧区', zoneType: 'normal', storageCondition: 'ambient', active: false }], bins: [{ code: 'A-1', zoneCode: 'A' }] });
    expect(await run([input]).catch((e: unknown) => e)).toMatchObject({ code: 'INVALID_STATE', field: 'bins.0.zoneCode' });
  });
});
