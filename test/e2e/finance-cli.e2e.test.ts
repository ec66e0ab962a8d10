import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createUser } from '../../src/modules/auth/create-user.ts';
import { localToday } from '../../src/modules/orders/business-day.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let f: ShippedOrderFixture;
let financeUserId: string;
const today = localToday();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-finance-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('fin1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  f = await shippedOrder(db, createFieldCrypto(parseKeyring(generateKeyLine('fin2'))));
  financeUserId = (await createUser(db, systemActor('test'), { username: 'fin-cli', password: 'test-pass-12345', roles: ['finance'] })).id;
  if (!pgDb) await db.close();
}, 300_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('lotline invoice / payment / finance', { timeout: 420_000 }, () => {
  let invoice: { id: string; number: string; totalMinor: number };

  it('finance reconcile lists the shipped-not-invoiced line and notifies the finance users once', async () => {
    const res = await runCli(['finance', 'reconcile', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const report = json(res.stdout);
    expect(report.exceptions.map((e: any) => [e.type, e.orderId])).toEqual([['shipped_not_invoiced', f.orderId]]);
    expect(report.notified).toBe(1);
    const again = json((await runCli(['finance', 'reconcile', '--json'], env)).stdout);
    expect(again.notified).toBe(0);
    expect(financeUserId).toBeTruthy();
  });

  it('invoice create invoices the shipment once; invoice show finds it by number', async () => {
    const res = await runCli(['invoice', 'create', f.shipmentId, '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    invoice = json(res.stdout);
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    const twice = await runCli(['invoice', 'create', f.shipmentId, '--json'], env);
    expect(twice.code).toBe(1);
    expect(json(twice.stdout).error).toMatchObject({ code: 'DUPLICATE', field: 'shipmentId' });
    const show = await runCli(['invoice', 'show', invoice.number, '--json'], env);
    expect(json(show.stdout)).toMatchObject({ id: invoice.id, status: 'open' });
    const human = await runCli(['invoice', 'show', invoice.number], env);
    expect(human.stdout).toContain(invoice.number);
    const bad = await runCli(['invoice', 'create', 'not-a-uuid', '--json'], env);
    expect([bad.code, json(bad.stdout).error.field]).toEqual([2, 'shipmentId']);
  });

  it('payment record applies money; bad input exits 2 naming the field', async () => {
    const res = await runCli(['payment', 'record', '--customer', f.world.hospital.id, '--amount', '1000', '--date', today, '--reference', 'CLI-1', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(json(res.stdout)).toMatchObject({ matchedBy: 'oldest_first', allocations: [{ invoiceNumber: invoice.number, amountMinor: 1000 }] });
    const bad = await runCli(['payment', 'record', '--customer', f.world.hospital.id, '--amount', '-5', '--date', today, '--reference', 'CLI-2', '--json'], env);
    expect(bad.code).toBe(2);
    expect(json(bad.stdout).error.field).toBe('amountMinor');
    const badDate = await runCli(['payment', 'record', '--customer', f.world.hospital.id, '--amount', '5', '--date', '2026-13-01', '--reference', 'CLI-3', '--json'], env);
    expect([badDate.code, json(badDate.stdout).error.field]).toEqual([2, 'receivedOn']);
  });

  it('finance import-payments reads a statement file; finance aging reports what is left', async () => {
    const file = path.join(dir, 'statement.csv');
    fs.writeFileSync(file, `日期,金额,流水号,附言\n${today},10.00,CLI-S1,${invoice.number}\n${today},x,CLI-S2,\n`);
    const res = await runCli(['finance', 'import-payments', file, '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const r = json(res.stdout);
    expect(r.imported.map((p: any) => [p.reference, p.matchedBy])).toEqual([['CLI-S1', 'invoice_number']]);
    expect(r.errors.map((e: any) => [e.row, e.field])).toEqual([[3, 'amount']]);
    const missing = await runCli(['finance', 'import-payments', path.join(dir, 'nope.csv'), '--json'], env);
    expect([missing.code, json(missing.stdout).error.code]).toEqual([2, 'IMPORT_FORMAT']);

    const aging = await runCli(['finance', 'aging', '--json'], env);
    expect(aging.code).toBe(0);
    expect(json(aging.stdout).customers).toEqual([expect.objectContaining({ customerId: f.world.hospital.id, openMinor: invoice.totalMinor - 1000 - 1000 })]);
    const badDay = await runCli(['finance', 'aging', '--today', 'yesterday', '--json'], env);
    expect([badDay.code, json(badDay.stdout).error.field]).toEqual([2, 'today']);
  });
});
