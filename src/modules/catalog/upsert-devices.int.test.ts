import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { DeviceInput } from './device-schemas.ts';
import { gtinFor, sampleDevice } from './devices.fixture.ts';
import { upsertDevice, upsertDevices } from './upsert-devices.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const actor = systemActor('import-test');
const provenance = { source: 'import', sourceRef: 'job-1' };

/** Runs a batch as the importer would: one transaction with its own audit entry, counting statements. */
async function importBatch(rows: DeviceInput[]) {
  let statements = 0;
  const result = await writeTx(db, { actor }, async (w) => {
    const counted: Sql = { query: (text, params) => (statements++, w.tx.query(text, params)), exec: (s) => w.tx.exec(s) };
    w.audit({ entityType: 'import', entityId: 'job-1', action: 'batch' });
    return upsertDevices({ ...w, tx: counted }, rows, provenance);
  });
  return { ...result, statements };
}

async function rejected(rows: DeviceInput[]): Promise<DomainError> {
  const e = await importBatch(rows).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('upsertDevices', () => {
  it('creates a batch of 2,000 devices with packaging in as many statements as a batch of 3', async () => {
    const small = await importBatch(range(1, 3).map((n) => sampleDevice(n)));
    const big = await importBatch(range(100, 2000).map((n) => sampleDevice(n)));
    expect(small).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(big).toMatchObject({ created: 2000, updated: 0, unchanged: 0 });
    expect(big.statements).toBe(small.statements);
    expect(await count(`SELECT count(*)::int AS n FROM devices WHERE source = 'import' AND source_ref = 'job-1' AND created_by = 'import-test'`)).toBe(2003);
    expect(await count('SELECT count(*)::int AS n FROM device_packaging')).toBe(3 * 2003);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'device' AND action = 'created'`)).toBe(2003);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'device.created'`)).toBe(2003);
  });

  it('leaves rows that change nothing unwritten: no version bump, audit record or event', async () => {
    const again = await importBatch(range(1, 3).map((n) => sampleDevice(n)));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count(`SELECT count(*)::int AS n FROM devices WHERE code = ANY($1) AND version = 1`, [['DEV-000001', 'DEV-000002', 'DEV-000003']])).toBe(3);
    expect(await count(`SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'device.updated'`)).toBe(0);
  });

  it('updates changed rows, audits only the changed fields and keeps the fields a row leaves out', async () => {
    const { nameEn: _left, ...withoutNameEn } = sampleDevice(1, { leadTimeDays: 30 });
    const repackaged = sampleDevice(2, { packaging: [{ level: 'each', gtin: gtinFor(2, 0), quantity: 1 }, { level: 'box', gtin: gtinFor(2, 1), quantity: 20 }] });
    const result = await importBatch([withoutNameEn, repackaged, sampleDevice(3), sampleDevice(5000)]);
    expect(result).toMatchObject({ created: 1, updated: 2, unchanged: 1 });
    const one = (await db.query<{ name_en: string; lead_time_days: number; version: number }>(`SELECT name_en, lead_time_days, version FROM devices WHERE code = 'DEV-000001'`)).rows[0];
    expect(one).toEqual({ name_en: 'Infusion set 1', lead_time_days: 30, version: 2 });
    const audits = await db.query<{ changes: Record<string, unknown> }>(
      `SELECT a.changes FROM audit_log a JOIN devices d ON d.id::text = a.entity_id WHERE d.code = $1 AND a.action = 'updated'`,
      ['DEV-000001'],
    );
    expect(audits.rows.map((r) => r.changes)).toEqual([{ leadTimeDays: { old: 14, new: 30 } }]);
    const levels = await db.query<{ level: string; quantity: number }>(
      `SELECT p.level, p.quantity FROM device_packaging p JOIN devices d ON d.id = p.device_id WHERE d.code = 'DEV-000002' ORDER BY p.quantity`,
    );
    expect(levels.rows).toEqual([{ level: 'each', quantity: 1 }, { level: 'box', quantity: 20 }]);
  });

  it('fails the whole batch on a bad row, naming the row, and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM devices');
    const e = await rejected([sampleDevice(6000), sampleDevice(6001, { deviceClass: 'III', registrationNumber: undefined })]);
    expect(e).toMatchObject({ code: 'REGISTRATION_MISSING', field: 'registrationNumber', details: { row: 1 } });
    expect(await count('SELECT count(*)::int AS n FROM devices')).toBe(before);
  });

  it('refuses a code twice in one batch', async () => {
    expect(await rejected([sampleDevice(6100), sampleDevice(6100)])).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code', details: { row: 1 } });
  });

  it('refuses a GTIN of a device outside the batch, or one given to two rows', async () => {
    const stolen = sampleDevice(6200, { packaging: [{ level: 'each', gtin: gtinFor(3, 0), quantity: 1 }] });
    expect(await rejected([stolen])).toMatchObject({ code: 'GTIN_TAKEN', field: 'packaging.0.gtin', details: { row: 0 } });
    const twice = [sampleDevice(6300, { packaging: [{ level: 'each', gtin: gtinFor(6300), quantity: 1 }] }), sampleDevice(6301, { packaging: [{ level: 'each', gtin: gtinFor(6300), quantity: 1 }] })];
    expect(await rejected(twice)).toMatchObject({ code: 'GTIN_TAKEN', details: { row: 1 } });
  });

  it('moves a GTIN between devices when the batch takes it from one and gives it to the other', async () => {
    const result = await importBatch([
      sampleDevice(100, { packaging: [{ level: 'each', gtin: gtinFor(100, 0), quantity: 1 }] }),
      sampleDevice(7000, { packaging: [{ level: 'box', gtin: gtinFor(100, 1), quantity: 10 }] }),
    ]);
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const owner = await db.query<{ code: string }>('SELECT d.code FROM device_packaging p JOIN devices d ON d.id = p.device_id WHERE p.gtin = $1', [gtinFor(100, 1)]);
    expect(owner.rows).toEqual([{ code: 'DEV-007000' }]);
  });

  it('gives levels their HIBCC UDI-DI, refuses one taken or given twice, and moves one the batch gives up', async () => {
    const each = (n: number, hibcc?: string) => ({ level: 'each' as const, gtin: gtinFor(n, 0), quantity: 1, ...(hibcc ? { hibcc } : {}) });
    expect(await importBatch([sampleDevice(9000, { packaging: [each(9000, 'H900DEV0')] })])).toMatchObject({ created: 1 });
    expect(await importBatch([sampleDevice(9000, { packaging: [each(9000, 'H900DEV0')] })])).toMatchObject({ unchanged: 1 });
    expect(await rejected([sampleDevice(9001, { packaging: [each(9001, 'H900DEV0')] })]))
      .toMatchObject({ code: 'DUPLICATE', field: 'packaging.0.hibcc', details: { row: 0, deviceCode: 'DEV-009000' } });
    expect(await rejected([sampleDevice(9001, { packaging: [each(9001, 'H901DEV0')] }), sampleDevice(9002, { packaging: [each(9002, 'H901DEV0')] })]))
      .toMatchObject({ code: 'DUPLICATE', field: 'packaging.0.hibcc', details: { row: 1 } });
    expect(await rejected([sampleDevice(9001, { packaging: [each(9001, 'H901DEV9')] })])).toMatchObject({ code: 'VALIDATION_FAILED', field: 'packaging.0.hibcc' });

    const moved = await importBatch([sampleDevice(9000, { packaging: [each(9000)] }), sampleDevice(9001, { packaging: [each(9001, 'H900DEV0')] })]);
    expect(moved).toMatchObject({ created: 1, updated: 1 });
    const owner = await db.query<{ code: string; gtin: string }>('SELECT d.code, p.gtin FROM device_packaging p JOIN devices d ON d.id = p.device_id WHERE p.hibcc = $1', ['H900DEV0']);
    expect(owner.rows).toEqual([{ code: 'DEV-009001', gtin: gtinFor(9001, 0) }]);
  });

  it('upserts a single device in its own transaction, and an unchanged one without writing', async () => {
    expect(await upsertDevice(db, actor, sampleDevice(8000), null, provenance)).toMatchObject({ code: 'DEV-008000', outcome: 'created' });
    expect(await upsertDevice(db, actor, sampleDevice(8000), null, provenance)).toMatchObject({ outcome: 'unchanged' });
    expect(await upsertDevice(db, actor, sampleDevice(8000, { nameZh: '改名' }), null, provenance)).toMatchObject({ outcome: 'updated' });
  });
});
