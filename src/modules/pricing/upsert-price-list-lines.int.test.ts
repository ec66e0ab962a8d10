import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import type { Sql } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { PriceListImportRow } from './import-row-schema.ts';
import { seedDevice } from './pricing-records.fixture.ts';
import { upsertPriceListLines } from './upsert-price-list-lines.ts';

let db: TestDatabase;
const actor = systemActor('importer');
const provenance = { source: 'import', sourceRef: 'prices.xlsx' };
const header = { priceListName: '2026 标准价', currency: 'CNY', validFrom: '2026-01-01', validTo: '2026-12-31' };

/** Runs one batch the way the importer does: inside its unit of work, which audits the run itself. */
async function importBatch(rows: PriceListImportRow[], counter?: { n: number }) {
  return writeTx(db, { actor }, async (w) => {
    const counted: Work = counter ? { ...w, tx: countingTx(w.tx, counter) } : w;
    const result = await upsertPriceListLines(counted, rows, provenance);
    w.audit({ entityType: 'import_run', entityId: 'test', action: 'ran' });
    return result;
  });
}

const countingTx = (tx: Sql, counter: { n: number }): Sql => ({
  query: (text, params) => {
    counter.n++;
    return tx.query(text, params);
  },
  exec: (script) => tx.exec(script),
});

async function linesOf(code: string) {
  const { rows } = await db.query<{ device: string; unit: number; floor: number | null; breaks: Record<string, number> | null; source: string; source_ref: string | null; created_by: string }>(
    `SELECT d.code AS device, l.unit_price_minor AS unit, l.floor_minor AS floor, l.source, l.source_ref, l.created_by,
            (SELECT json_object_agg(b.min_quantity, b.unit_price_minor) FROM price_list_breaks b WHERE b.line_id = l.id) AS breaks
       FROM price_list_lines l JOIN price_lists pl ON pl.id = l.price_list_id JOIN devices d ON d.id = l.device_id
      WHERE pl.code = $1 ORDER BY d.code`,
    [code],
  );
  return rows;
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (let i = 0; i < 60; i++) await seedDevice(db, `DEV-${String(i).padStart(3, '0')}`);
});
afterAll(() => db.close());

