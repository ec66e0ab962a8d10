import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise.
const FIXTURES = path.resolve('test/fixtures/imports');
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-imports-cli-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: 'imp1:' + Buffer.alloc(32, 5).toString('base64') };
  if (!pgDb) {
    const db = await openDatabase({ dataDir });
    await migrate(db);
    await db.close();
  }
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline import', () => {
  it('imports a CSV with Chinese headings and prints the batch as JSON (exit 0); a dry run of it then changes nothing', async () => {
    const res = await runCli(['import', 'devices', path.join(FIXTURES, 'devices-zh.csv'), '--json'], env);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({ kind: 'devices', fileName: 'devices-zh.csv', status: 'succeeded', rowsTotal: 3, created: 3, errorCount: 0 });
    expect(res.stderr).toMatch(/import devices-zh\.csv: 3\/3 \(100%\)/);
    const dry = await runCli(['import', 'devices', path.join(FIXTURES, 'devices-zh.csv'), '--dry-run', '--json'], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'dry_run', created: 0, unchanged: 3 });
  });

  it('refuses a file with bad rows (exit 2, nothing imported) and writes the error report with formulas defused', async () => {
    const errors = path.join(dir, 'errors.csv');
    const res = await runCli(['import', 'devices', path.join(FIXTURES, 'devices-mixed.csv'), '--errors', errors], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/row 4, deviceClass: must be one of I, II, III \(VALIDATION_FAILED\)/);
    expect(res.stderr).toMatch(/error IMPORT_FAILED: import .*: 2 of 4 row\(s\) in error; nothing was imported/);
    const report = fs.readFileSync(errors, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(report[0]).toBe('row,column,field,value,code,message');
    expect(report[1]).toMatch(/^3,code,code,"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",VALIDATION_FAILED,/);
    expect(report[2]).toBe('4,deviceClass,deviceClass,IV,VALIDATION_FAILED,"must be one of I, II, III"');
  });

  it('with --valid-rows imports the valid rows and still exits 2 for the bad ones', async () => {
    const res = await runCli(['import', 'devices', path.join(FIXTURES, 'devices-mixed.csv'), '--valid-rows'], env);
    expect(res.code).toBe(2);
    expect(res.stdout).toMatch(/imported devices-mixed\.csv as batch \S+: 2 of 4 row\(s\) \(2 created, 0 updated, 0 unchanged\)\n2 row\(s\) in error:/);
  });

  it('imports the first sheet of an XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['单位编码', '往来单位类别', '客户类型（医院/配送商/经销商）', '单位名称', '账期']);
    sheet.addRow(['XL-H1', 'customer', 'hospital', '测试医院', 90]);
    const file = path.join(dir, 'customers.xlsx');
    await wb.xlsx.writeFile(file);
    const res = await runCli(['import', 'customers', file, '--json'], env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ kind: 'customers', created: 1 });
  });

  it.each([
    ['an unknown column', ['import', 'devices', path.join(FIXTURES, 'README.md'), '--json'], 'IMPORT_FORMAT'],
    ['a missing file', ['import', 'devices', path.join(FIXTURES, 'nope.csv'), '--json'], 'VALIDATION_FAILED'],
    ['an unknown kind', ['import', 'stock', path.join(FIXTURES, 'devices-zh.csv'), '--json'], 'VALIDATION_FAILED'],
  ])('refuses %s with exit 2 and the error as JSON', async (_what, args, code) => {
    const res = await runCli(args, env);
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).error.code).toBe(code);
  });
});
