import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../platform/crypto/field-crypto.ts';
import { isValidGtin } from '../modules/udi/check-digit.ts';
import { hasDemoData, seedDemo, type DemoCounts } from './seed-demo.ts';

let db: TestDatabase;
let first: DemoCounts;
let second: DemoCounts;
const crypto = createFieldCrypto(parseKeyring(generateKeyLine('seed1')));

const rows = async <T>(sql: string) => (await db.query<T>(sql)).rows;
const count = async (sql: string) => (await rows<{ n: number }>(sql))[0]!.n;
const TABLES = ['devices', 'device_packaging', 'parties', 'licences', 'warehouses', 'warehouse_zones', 'warehouse_bins', 'price_lists', 'price_list_lines', 'contracts', 'users'];
const tableCounts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(`SELECT count(*)::int AS n FROM ${t}`)])));

beforeAll(async () => {
  db = await createTestDatabase();
  expect(await hasDemoData(db)).toBe(false);
  first = await seedDemo({ db, crypto });
});
afterAll(() => db.close());

describe('lotline seed --demo', () => {
  it('writes the demo data set and reports what it wrote', () => {
    expect(first).toEqual({ devices: 39, parties: 13, licences: 15, warehouses: 2, zones: 15, bins: 52, priceLists: 2, contracts: 2, users: 9 });
  });

  it('given a second run, then it adds nothing and hasDemoData says so', async () => {
    const before = await tableCounts();
    second = await seedDemo({ db, crypto });
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(await tableCounts()).toEqual(before);
    expect(await hasDemoData(db)).toBe(true);
  });

  it('marks every master record as demo data', async () => {
    for (const table of ['devices', 'parties', 'licences', 'warehouses', 'warehouse_zones', 'warehouse_bins', 'price_lists', 'price_list_lines', 'contracts']) {
      expect(await rows(`SELECT DISTINCT source FROM ${table}`), table).toEqual([{ source: 'demo' }]);
    }
  });

  it('has devices of every class, cold-chain reagents, and valid GTINs under the demo prefix for each, box and case', async () => {
    expect(await rows(`SELECT device_class, count(*)::int AS n FROM devices GROUP BY 1 ORDER BY 1`)).toEqual([
      { device_class: 'I', n: 7 }, { device_class: 'II', n: 15 }, { device_class: 'III', n: 17 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM devices WHERE cold_chain`)).toBe(6);
    const gtins = await rows<{ gtin: string; level: string }>('SELECT gtin, level FROM device_packaging');
    expect(gtins.every((g) => isValidGtin(g.gtin) && g.gtin.slice(1, 8) === '6901234')).toBe(true);
    expect(new Set(gtins.map((g) => g.level))).toEqual(new Set(['each', 'box', 'case']));
  });

  it('has registrations expiring within 30 and 90 days and one expired', async () => {
    const within = (from: number, to: number) =>
      count(`SELECT count(*)::int AS n FROM devices WHERE registration_expires_on >= current_date + ${from} AND registration_expires_on < current_date + ${to}`);
    expect(await within(0, 31)).toBe(2);
    expect(await within(31, 91)).toBe(4);
    expect(await rows(`SELECT code FROM devices WHERE registration_expires_on < current_date`)).toEqual([{ code: 'LL-KNEE-F4' }]);
    expect(await count(`SELECT count(*)::int AS n FROM devices WHERE registration_kind = 'filing' AND registration_number LIKE '%械备%'`)).toBe(7);
  });

  it('has customers with lapsed and narrow licences, and a carrier with cold-chain and normal services', async () => {
    expect(await rows(`SELECT p.code FROM licences l JOIN parties p ON p.id = l.party_id WHERE l.valid_to < current_date ORDER BY 1`))
      .toEqual([{ code: 'D-JS-KN' }, { code: 'H-CD-HX' }]);
    expect(await rows(`SELECT l.licence_type FROM licences l JOIN parties p ON p.id = l.party_id WHERE p.code = 'D-ZJ-HX'`)).toEqual([{ licence_type: 'class2_filing' }]);
    expect(await rows(`SELECT s.cold_chain_capable, count(*)::int AS n FROM carrier_services s GROUP BY 1 ORDER BY 1`))
      .toEqual([{ cold_chain_capable: false, n: 2 }, { cold_chain_capable: true, n: 1 }]);
    expect(await rows(`SELECT kind, count(*)::int AS n FROM parties GROUP BY 1 ORDER BY 1`))
      .toEqual([{ kind: 'carrier', n: 1 }, { kind: 'customer', n: 9 }, { kind: 'supplier', n: 3 }]);
  });

  it('has two warehouses with normal, cold-chain, quarantine, returns and rejected zones, each with bins', async () => {
    const zones = await rows<{ code: string; types: string[]; empty: number }>(
      `SELECT w.code, array_agg(DISTINCT z.zone_type ORDER BY z.zone_type) AS types,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM warehouse_bins b WHERE b.zone_id = z.id))::int AS empty
         FROM warehouses w JOIN warehouse_zones z ON z.warehouse_id = w.id GROUP BY w.code ORDER BY w.code`);
    expect(zones).toEqual([
      { code: 'WH-GZ', types: ['cold_chain', 'normal', 'quarantine', 'rejected', 'returns'], empty: 0 },
      { code: 'WH-SH', types: ['cold_chain', 'normal', 'quarantine', 'rejected', 'returns'], empty: 0 },
    ]);
  });

  it('has a price list with quantity breaks and floors, and a contract with a discount', async () => {
    expect(await count(`SELECT count(*)::int AS n FROM price_list_breaks`)).toBe(7);
    expect(await count(`SELECT count(*)::int AS n FROM price_list_lines WHERE floor_minor IS NOT NULL`)).toBe(6);
    expect(await rows(`SELECT contract_no, discount_bp FROM contracts ORDER BY 1`)).toEqual([
      { contract_no: 'HT-2026-KM-002', discount_bp: 850 }, { contract_no: 'HT-2026-XH-001', discount_bp: null },
    ]);
  });
});
