import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { inDays } from '../../src/modules/inventory/stock.fixture.ts';
import { purchasingWorld, type PurchasingWorld } from '../../src/modules/purchasing/purchasing.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let world: PurchasingWorld;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-purchasing-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('po1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  world = await purchasingWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('po2'))));
  if (!pgDb) await db.close();
}, 300_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline po create|approve|receive', { timeout: 600_000 }, () => {
  it('refuses an unqualified supplier (exit 2) and bad lines, then creates, approves and receives by scans on stdin', async () => {
    const line = `${world.catheter.id}:12:1500:${inDays(7)}`;
    const lapsed = await runCli(['po', 'create', '--supplier', world.lapsedSupplier.id, '--line', line, '--json'], env);
    expect([lapsed.code, JSON.parse(lapsed.stdout).error.code, JSON.parse(lapsed.stdout).error.field]).toEqual([2, 'SUPPLIER_NOT_QUALIFIED', 'supplierId']);
    const bad = await runCli(['po', 'create', '--supplier', world.supplier.id, '--line', `${world.catheter.id}:0:1500:${inDays(7)}`, '--json'], env);
    expect([bad.code, JSON.parse(bad.stdout).error.field]).toEqual([2, 'lines.0.quantity']);

    const created = await runCli(['po', 'create', '--supplier', world.supplier.id, '--line', line, '--json'], env);
    expect(created.code, created.stdout + created.stderr).toBe(0);
    const po = JSON.parse(created.stdout);
    expect(po).toMatchObject({ status: 'draft', number: expect.stringMatching(/^PO-\d{4}-\d{6}$/), lines: [{ quantity: 12, expectedDate: inDays(7) }] });
    const approved = await runCli(['po', 'approve', po.number, '--json'], env);
    expect([approved.code, JSON.parse(approved.stdout).status]).toEqual([0, 'approved']);

    const box = encodeGs1({ gtin: world.catheter.boxGtin, lot: 'CLI-1', expiry: inDays(300) }).raw;
    const each = encodeGs1({ gtin: world.catheter.eachGtin, lot: 'CLI-1', expiry: inDays(300) }).raw;
    const over = await runCli(['po', 'receive', po.number, '--bin', world.bins['QC-1'], '--json'], env, `${box}\n${box}\n`);
    expect([over.code, JSON.parse(over.stdout).error.field]).toEqual([2, 'lines.1.quantity']);
    const res = await runCli(['po', 'receive', po.number, '--bin', world.bins['QC-1'], '--json'], env, `${box}\n${each}\n`);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const body = JSON.parse(res.stdout);
    expect(body.purchaseOrder).toMatchObject({ status: 'partially_received', lines: [{ qtyReceived: 11 }] });
    expect(body.inspections).toEqual([expect.objectContaining({ lotNumber: 'CLI-1', receivedQuantity: 11, lotStatus: 'quarantine', status: 'pending' })]);
    const unknown = await runCli(['po', 'approve', 'PO-1999-000001', '--json'], env);
    expect([unknown.code, JSON.parse(unknown.stdout).error.code]).toEqual([1, 'NOT_FOUND']);
  });
});
