import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { shippedReturnWorld, stentScan, type ReturnWorld } from '../../src/modules/returns/returns.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let w: ReturnWorld;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-returns-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('ret1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  w = await shippedReturnWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('ret2'))));
  if (!pgDb) await db.close();
}, 180_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = async (args: string[]) => {
  const res = await runCli([...args, '--json'], env);
  return { code: res.code, out: JSON.parse(res.stdout || 'null') as any, raw: res.stdout + res.stderr };
};
const stentLine = (serial: string) => ['--device', w.stent.id, '--lot', w.stentLot.lotNumber, '--serial', serial];

describe('lotline return, complaint and repair', { timeout: 240_000 }, () => {
  it('creates an RMA, receives it by scan into a bin named by code, and restocks it', async () => {
    const bad = await cli(['return', 'create', '--shipment', w.shipmentId, ...stentLine(w.shippedSerials[0]!), '--reason', 'bored']);
    expect([bad.code, bad.out.error.code, bad.out.error.field]).toEqual([2, 'VALIDATION_FAILED', 'lines.0.reason']);
    const never = await cli(['return', 'create', '--shipment', w.shipmentId, ...stentLine(w.inStockSerial), '--reason', 'damaged']);
    expect([never.code, never.out.error.code, never.out.error.field]).toEqual([2, 'RETURN_NOT_AUTHORISED', 'lines[0].serial']);

    const created = await cli(['return', 'create', '--shipment', w.shipmentId, ...stentLine(w.shippedSerials[0]!), '--reason', 'damaged']);
    expect(created.code, created.raw).toBe(0);
    expect(created.out.number).toMatch(/^RMA-\d{4}-\d{6}$/);
    const noBin = await cli(['return', 'receive', created.out.id, stentScan(w, w.shippedSerials[0]!), '--bin', 'NOWHERE']);
    expect([noBin.code, noBin.out.error.field]).toEqual([2, 'binId']);
    const received = await cli(['return', 'receive', created.out.id, stentScan(w, w.shippedSerials[0]!), '--bin', 'RET-1']);
    expect(received.code, received.raw).toBe(0);
    expect(received.out).toMatchObject({ status: 'received', bin: { code: 'RET-1', zoneType: 'returns' } });
    const badAs = await cli(['return', 'dispose', created.out.lines[0].id, '--as', 'melt']);
    expect([badAs.code, badAs.out.error.field]).toEqual([2, 'as']);
    const restocked = await cli(['return', 'dispose', created.out.lines[0].id, '--as', 'restock', '--condition', 'sound', '--to-bin', 'AMB-1']);
    expect(restocked.code, restocked.raw).toBe(0);
    expect(restocked.out).toMatchObject({ disposition: 'restock', rmaStatus: 'closed', toBin: { code: 'AMB-1' } });
    const shown = await cli(['return', 'show', created.out.id]);
    expect(shown.out.lines[0]).toMatchObject({ qtyReceived: 1, qtyDisposed: 1 });
  });

  it('records a complaint from a UDI scan and lists it by lot', async () => {
    const added = await cli(['complaint', 'add', '--customer', w.hospital.id, '--scan', stentScan(w, w.shippedSerials[1]!), '--description', 'kinked']);
    expect(added.code, added.raw).toBe(0);
    expect(added.out).toMatchObject({ udiDi: w.stent.eachGtin, serial: w.shippedSerials[1], status: 'open' });
    const listed = await cli(['complaint', 'list', '--lot', w.stentLot.id]);
    expect(listed.out.total).toBe(1);
    const closing = await cli(['complaint', 'status', added.out.id, '--to', 'closed']);
    expect([closing.code, closing.out.error.field], closing.raw).toEqual([2, 'resolution']);
  });

  it('repairs a returned unit and ships it back', async () => {
    const rma = await cli(['return', 'create', '--shipment', w.shipmentId, ...stentLine(w.shippedSerials[1]!), '--reason', 'complaint']);
    expect(rma.code, rma.raw).toBe(0);
    await cli(['return', 'receive', rma.out.id, stentScan(w, w.shippedSerials[1]!), '--bin', 'RET-1']);
    const opened = await cli(['return', 'dispose', rma.out.lines[0].id, '--as', 'repair', '--condition', 'damaged']);
    expect(opened.code, opened.raw).toBe(0);
    const id = opened.out.repair.id;
    expect((await cli(['repair', 'diagnose', id, '--diagnosis', 'kinked shaft'])).out.status).toBe('diagnosed');
    expect((await cli(['repair', 'part', id, '--lot', w.gauzeLot.id, '--bin', 'AMB-1', '--quantity', '1'])).out.parts).toHaveLength(1);
    expect((await cli(['repair', 'result', id, '--as', 'repaired'])).out.status).toBe('repaired');
    const shipped = await cli(['repair', 'ship', id, '--carrier', 'SF', '--tracking', 'SF-CLI-1']);
    expect(shipped.code, shipped.raw).toBe(0);
    expect(shipped.out).toMatchObject({ status: 'shipped', returnShipmentNumber: expect.stringMatching(/^SH-/) });
  });
});
