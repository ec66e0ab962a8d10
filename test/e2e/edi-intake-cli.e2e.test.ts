import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { ediWorld } from '../../src/modules/edi-intake/test-support.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise; the master data is written there first.
// Each run starts a process that opens the database: seconds each, so the tests get minutes.
const SLOW = 180_000;
const keyLine = `cli1:${Buffer.alloc(32, 9).toString('base64')}`;
const fixture = (name: string) => path.resolve('test/fixtures/edi', name);
let work: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-edi-cli-'));
  const crypto = createFieldCrypto(parseKeyring(keyLine));
  if (process.env.DATABASE_URL) {
    pgDb = await createTestDatabase();
    await ediWorld(pgDb, crypto);
  } else {
    const db = await openDatabase({ dataDir: path.join(work, 'data') });
    await migrate(db);
    await ediWorld(db, crypto);
    await db.close();
  }
  env = { LOTLINE_DATA_DIR: path.join(work, 'data'), DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: keyLine };
}, SLOW);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('lotline edi import', () => {
  it('places the orders of a file and prints the ack; the same file again creates nothing', async () => {
    const first = await runCli(['edi', 'import', fixture('intake-x12-4010-850.edi'), '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const r = JSON.parse(first.stdout);
    expect(r).toMatchObject({ duplicate: false, standard: 'X12', outcome: 'accepted', orders: [{ poNumber: 'H1-4010-0001', status: 'confirmed' }] });
    expect(r.ack).toContain('AK9*A*1*1*1');
    const again = await runCli(['edi', 'import', fixture('intake-x12-4010-850.edi'), '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ ...r, duplicate: true });
  }, SLOW);

  it('prints a readable summary without --json', async () => {
    const res = await runCli(['edi', 'import', fixture('intake-edifact-d96a-orders.edi')], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/EDIFACT interchange .*: accepted\n {2}PO H1-EF-0001 → SO-\d{4}-\d{6} \(confirmed\)/);
    expect(res.stdout).toContain('Acknowledgement to send back:\nUNA:+.? ');
  }, SLOW);

  it('exits 1 when an order was refused, 2 for a file that is no EDI, an unknown partner or a missing file', async () => {
    const mixed = await runCli(['edi', 'import', fixture('intake-x12-4010-one-bad-order.edi'), '--json'], env);
    expect(mixed.code).toBe(1);
    expect(JSON.parse(mixed.stdout).orders[1].error.field).toBe('lines.1.gtin');
    const csv = await runCli(['edi', 'import', fixture('not-edi.csv'), '--json'], env);
    expect(csv.code).toBe(2);
    expect(JSON.parse(csv.stdout).error.code).toBe('EDI_UNKNOWN_STANDARD');
    const stranger = await runCli(['edi', 'import', fixture('intake-x12-4010-unknown-partner.edi'), '--json'], env);
    expect(stranger.code).toBe(2);
    expect(JSON.parse(stranger.stdout).error).toMatchObject({ code: 'EDI_UNKNOWN_PARTNER', details: { interchangeId: expect.any(String) } });
    const missing = await runCli(['edi', 'import', path.join(work, 'nope.edi'), '--json'], env);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.field).toBe('file');
  }, SLOW);
});

describe('lotline edi watch --once', () => {
  it('processes the inbox, moving files to done/ and failed/', async () => {
    const drop = path.join(work, 'drop');
    fs.mkdirSync(path.join(drop, 'inbox'), { recursive: true });
    fs.copyFileSync(fixture('intake-x12-5010-850.edi'), path.join(drop, 'inbox', 'po-5010.edi'));
    fs.copyFileSync(fixture('not-edi.csv'), path.join(drop, 'inbox', 'not-edi.csv'));
    const res = await runCli(['edi', 'watch', drop, '--once', '--interval', '100', '--json'], env);
    expect(res.code, res.stderr).toBe(1);
    const { files } = JSON.parse(res.stdout);
    expect(files.map((f: any) => [f.file, f.movedTo])).toEqual([['not-edi.csv', 'failed'], ['po-5010.edi', 'done']]);
    expect(files[1].result.orders[0]).toMatchObject({ poNumber: 'H1-5010-0001', status: 'confirmed' });
    expect(fs.readdirSync(path.join(drop, 'done')).sort()).toEqual(['po-5010.edi', 'po-5010.edi.ack']);
    expect(fs.readdirSync(path.join(drop, 'failed')).sort()).toEqual(['not-edi.csv', 'not-edi.csv.reason.txt']);
    expect(fs.readdirSync(path.join(drop, 'inbox'))).toEqual([]);
  }, SLOW);

  it('refuses a bad interval as invalid input', async () => {
    const res = await runCli(['edi', 'watch', path.join(work, 'drop'), '--once', '--interval', 'soon', '--json'], env);
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).error.field).toBe('interval');
  }, SLOW);
});
