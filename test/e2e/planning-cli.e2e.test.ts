import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { confirmedOrder, inDays } from '../../src/modules/inventory/stock.fixture.ts';
import { planningWorld } from '../../src/modules/planning/planning.fixture.ts';
import { createWorkCentre } from '../../src/modules/planning/create-work-centre.ts';
import { createRouting } from '../../src/modules/planning/create-routing.ts';
import { createBom } from '../../src/modules/planning/create-bom.ts';
import { createWorkOrder } from '../../src/modules/planning/create-work-order.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed here before each command runs).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let orderId: string;
let workOrder: string;
const actor = systemActor('test');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-planning-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('plan1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  const world = await planningWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('plan2'))));
  const centre = await createWorkCentre(db, actor, { code: 'CELL-1', nameZh: '单元1', shifts: 2 });
  await createRouting(db, actor, { deviceId: world.kit.id, operations: [{ seq: 10, workCentreId: centre.id, setupMinutes: 30, runMinutesPerUnit: 12 }, { seq: 20, workCentreId: centre.id, runMinutesPerUnit: 3 }] });
  await createBom(db, actor, { deviceId: world.kit.id, lines: [{ componentDeviceId: world.part.id, quantityPer: 4 }] });
  orderId = await confirmedOrder(db, world, [{ deviceId: world.kit.id, quantity: 25 }]);
  workOrder = (await createWorkOrder(db, actor, { deviceId: world.kit.id, quantity: 100, dueDate: inDays(2) })).number;
  if (!pgDb) await db.close();
}, 180_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline plan run and lotline plan schedule', { timeout: 180_000 }, () => {
  it('runs planning and prints the run as JSON', async () => {
    const res = await runCli(['plan', 'run', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const run = JSON.parse(res.stdout);
    // The open work order of 100 covers the 25 ordered; its 400 parts are still to be bought.
    expect(run).toMatchObject({ trigger: 'manual', plannedOrders: { make: 0, buy: 1 }, demands: 2 });
    expect(run.exceptions).toMatchObject({ excess: 1 });
  });

  it('schedules the open work orders and prints the load and the late orders as JSON', async () => {
    const res = await runCli(['plan', 'schedule', '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    // 30 + 100 × 12 + 100 × 3 = 1530 minutes on a two-shift centre: two working days at least, due in two.
    expect(out.workOrders).toEqual([expect.objectContaining({ number: workOrder })]);
    expect(out.load.reduce((n: number, l: { load: number }) => n + l.load, 0)).toBe(1530);
    for (const l of out.load) expect(l.load).toBeLessThanOrEqual(l.capacity);
    expect(out.repromisedOrders).toBe(1);
    const human = await runCli(['plan', 'schedule'], env);
    expect([human.code, human.stdout]).toEqual([0, expect.stringMatching(/^schedule [0-9a-f-]+ from \d{4}-\d{2}-\d{2}: 1 work order\(s\)/)]);
    expect(orderId).toBeTruthy();
  });

  it('refuses bad input with exit 2 and the field', async () => {
    const horizon = await runCli(['plan', 'run', '--horizon', '0', '--json'], env);
    expect([horizon.code, JSON.parse(horizon.stdout).error.field]).toEqual([2, 'horizon']);
    const start = await runCli(['plan', 'schedule', '--start', 'tomorrow', '--json'], env);
    expect([start.code, JSON.parse(start.stdout).error.field]).toEqual([2, 'start']);
  });
});
