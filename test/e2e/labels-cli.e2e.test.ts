import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createDevice } from '../../src/modules/catalog/create-device.ts';
import { deviceInput, GTIN } from '../../src/modules/labels/label-test-fixtures.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise. The device is written there beforehand.
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-labels-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = {
    LOTLINE_DATA_DIR: dataDir,
    DATABASE_URL: pgDb?.url ?? '',
    LOTLINE_ENCRYPTION_KEYS: 'labels1:' + Buffer.alloc(32, 9).toString('base64'),
  };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  await createDevice(db, systemActor('test'), deviceInput());
  if (!pgDb) await db.close();
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Each case starts the real command, a Node process of a few seconds, up to three times.
describe('lotline label barcode', { timeout: 60_000 }, () => {
  it('writes a GS1 DataMatrix PNG and prints what it encodes', async () => {
    const out = path.join(dir, 'udi.png');
    const res = await runCli(['label', 'barcode', '--gtin', GTIN.each, '--lot', 'L2026A', '--expiry', '2028-06-30', '--serial', 'SN1', '--out', out, '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      out,
      bytes: fs.statSync(out).size,
      contentType: 'image/png',
      hri: '(01)06901234567892(17)280630(10)L2026A(21)SN1',
    });
    expect(fs.readFileSync(out).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('writes SVG when the file ends in .svg, and GS1-128 when asked', async () => {
    const out = path.join(dir, 'carton.svg');
    const res = await runCli(['label', 'barcode', '--gtin', GTIN.box, '--lot', 'L2026A', '--symbology', 'gs1-128', '--out', out], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toContain(`wrote ${out}`);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<svg /);
  });

  it('exits 2 with the error naming the field on bad input, and writes nothing', async () => {
    const out = path.join(dir, 'bad.png');
    const badDigit = await runCli(['label', 'barcode', '--gtin', '06901234567893', '--out', out, '--json'], env);
    expect(badDigit.code, badDigit.stdout + badDigit.stderr).toBe(2);
    expect(JSON.parse(badDigit.stdout).error).toMatchObject({ code: 'SCAN_BAD_CHECK_DIGIT', field: 'gtin' });
    const badDate = await runCli(['label', 'barcode', '--gtin', GTIN.each, '--expiry', '2027-02-29', '--out', out, '--json'], env);
    expect(badDate.code, badDate.stdout + badDate.stderr).toBe(2);
    expect(JSON.parse(badDate.stdout).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'expiry' });
    const badSymbology = await runCli(['label', 'barcode', '--gtin', GTIN.each, '--symbology', 'qr', '--out', out], env);
    expect(badSymbology.code, badSymbology.stdout + badSymbology.stderr).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('lotline label sheet', { timeout: 60_000 }, () => {
  it('writes an A4 PDF of labels for a device code', async () => {
    const out = path.join(dir, 'sheet.pdf');
    const res = await runCli(['label', 'sheet', '--device', 'SYR-5ML', '--lot', 'L2026A', '--expiry', '2028-06-30', '--serials', 'S1,S2,S3', '--out', out, '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ out, contentType: 'application/pdf' });
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
  });

  it('exits 1 for an unknown device and 2 for bad input', async () => {
    const out = path.join(dir, 'none.pdf');
    const unknown = await runCli(['label', 'sheet', '--device', 'NOPE', '--lot', 'L1', '--expiry', '2028-06-30', '--out', out, '--json'], env);
    expect(unknown.code, unknown.stdout + unknown.stderr).toBe(1);
    expect(JSON.parse(unknown.stdout).error).toMatchObject({ code: 'NOT_FOUND', field: 'device' });
    const badCopies = await runCli(['label', 'sheet', '--device', 'SYR-5ML', '--lot', 'L1', '--expiry', '2028-06-30', '--copies', 'two', '--out', out, '--json'], env);
    expect(badCopies.code, badCopies.stdout + badCopies.stderr).toBe(2);
    expect(JSON.parse(badCopies.stdout).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'copies' });
    const badSerial = await runCli(['label', 'sheet', '--device', 'SYR-5ML', '--lot', 'L1', '--expiry', '2028-06-30', '--serials', 'S1,S 2', '--out', out, '--json'], env);
    expect(badSerial.code, badSerial.stdout + badSerial.stderr).toBe(2);
    expect(JSON.parse(badSerial.stdout).error).toMatchObject({ code: 'SCAN_BAD_CHARSET', field: 'serials.1' });
    expect(fs.existsSync(out)).toBe(false);
  });
});
