import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/types.ts';
import { createFieldCrypto, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { runCli } from '../helpers/run-cli.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an embedded data directory otherwise (opened here only while the CLI is not running).
// Each CLI run starts a process and opens the database: the tests get minutes, not seconds.
const SLOW = 180_000;
const keyLine = 'cli1:' + Buffer.alloc(32, 7).toString('base64');
let dataDir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let w: OrderWorld;
let hospitalCode: string;

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (pgDb) return fn(pgDb);
  const db = await openDatabase({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const file = (name: string, content: string | Buffer): string => {
  const p = path.join(dataDir, name);
  fs.writeFileSync(p, content);
  return p;
};
const quantities = () => withDb(async (db) => (await db.query<{ period: string; quantity: number }>(
  'SELECT period, quantity FROM forecasts ORDER BY period')).rows.map((r) => [r.period, r.quantity]));

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-forecast-cli-'));
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: keyLine };
  await withDb(async (db) => {
    await migrate(db);
    w = await orderWorld(db, createFieldCrypto(parseKeyring(keyLine)));
    hospitalCode = (await db.query<{ code: string }>('SELECT code FROM parties WHERE id = $1', [w.hospital.id])).rows[0]!.code;
  });
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('lotline forecast import', () => {
  it('checks a file on --dry-run without writing, then imports it', async () => {
    const csv = file('plan.csv', `customerCode,deviceCode,period,quantity\n${hospitalCode},${w.stent.code},2027-01,100\n,${w.stent.code},2027-02,5\n`);
    const dry = await runCli(['forecast', 'import', csv, '--dry-run', '--json'], env);
    expect(dry.code, dry.stderr).toBe(2);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, errors: [expect.objectContaining({ row: 3, column: 'customerCode' })] });

    const good = file('plan-ok.csv', `customerCode,channel,deviceCode,period,quantity\n${hospitalCode},,${w.stent.code},2027-01,100\n,export,${w.stent.code},2027-02,5\n`);
    const clean = await runCli(['forecast', 'import', good, '--dry-run', '--json'], env);
    expect(clean.code, clean.stderr + clean.stdout).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ dryRun: true, created: 2, errors: [] });
    expect(await quantities()).toEqual([]);

    const run = await runCli(['forecast', 'import', good, '--json'], env);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dryRun: false, created: 2, batchId: expect.any(String) });
    expect(await quantities()).toEqual([['2027-01', 100], ['2027-02', 5]]);
    const source = await withDb(async (db) => (await db.query('SELECT DISTINCT source, source_ref AS "sourceRef", created_by AS "by" FROM forecasts')).rows);
    expect(source).toEqual([{ source: 'cli', sourceRef: 'plan-ok.csv', by: 'cli' }]);
  }, SLOW);

  it('reads a GB18030 file saved by Excel, and prints a summary without --json', async () => {
    const text = `客户编码,器械编码,期间,数量\r\n${hospitalCode},${w.stent.code},2027-01,120\r\n`;
    const gbk = file('excel.csv', Buffer.from(gb18030(text)));
    const run = await runCli(['forecast', 'import', gbk], env);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/0 created, 1 updated, 0 unchanged/);
    expect(await quantities()).toContainEqual(['2027-01', 120]);
  }, SLOW);

  it('exits 2 listing every bad row, writing nothing; a missing file is invalid input too', async () => {
    const bad = file('bad.csv', `customerCode,deviceCode,period,quantity\n${hospitalCode},NO-SUCH,2027-03,1\n${hospitalCode},${w.stent.code},2027-13,1\n`);
    const json = await runCli(['forecast', 'import', bad, '--json'], env);
    expect(json.code, json.stderr + json.stdout).toBe(2);
    const error = JSON.parse(json.stdout).error;
    expect(error).toMatchObject({ code: 'IMPORT_FAILED', field: 'deviceCode' });
    expect(error.details.errors.map((e: any) => [e.row, e.column])).toEqual([[2, 'deviceCode'], [3, 'period']]);
    const human = await runCli(['forecast', 'import', bad], env);
    expect(human.code).toBe(2);
    expect(human.stderr).toMatch(/row 2, deviceCode: .*NO-SUCH/);
    expect(human.stderr).toMatch(/row 3, period/);
    expect((await quantities()).map(([p]) => p)).not.toContain('2027-03');
    const missing = await runCli(['forecast', 'import', path.join(dataDir, 'nope.csv'), '--json'], env);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.field).toBe('file');
  }, SLOW);
});

/** GB18030 bytes of the few characters the test file uses (Node has a GB18030 decoder but no encoder). */
function gb18030(text: string): number[] {
  const table: Record<string, number[]> = { 客: [0xbf, 0xcd], 户: [0xbb, 0xa7], 编: [0xb1, 0xe0], 码: [0xc2, 0xeb], 器: [0xc6, 0xf7], 械: [0xd0, 0xb5], 期: [0xc6, 0xda], 间: [0xbc, 0xe4], 数: [0xca, 0xfd], 量: [0xc1, 0xbf] };
  return [...text].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]);
}
