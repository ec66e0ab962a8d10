import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays, receiveReleased, stockWorld, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { checkDatabase } from '../../src/modules/integrity/check-database.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

/**
 * The database drops every connection again and again while orders are placed and allocated
 * (what a PostgreSQL restart or failover does to the API: pg_terminate_backend on this test's
 * database, so that test files running beside it are untouched). Each request either succeeds
 * or fails cleanly (503 DATABASE_UNAVAILABLE, no hang, the server stays up); afterwards every acknowledged
 * order is whole, allocations never exceed stock and every invariant holds.
 */
let t: TestApp;
let w: StockWorld;
let cs: HttpClient;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  t = await startTestApp();
  w = await stockWorld(t.db, t.crypto);
  await receiveReleased(t.db, [{ deviceId: w.gauze.id, lotNumber: 'CUT-1', expiresOn: inDays(300), quantity: 150, binId: w.bins['AMB-1'] }]);
  cs = await t.userClient('customer_service');
}, 180_000);
afterAll(() => t?.close());

describe.runIf(process.env.DATABASE_URL)('connections lost during intake', { timeout: 600_000 }, () => {
  it('answers every request cleanly and leaves no order half-written', async () => {
    const dbName = new URL(t.db.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    let stop = false;
    let cuts = 0;
    const killer = (async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 600));
        const r = await admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
        cuts += r.rows[0].n;
      }
    })();
    const placed: string[] = [];
    const statuses = new Map<number, number>();
    const unclean: string[] = [];
    const clean = (status: number, body: { error?: { code?: unknown } } | null) => status < 500 || body?.error?.code === 'DATABASE_UNAVAILABLE';
    const client = async () => {
      for (let i = 0; i < 25; i++) {
        const res = await cs.post('/api/v1/orders', { customerId: w.hospital.id, requestedDate: inDays(7), lines: [{ deviceId: w.gauze.id, quantity: 3 }] });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) {
          placed.push(res.body.id);
          const alloc = await cs.post(`/api/v1/orders/${res.body.id}/allocate`);
          if (!clean(alloc.status, alloc.body)) unclean.push(`allocate ${alloc.status} ${JSON.stringify(alloc.body).slice(0, 100)}`);
        } else if (!clean(res.status, res.body)) unclean.push(`${res.status} ${JSON.stringify(res.body).slice(0, 100)}`);
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    stop = true;
    await killer;
    // One more cut just before the reads below: the pool still holds the dropped connections.
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
    await admin.end();

    expect(cuts, 'connections were cut during the run').toBeGreaterThan(0);
    expect(unclean).toEqual([]);
    expect(placed.length, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(0);
    // The server is still up and every acknowledged order is whole — read at once, while the pool
    // may still hold connections the last cut dropped (a transaction then takes another).
    for (const id of placed) {
      const o = await cs.get(`/api/v1/orders/${id}`);
      expect(o.status).toBe(200);
      expect(o.body.lines).toHaveLength(1);
    }
    const orphans = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)`);
    expect(orphans.rows[0]!.n).toBe(0);
    const report = await checkDatabase(t.db);
    expect(report.checks.filter((c) => !c.ok && c.severity === 'breach').map((c) => c.name)).toEqual([]);
  });
});
