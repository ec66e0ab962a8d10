import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { encodeGs1 } from '../../src/modules/udi/encode-gs1.ts';
import { inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let world: StockWorld;
let scans: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-inventory-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('inv1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('inv2'))));
  await receiveReleased(db, [
    { deviceId: world.gauze.id, lotNumber: 'OLD-1', expiresOn: inDays(2), quantity: 3, binId: world.bins['AMB-1'] },
    { deviceId: world.gauze.id, lotNumber: 'OLD-2', expiresOn: inDays(3), quantity: 3, binId: world.bins['AMB-1'] },
  ]);
  scans = [world.stent.caseGtin, world.stent.eachGtin].map((gtin) => encodeGs1({ gtin, lot: 'CLI-1', expiry: inDays(365) }).raw);
  if (!pgDb) await db.close();
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline receive and lotline lots expire', { timeout: 240_000 }, () => {
  it('receives typed-in units and reports the receipt as JSON', async () => {
    const res = await runCli(['receive', '--bin', world.bins['AMB-2'], '--device', world.gauze.id, '--lot', 'CLI-G', '--expiry', inDays(200), '--quantity', '12', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ reason: 'purchase', bin: { binCode: 'AMB-2' }, lines: [{ lotNumber: 'CLI-G', quantity: 12, lotStatus: 'quarantine' }] });
  });

  it('reads scans one per line from standard input, and refuses bad input with exit 2', async () => {
    const lotTracked = await runCli(['receive', '--bin', world.bins['AMB-2'], '--json'], env, `${encodeGs1({ gtin: world.coldDevice.boxGtin, lot: 'C1', expiry: inDays(100) }).raw}\n`);
    expect(lotTracked.code).toBe(2);
    expect(JSON.parse(lotTracked.stdout).error).toMatchObject({ code: 'STORAGE_MISMATCH', field: 'binId' });
    const serialOnCase = await runCli(['receive', '--bin', world.bins['AMB-2'], '--json'], env, `${scans.join('\n')}\n`);
    expect(serialOnCase.code).toBe(2);
    expect(JSON.parse(serialOnCase.stdout).error.field).toBe('scans.0');
    const noBin = await runCli(['receive', '--bin', 'B-1', '--scan', scans[1]!, '--json'], env);
    expect([noBin.code, JSON.parse(noBin.stdout).error.field]).toEqual([2, 'binId']);
  });

  it('expires lots whose date has come, once, even when two runs race', async () => {
    const today = inDays(3);
    const runs = await Promise.all(pgDb ? [1, 2].map(() => runCli(['lots', 'expire', '--today', today, '--json'], env)) : [runCli(['lots', 'expire', '--today', today, '--json'], env)]);
    for (const r of runs) expect(r.code, r.stdout + r.stderr).toBe(0);
    const expired = runs.flatMap((r) => JSON.parse(r.stdout).expired.map((l: { lotNumber: string }) => l.lotNumber)).sort();
    expect(expired).toEqual(['OLD-1', 'OLD-2']);
    const again = await runCli(['lots', 'expire', '--today', today], env);
    expect([again.code, again.stdout]).toEqual([0, `${today}: 0 lot(s) expired, 0 allocated unit(s) released, 0 order(s) re-allocated\n`]);
    const bad = await runCli(['lots', 'expire', '--today', 'tomorrow', '--json'], env);
    expect([bad.code, JSON.parse(bad.stdout).error.field]).toEqual([2, 'today']);
  });
});
