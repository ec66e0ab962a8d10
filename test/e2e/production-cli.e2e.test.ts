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
import { productionWorld, type ProductionWorld } from '../../src/modules/production/production.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let world: ProductionWorld;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-production-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('wo1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  world = await productionWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('wo2'))));
  if (!pgDb) await db.close();
}, 300_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = (r: { stdout: string }) => JSON.parse(r.stdout);

describe('lotline wo release|issue|report and lotline lot genealogy', { timeout: 600_000 }, () => {
  it('runs a work order from release to a produced lot whose genealogy names its component lots', async () => {
    const n = world.workOrder.number;
    const bin = world.bins['AMB-1'];
    const released = await runCli(['wo', 'release', n, '--json'], env);
    expect([released.code, json(released).status], released.stdout + released.stderr).toEqual([0, 'released']);
    const catA = encodeGs1({ gtin: world.catheter.eachGtin, lot: 'CAT-A', expiry: inDays(100) }).raw;
    const over = await runCli(['wo', 'issue', n, '--bin', bin, '--scan', catA, '--quantity', '11', '--json'], env);
    expect([over.code, json(over).error.field]).toEqual([2, 'lines.0.quantity']);
    const issued = await runCli(['wo', 'issue', n, '--bin', bin, '--scan', catA, '--quantity', '2', '--json'], env);
    expect([issued.code, json(issued).status], issued.stdout + issued.stderr).toEqual([0, 'in_progress']);
    const gauze = await runCli(['wo', 'issue', n, '--bin', bin, '--lot-id', world.lots.gauze, '--quantity', '1', '--json'], env);
    expect(gauze.code, gauze.stdout + gauze.stderr).toBe(0);
    const reported = await runCli(['wo', 'report', n, '--bin', world.bins['QC-1'], '--lot', 'KIT-C1', '--quantity', '1', '--json'], env);
    expect(reported.code, reported.stdout + reported.stderr).toBe(0);
    const out = json(reported);
    expect(out.lot).toMatchObject({ lotNumber: 'KIT-C1', status: 'quarantine', expiresOn: inDays(100) });
    expect(out.workOrder).toMatchObject({ qtyCompleted: 1, status: 'in_progress' });

    const tree = await runCli(['lot', 'genealogy', out.lot.id, '--json'], env);
    expect(tree.code, tree.stdout + tree.stderr).toBe(0);
    expect(json(tree).components.map((c: any) => [c.lotNumber, c.quantity]).sort()).toEqual([['CAT-A', 2], ['G-1', 1]]);
    const up = await runCli(['lot', 'genealogy', world.lots.catA], env);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('KIT-C1');
    const missing = await runCli(['lot', 'genealogy', 'not-a-lot', '--json'], env);
    expect([missing.code, json(missing).error.code]).toEqual([1, 'NOT_FOUND']);
  });
});