describe('upsertPriceListLines', () => {
  it('given a new list code with header columns, when imported, then the list, lines and breaks exist with provenance', async () => {
    const result = await importBatch([
      { priceListCode: 'STD-2026', deviceCode: 'DEV-000', unitPriceMinor: 10_000, floorMinor: 8_000, ...header },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-000', minQuantity: 100, unitPriceMinor: 9_000 },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-001', unitPriceMinor: 500 },
    ]);
    expect(result).toEqual({ priceListsCreated: ['STD-2026'], linesCreated: 2, linesUpdated: 0, breaksSet: 1, unchanged: 0, errors: [] });
    const list = await db.query('SELECT name, currency, valid_from, valid_to, channel, source, source_ref, created_by FROM price_lists WHERE code = $1', ['STD-2026']);
    expect(list.rows[0]).toEqual({ name: '2026 标准价', currency: 'CNY', valid_from: '2026-01-01', valid_to: '2026-12-31', channel: null, source: 'import', source_ref: 'prices.xlsx', created_by: 'importer' });
    expect(await linesOf('STD-2026')).toEqual([
      { device: 'DEV-000', unit: 10_000, floor: 8_000, breaks: { 100: 9_000 }, source: 'import', source_ref: 'prices.xlsx', created_by: 'importer' },
      { device: 'DEV-001', unit: 500, floor: null, breaks: null, source: 'import', source_ref: 'prices.xlsx', created_by: 'importer' },
    ]);
  });

  it('given the same rows again, when imported, then nothing changes and no line is audited', async () => {
    const before = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'price_list_line'");
    const result = await importBatch([
      { priceListCode: 'STD-2026', deviceCode: 'DEV-000', unitPriceMinor: 10_000, floorMinor: 8_000 },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-000', minQuantity: 100, unitPriceMinor: 9_000 },
    ]);
    expect(result).toMatchObject({ linesCreated: 0, linesUpdated: 0, breaksSet: 0, unchanged: 2, errors: [] });
    const after = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'price_list_line'");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('given a changed price and a new break, when imported, then only those change and the audit names only them', async () => {
    const result = await importBatch([
      { priceListCode: 'STD-2026', deviceCode: 'DEV-000', unitPriceMinor: 10_500 },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-000', minQuantity: 500, unitPriceMinor: 8_000 },
    ]);
    expect(result).toMatchObject({ linesCreated: 0, linesUpdated: 1, breaksSet: 1, unchanged: 0 });
    expect((await linesOf('STD-2026'))[0]).toMatchObject({ unit: 10_500, floor: 8_000, breaks: { 100: 9_000, 500: 8_000 } });
    const audit = await db.query<{ changes: Record<string, unknown>; reason: string }>(
      "SELECT changes, reason FROM audit_log WHERE entity_type = 'price_list_line' AND action = 'updated' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]).toEqual({
      changes: { unitPriceMinor: { old: 10_000, new: 10_500 }, 'breaks.500': { new: 8_000 } },
      reason: 'import (import prices.xlsx)',
    });
  });

  it('given a row with an explicit empty floor, when imported, then the floor is cleared; a row without it keeps it', async () => {
    await importBatch([{ priceListCode: 'STD-2026', deviceCode: 'DEV-001', unitPriceMinor: 500, floorMinor: 450 }]);
    await importBatch([{ priceListCode: 'STD-2026', deviceCode: 'DEV-001', unitPriceMinor: 510 }]);
    expect((await linesOf('STD-2026'))[1]).toMatchObject({ unit: 510, floor: 450 });
    await importBatch([{ priceListCode: 'STD-2026', deviceCode: 'DEV-001', unitPriceMinor: 510, floorMinor: null }]);
    expect((await linesOf('STD-2026'))[1]).toMatchObject({ unit: 510, floor: null });
  });

  it('given header columns for an existing list, when imported, then the header is left as it is', async () => {
    await importBatch([{ priceListCode: 'STD-2026', deviceCode: 'DEV-002', unitPriceMinor: 700, priceListName: 'renamed', currency: 'USD', validFrom: '2027-01-01' }]);
    const list = await db.query('SELECT name, currency, valid_from FROM price_lists WHERE code = $1', ['STD-2026']);
    expect(list.rows[0]).toEqual({ name: '2026 标准价', currency: 'CNY', valid_from: '2026-01-01' });
  });

  it('given bad rows among good ones, when imported, then each bad row is reported with its field and the good ones are written', async () => {
    const result = await importBatch([
      { priceListCode: 'STD-2026', deviceCode: 'NO-SUCH-DEVICE', unitPriceMinor: 1 },
      { priceListCode: 'NEW-LIST', deviceCode: 'DEV-003', unitPriceMinor: 1, priceListName: 'x', validFrom: '2026-01-01' },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-004', minQuantity: 10, unitPriceMinor: 1 },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-005', unitPriceMinor: 300 },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-005', unitPriceMinor: 301 },
      { priceListCode: 'STD-2026', deviceCode: 'DEV-006', minQuantity: 5, unitPriceMinor: 1, floorMinor: 1 },
      { priceListCode: 'OTHER', deviceCode: 'DEV-007', unitPriceMinor: 1, ...header, validTo: '2025-12-31' },
    ]);
    expect(result.errors.map((e) => [e.index, e.field, e.code])).toEqual([
      [0, 'deviceCode', 'NOT_FOUND'],
      [1, 'currency', 'VALIDATION_FAILED'],
      [2, 'minQuantity', 'VALIDATION_FAILED'],
      [4, 'minQuantity', 'DUPLICATE'],
      [5, 'floorMinor', 'VALIDATION_FAILED'],
      [6, 'validTo', 'VALIDATION_FAILED'],
    ]);
    expect(result).toMatchObject({ priceListsCreated: [], linesCreated: 1 });
    expect((await linesOf('STD-2026')).find((l) => l.device === 'DEV-005')).toMatchObject({ unit: 300 });
    expect((await db.query('SELECT 1 FROM price_lists WHERE code = ANY($1)', [['NEW-LIST', 'OTHER']])).rows).toHaveLength(0);
  });

  it('given 500 rows over 50 devices and 2 lists, when imported, then a handful of statements do it', async () => {
    const rows: PriceListImportRow[] = [];
    for (const list of ['BULK-A', 'BULK-B']) {
      for (let d = 10; d < 60; d++) {
        const deviceCode = `DEV-${String(d).padStart(3, '0')}`;
        rows.push({ priceListCode: list, deviceCode, unitPriceMinor: 1_000 + d, ...header });
        for (const q of [10, 20, 50, 100]) rows.push({ priceListCode: list, deviceCode, minQuantity: q, unitPriceMinor: 1_000 - q });
      }
    }
    const counter = { n: 0 };
    const result = await importBatch(rows, counter);
    expect(result).toMatchObject({ priceListsCreated: ['BULK-A', 'BULK-B'], linesCreated: 100, breaksSet: 400, errors: [] });
    expect(counter.n).toBeLessThanOrEqual(7);
    const stored = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM price_list_breaks b JOIN price_list_lines l ON l.id = b.line_id JOIN price_lists pl ON pl.id = l.price_list_id WHERE pl.code LIKE 'BULK-%'",
    );
    expect(stored.rows[0]!.n).toBe(400);
  });
});
