import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres-database.ts';
import type { Database } from '../../src/db/types.ts';
import { createFieldCrypto, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { receiveReleased, stockWorld, inDays, type StockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { httpClient, loginCookie, type HttpClient } from '../helpers/test-app.ts';

/**
 * Against the running local topology (`npm run topology:up`; run by `npm run test:topology`):
 * nginx → 3 API processes → PgBouncer (transaction mode) → primary, reads from the streaming
 * replica, 2 workers. Intake through the balancer, idempotency across processes, read-your-writes
 * across the replica, a scheduled job once across workers, then `lotline check`.
 */
const T = process.env.LOTLINE_TOPOLOGY_DIR ?? path.resolve('data/topology');
const LB = 'http://127.0.0.1:58080';
const API = [53101, 53102, 53103].map((p) => `http://127.0.0.1:${p}`);
const PRIMARY = 'postgres://postgres@127.0.0.1:55432/lotline';
const ADMIN_PASSWORD = process.env.LOTLINE_ADMIN_PASSWORD ?? 'Topology-Lotline-2026';
const up = fs.existsSync(path.join(T, 'nginx.pid'));

let db: Database;
let w: StockWorld;
let admin: HttpClient;
let lotId: string;

beforeAll(async () => {
  if (!up) return;
  db = openPostgres(PRIMARY, { max: 4 });
  const crypto = createFieldCrypto(parseKeyring(fs.readFileSync(path.join(T, 'lotline.keys'), 'utf8')));
  w = await stockWorld(db, crypto);
  [lotId] = (await receiveReleased(db, [{ deviceId: w.gauze.id, lotNumber: `TOPO-${Date.now()}`, expiresOn: inDays(400), quantity: 5_000, binId: w.bins['AMB-1'] }])) as [string];
  admin = httpClient(LB, await loginCookie(LB, 'admin', ADMIN_PASSWORD));
}, 180_000);
afterAll(() => db?.close());

const order = (po: string) => ({ customerId: w.hospital.id, externalPo: po, lines: [{ deviceId: w.gauze.id, quantity: 2 }] });

describe.runIf(up)('the local topology', { timeout: 600_000 }, () => {
  it('takes orders through the balancer from several clients, each created and allocated', async () => {
    const tag = Date.now();
    let failed = 0;
    const latencies: number[] = [];
    const started = performance.now();
    // Meanwhile a quality user traces the lot again and again: the replica answers.
    let intakeDone = false;
    const traces: number[] = [];
    const servedBy = new Map<string, number>();
    const tracer = (async () => {
      while (!intakeDone) {
        const t0 = performance.now();
        const r = await admin.get(`/api/v1/trace/lots/${lotId}`);
        traces.push(performance.now() - t0);
        const by = r.headers.get('x-lotline-read-from') ?? 'none';
        servedBy.set(by, (servedBy.get(by) ?? 0) + 1);
      }
    })();
    await Promise.all([0, 1, 2, 3].map(async (c) => {
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        const placed = await admin.post('/api/v1/orders', order(`TOPO-${tag}-${c}-${i}`));
        const alloc = placed.status === 201 ? await admin.post(`/api/v1/orders/${placed.body.id}/allocate`) : null;
        latencies.push(performance.now() - t0);
        if (placed.status !== 201 || alloc?.status !== 200) failed++;
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    intakeDone = true;
    await tracer;
    const p95 = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!);
    process.stdout.write(`${JSON.stringify({
      bench: 'topology', intake_orders_per_s: +(120 / seconds).toFixed(1), intake_p95_ms: p95(latencies),
      trace_on_replica_p95_ms: p95(traces), traces: traces.length, trace_served_by: Object.fromEntries(servedBy),
    })}\n`);
    expect(failed).toBe(0);
    expect(servedBy.get('replica') ?? 0).toBeGreaterThan(0);
  });

  it('creates one order for one Idempotency-Key sent to every API process at once', async () => {
    const key = `topo-idem-${Date.now()}`;
    const cookie = await loginCookie(LB, 'admin', ADMIN_PASSWORD);
    const answers = await Promise.all(API.flatMap((u) => [0, 1].map(() => httpClient(u, cookie).post('/api/v1/orders', order(key), { 'idempotency-key': key }))));
    const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
    expect(ids.size).toBe(1);
    for (const a of answers) expect([201, 409]).toContain(a.status); // 409: the same key still in flight elsewhere
    const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE external_po = $1', [key]);
    expect(stored.rows[0]!.n).toBe(1);
  });

  it('shows a user their own write at once, whichever server reads it', async () => {
    const po = `TOPO-RYW-${Date.now()}`;
    const placed = await admin.post('/api/v1/orders', order(po));
    expect(placed.status).toBe(201);
    const lsn = placed.headers.get('x-lotline-lsn')!;
    const list = await admin.request('GET', `/api/v1/orders?q=${po}`, undefined, { 'x-lotline-min-lsn': lsn });
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(placed.body.id);
    expect(['replica', 'primary']).toContain(list.headers.get('x-lotline-read-from'));
    const status = await admin.get('/api/v1/system/replication');
    expect(status.body).toMatchObject({ replica: true, lagBytes: expect.any(Number) });
  });

  it('runs a due scheduled job once across the two workers', async () => {
    const before = await db.query<{ runs: number }>(`SELECT runs FROM scheduled_jobs WHERE name = 'lots.expire'`);
    expect(before.rows, 'the workers registered the job').toHaveLength(1);
    await db.query(`UPDATE scheduled_jobs SET next_run_at = now() WHERE name = 'lots.expire'`);
    // Both workers tick every 30 s: after two ticks each, it has run once.
    await new Promise((r) => setTimeout(r, 65_000));
    const after = await db.query<{ runs: number; last_outcome: string }>(`SELECT runs, last_outcome FROM scheduled_jobs WHERE name = 'lots.expire'`);
    expect(after.rows[0]!.runs).toBe(before.rows[0]!.runs + 1);
    expect(after.rows[0]!.last_outcome).toBe('ok');
  });

  it('passes lotline check on the primary afterwards', async () => {
    const check = await runCli(['check', '--json'], { DATABASE_URL: PRIMARY });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
