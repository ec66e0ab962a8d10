import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { confirmedOrder, inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { shipOrderForTrace, type ShippedForTrace } from '../../src/modules/trace/trace.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let world: StockWorld;
let shipped: ShippedForTrace;
let orderNumber: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-trace-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('trc1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  world = await stockWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('trc2'))));
  await receiveReleased(db, [{ deviceId: world.coldDevice.id, lotNumber: 'CLI-R', expiresOn: inDays(300), quantity: 60, binId: world.bins['COLD-1'] }]);
  const orderId = await confirmedOrder(db, world, [{ deviceId: world.coldDevice.id, quantity: 40 }]);
  shipped = await shipOrderForTrace(db, orderId);
  orderNumber = (await db.query<{ number: string }>('SELECT number FROM orders WHERE id = $1', [orderId])).rows[0]!.number;
  if (!pgDb) await db.close();
}, 180_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline trace', { timeout: 180_000 }, () => {
  it('trace lot <gtin> <lot> --json gives every shipment and consignee of the lot', async () => {
    const res = await runCli(['trace', 'lot', world.coldDevice.boxGtin, 'CLI-R', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.lot).toMatchObject({ lotNumber: 'CLI-R', expiresOn: inDays(300), status: 'released', device: { code: world.coldDevice.code } });
    expect(out.consignees).toEqual([{
      customer: { id: world.hospital.id, code: expect.any(String), nameZh: expect.any(String), nameEn: null },
      shipTo: expect.objectContaining({ id: world.hospital.shipToId, code: 'MAIN' }),
      shipments: [expect.objectContaining({ shipmentId: shipped.shipmentId, number: shipped.shipmentNumber, orderNumber, shipped: 40, returned: 0, net: 40 })],
      totals: { shipped: 40, returned: 0, net: 40 },
    }]);
    expect(out.totals).toEqual({ shipped: 40, returned: 0, net: 40, consignees: 1, shipments: 1 });
    expect(out.onHand).toEqual([expect.objectContaining({ binCode: 'COLD-1', onHand: 20 })]);
  });

  it('prints bilingual text without --json, and traces an order by number', async () => {
    const text = await runCli(['trace', 'lot', world.coldDevice.boxGtin, 'CLI-R'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('批次 Lot');
    expect(text.stdout).toContain(shipped.shipmentNumber);
    const order = await runCli(['trace', 'order', orderNumber, '--json'], env);
    expect(order.code, order.stdout + order.stderr).toBe(0);
    expect(JSON.parse(order.stdout).shipments[0].packages[0].sscc).toBe(shipped.sscc);
  });

  it('exits 2 on invalid input and 1 when nothing is found', async () => {
    const bad = await runCli(['trace', 'lot', '123', 'CLI-R', '--json'], env);
    expect([bad.code, JSON.parse(bad.stdout).error.field]).toEqual([2, 'gtin']);
    const badDigit = await runCli(['trace', 'lot', '12345678901234', 'CLI-R', '--json'], env);
    expect([badDigit.code, JSON.parse(badDigit.stdout).error.code]).toEqual([2, 'GTIN_INVALID']);
    const none = await runCli(['trace', 'lot', world.coldDevice.boxGtin, 'NOPE', '--json'], env);
    expect([none.code, JSON.parse(none.stdout).error.code]).toEqual([1, 'NOT_FOUND']);
  });
});
