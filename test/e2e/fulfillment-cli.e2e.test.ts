import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import type { Database } from '../../src/db/types.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { readTx } from '../../src/platform/unit-of-work.ts';
import { inDays, receiveReleased } from '../../src/modules/inventory/stock.fixture.ts';
import { verifyLedger } from '../../src/modules/inventory/verify-ledger.ts';
import { allocatedOrder, label, pickWorld, withCertificates, type PickWorld } from '../../src/modules/fulfillment/pick-world.fixture.ts';
import { reviewPackage } from '../../src/modules/fulfillment/review-package.ts';
import { FIXTURE_PASSWORD } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let dataDir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let w: PickWorld;
let orderId: string;

/** Runs `fn` on this file's database; the embedded one is opened and closed around it. */
async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (pgDb) return fn(pgDb);
  const db = await openDatabase({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-fulfillment-'));
  dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('ful1'), LANG: 'en_US.UTF-8' };
  await withDb(async (db) => {
    if (!pgDb) await migrate(db);
    w = await pickWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('ful2'))));
    const lots = await receiveReleased(db, [{ deviceId: w.coldDevice.id, lotNumber: 'CLI-R', expiresOn: inDays(300), quantity: 40, binId: w.bins['COLD-1'] }]);
    await withCertificates(db, lots);
    orderId = await allocatedOrder(db, w, [{ deviceId: w.coldDevice.id, quantity: 25 }]);
  });
}, 180_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));

describe('lotline pick, pack, ship and deliver', { timeout: 240_000 }, () => {
  let listId: string;
  let packageId: string;

  it('makes a pick list, and refuses a bad order id with exit 2', async () => {
    const bad = await runCli(['pick', 'create', 'SO-1', '--json'], env);
    expect([bad.code, JSON.parse(bad.stdout).error.field]).toEqual([2, 'orderIds']);
    const res = await runCli(['pick', 'create', orderId, '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ kind: 'order', lines: 1, units: 25 });
    listId = JSON.parse(res.stdout).id;
  });

  it('scans one label per stdin line, printing one JSON per line in order, refusals included', async () => {
    const scans = [
      label(w.stentEach, 'X', inDays(400), 'SN-1'),
      label(w.reagentBox, 'CLI-R', inDays(300)),
      'not a label',
    ].join('\n');
    const res = await runCli(['pick', 'scan', listId, '--json'], env, `${scans}\n`);
    const out = json(res.stdout);
    expect(out).toHaveLength(3);
    expect(out[0].error).toMatchObject({ code: 'SCAN_WRONG_DEVICE', field: 'scan' });
    expect(out[1]).toMatchObject({ quantity: 20, pickListStatus: 'picking' });
    expect(out[2].error).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
    expect(res.code).toBe(2);

    const one = await runCli(['pick', 'scan', listId, label(w.reagentEach, 'CLI-R', inDays(300)), '--quantity', '5', '--json'], env);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ quantity: 5, pickListStatus: 'picked', orderStatus: 'picking' });
  });

  it('packs with an SSCC, and refuses a bad weight with exit 2', async () => {
    const bad = await runCli(['pack', orderId, '--weight-g', 'heavy', '--length-mm', '300', '--width-mm', '200', '--height-mm', '100', '--json'], env);
    expect([bad.code, JSON.parse(bad.stdout).error.field]).toEqual([2, 'weightG']);
    const res = await runCli(['pack', orderId, '--weight-g', '2500', '--length-mm', '300', '--width-mm', '200', '--height-mm', '100', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ units: 25, orderStatus: 'packed', sscc: expect.stringMatching(/^\d{18}$/) });
    packageId = JSON.parse(res.stdout).id;
  });

  it('refuses to ship before the outbound review, ships after it, and confirms delivery', async () => {
    const early = await runCli(['ship', orderId, '--carrier', 'SF', '--tracking', 'SF9', '--json'], env);
    expect(JSON.parse(early.stdout).error).toMatchObject({ code: 'REVIEW_REQUIRED' });
    expect(early.code).not.toBe(0);
    // The review is signed with a person's password: it is done over the API (here: its use case).
    await withDb((db) => reviewPackage(db, w.reviewer, packageId, { password: FIXTURE_PASSWORD, meaning: '出库复核' }));
    const res = await runCli(['ship', orderId, '--carrier', 'SF', '--tracking', 'SF9', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const shipment = JSON.parse(res.stdout);
    expect(shipment).toMatchObject({ status: 'shipped', units: 25, packageIds: [packageId], orderStatus: 'shipped' });
    const text = await runCli(['deliver', shipment.id, '--received-by', 'Dr Li'], env);
    expect(text.code, text.stdout + text.stderr).toBe(0);
    expect(text.stdout).toContain('delivered to Dr Li; order delivered');
    expect(await withDb((db) => readTx(db, verifyLedger))).toEqual([]);
  });
});
