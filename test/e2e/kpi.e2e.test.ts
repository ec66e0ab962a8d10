import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { generateKeyLine } from '../../src/platform/crypto/field-crypto.ts';
import { inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { createFieldCrypto, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { runCli } from '../helpers/run-cli.ts';
import { KPI_NAMES } from '../../src/modules/kpi/kpi-types.ts';

// The KPI routes through the real server, and `lotline kpi` spawned against its own database.
let t: TestApp;
let sales: HttpClient;
let world: StockWorld;

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.userClient('sales');
  world = await stockWorld(t.db, t.crypto);
  // Stock for the expiry buckets: 4 units with 20 days left (< 30), 6 with 200 days (≥ 180). Total 10.
  await receiveReleased(t.db, [
    { deviceId: world.coldDevice.id, lotNumber: 'E2E-A', expiresOn: inDays(20), quantity: 4, binId: world.bins['COLD-1'] },
    { deviceId: world.coldDevice.id, lotNumber: 'E2E-B', expiresOn: inDays(200), quantity: 6, binId: world.bins['COLD-1'] },
  ]);
}, 300_000);
afterAll(async () => t?.close());

describe('GET /api/v1/kpi', { timeout: 120_000 }, () => {
  it('lists every KPI with its formula in en and zh', async () => {
    const res = await sales.get('/api/v1/kpi');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual([...KPI_NAMES]);
    for (const i of res.body.items) expect(i.formula.en.length > 20 && i.formula.zh.length > 10).toBe(true);
  });

  it('answers every KPI with the common shape', async () => {
    for (const name of KPI_NAMES) {
      const res = await sales.get(`/api/v1/kpi/${name}?from=2026-01-01&to=2026-03-31&groupBy=week`);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body).toMatchObject({ kpi: name, from: '2026-01-01', to: '2026-03-31', groupBy: 'week', filters: { customerId: null, channel: null } });
      expect(Array.isArray(res.body.series) && Array.isArray(res.body.breakdown)).toBe(true);
    }
  });

  it('inventory by expiry over HTTP: 4 units < 30 days, 6 units ≥ 180 days, of 10', async () => {
    const res = await sales.get('/api/v1/kpi/inventory-by-expiry');
    expect(res.status).toBe(200);
    expect(res.body.value).toBe(10);
    expect(Object.fromEntries(res.body.breakdown.map((r: { key: string; value: number }) => [r.key, r.value])))
      .toEqual({ expired: 0, lt30: 4, lt90: 0, lt180: 0, gte180: 6 });
  });

  it('refuses bad input with 400 and the field', async () => {
    // The period's order is checked after the schema, on field `from`; schema errors name `querystring.*` / `params.*`.
    const cases: Array<[string, string]> = [
      ['/api/v1/kpi/otif?from=2026-03-31&to=2026-03-01', 'from'],
      ['/api/v1/kpi/otif?from=2026-02-30', 'querystring.from'],
      ['/api/v1/kpi/otif?to=tomorrow', 'querystring.to'],
      ['/api/v1/kpi/otif?from=1990-01-01&to=2026-01-01', 'to'],
      ['/api/v1/kpi/otif?groupBy=year', 'querystring.groupBy'],
      ['/api/v1/kpi/otif?channel=fax', 'querystring.channel'],
      ['/api/v1/kpi/otif?customerId=42', 'querystring.customerId'],
      ['/api/v1/kpi/orders-at-risk?days=91', 'querystring.days'],
      ['/api/v1/kpi/otif?colour=red', 'querystring.colour'],
      ['/api/v1/kpi/revenue', 'params.name'],
    ];
    for (const [url, field] of cases) {
      const res = await sales.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.field, `${url} ${JSON.stringify(res.body)}`).toBe(field);
    }
  });

  it('needs kpi.read: the hospital portal gets 403, no session 401', async () => {
    const portal = await t.userClient('hospital_portal', { organisationId: world.hospital.id });
    expect((await portal.get('/api/v1/kpi/otif')).status).toBe(403);
    expect((await portal.get('/api/v1/kpi')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/kpi/otif')).status).toBe(401);
  });
});

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed before each command runs).
describe('lotline kpi', { timeout: 180_000 }, () => {
  let dir: string;
  let pgDb: TestDatabase | null = null;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-kpi-'));
    const dataDir = path.join(dir, 'data');
    if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
    env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('kpi1') };
    const db = pgDb ?? (await openDatabase({ dataDir }));
    if (!pgDb) await migrate(db);
    const w = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('kpi2'))));
    await receiveReleased(db, [{ deviceId: w.coldDevice.id, lotNumber: 'CLI-K', expiresOn: inDays(45), quantity: 9, binId: w.bins['COLD-1'] }]);
    if (!pgDb) await db.close();
  }, 300_000);
  afterAll(async () => {
    await pgDb?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('kpi <name> --from --to --json prints the answer', async () => {
    const res = await runCli(['kpi', 'inventory-by-expiry', '--from', '2026-03-01', '--to', '2026-03-31', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ kpi: 'inventory-by-expiry', from: '2026-03-01', to: '2026-03-31', value: 9 });
    expect(out.breakdown.find((r: { key: string }) => r.key === 'lt90').value).toBe(9);
    const otif = JSON.parse((await runCli(['kpi', 'otif', '--from', '2026-03-01', '--to', '2026-03-31', '--group-by', 'week', '--json'], env)).stdout);
    expect(otif).toMatchObject({ kpi: 'otif', groupBy: 'week', numerator: 0, denominator: 0, value: null });
  });

  it('bad input exits 2 with the field; the human form shows the formula', async () => {
    const bad = await runCli(['kpi', 'otif', '--from', '2026-03-31', '--to', '2026-03-01', '--json'], env);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
    const unknown = await runCli(['kpi', 'revenue', '--json'], env);
    expect([unknown.code, JSON.parse(unknown.stdout).error.field]).toEqual([2, 'name']);
    const human = await runCli(['kpi', 'inventory-by-expiry'], env);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('lt90: 9');
    expect(human.stdout).toContain('剩余效期');
  });
});
