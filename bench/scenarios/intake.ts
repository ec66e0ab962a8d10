import { execFileSync } from 'node:child_process';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createUser } from '../../src/modules/auth/create-user.ts';
import { createApiToken } from '../../src/modules/auth/api-tokens.ts';
import { benchDatabase, withDatabase } from '../bench-database.ts';
import { percentile, round, type Figure, type Scenario } from '../figure.ts';
import { benchWorld } from '../bench-world.ts';
import { driveIntake } from '../drive-intake.ts';
import { countStatements } from '../count-statements.ts';

/**
 * HTTP order creation through the real server with N concurrent clients: 5-line orders that are
 * priced, rule-checked, confirmed, FEFO-allocated and promised in one request
 * (`POST /api/v1/orders?allocate=true`), each write audited and in the outbox. On PostgreSQL the same run measures
 * pgbench TPC-B with the same client count; orders/s ÷ tps is the headline figure.
 */
export const intakeScenario: Scenario = {
  name: 'intake',
  describe: '5-line orders over HTTP (placed and FEFO-allocated in one request) with N concurrent clients, against pgbench TPC-B on the same server',
  async run({ size }) {
    const clients = size === 'full' ? 16 : 4;
    const orders = size === 'full' ? 4000 : 200;
    const bench = await benchDatabase('intake', { poolSize: clients + 2 });
    const crypto = createFieldCrypto(parseKeyring(generateKeyLine('bench')));
    const world = await benchWorld(bench.db, crypto, { devices: 50, stockPerDevice: orders * 3 });
    await createUser(bench.db, systemActor('bench'), { username: 'bench-api', password: 'bench-pass-2026', roles: ['customer_service'] });
    const { token } = await createApiToken(bench.db, systemActor('bench'), { username: 'bench-api', name: 'bench' });
    // Every statement the server sends goes through the counter; only the sequential phase below is read.
    const counter = countStatements(bench.db);
    const app = await buildApp({ db: counter.db, config: { ...loadConfig({}), logLevel: 'silent' }, crypto }, { logger: false });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const rssIdle = process.memoryUsage().rss;

    // Round trips per order, counted on one client so no serialization retry blurs the figure.
    const counted = 20;
    counter.reset();
    const countRun = await driveIntake([url], token, world, { clients: 1, orders: counted, tag: 'COUNT-' });
    const { statements, transactions } = counter.count();

    const { seconds, latencies, failed } = await driveIntake([url], token, world, { clients, orders });
    const rssAfter = process.memoryUsage().rss;
    await app.close();
    const ordersPerSecond = orders / seconds;
    const figures: Figure[] = [
      { bench: 'intake', metric: 'orders_per_s', value: round(ordersPerSecond, 1), unit: 'orders/s', note: `${clients} clients, ${orders} orders, ${failed} failed` },
      { bench: 'intake', metric: 'statements_per_order', value: round(statements / counted, 1), unit: 'statements', note: `one request (placed and allocated) incl. auth, excl. BEGIN/COMMIT; ${counted} orders on 1 client, ${countRun.failed} failed` },
      { bench: 'intake', metric: 'transactions_per_order', value: round(transactions / counted, 1), unit: 'transactions', note: 'each adds BEGIN + COMMIT round trips' },
      { bench: 'intake', metric: 'latency_p50', value: round(percentile(latencies, 50), 1), unit: 'ms' },
      { bench: 'intake', metric: 'latency_p95', value: round(percentile(latencies, 95), 1), unit: 'ms' },
      { bench: 'intake', metric: 'latency_p99', value: round(percentile(latencies, 99), 1), unit: 'ms' },
      { bench: 'memory', metric: 'rss_idle', value: round(rssIdle / 2 ** 20, 1), unit: 'MiB', note: 'server in the bench process, after start' },
      { bench: 'memory', metric: 'rss_after_intake', value: round(rssAfter / 2 ** 20, 1), unit: 'MiB' },
    ];
    if (bench.url) {
      const tps = pgbenchTps(bench.url, clients, size === 'full' ? 30 : 5);
      figures.push({ bench: 'intake', metric: 'pgbench_tps', value: round(tps, 1), unit: 'tps', note: `TPC-B scale 10, ${clients} clients` });
      figures.push({ bench: 'intake', metric: 'orders_per_pgbench_tps', value: round(ordersPerSecond / tps, 3), unit: 'ratio', note: 'target ≥ 0.10, goal 0.25' });
    }
    await bench.drop();
    return figures;
  },
};

/** pgbench TPC-B (scale 10) on its own database of the same server. */
function pgbenchTps(url: string, clients: number, seconds: number): number {
  const target = withDatabase(url, 'lotline_pgbench');
  const admin = withDatabase(url, 'postgres');
  const u = new URL(target);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  execFileSync('psql', [admin, '-qc', 'DROP DATABASE IF EXISTS lotline_pgbench WITH (FORCE)']);
  execFileSync('psql', [admin, '-qc', 'CREATE DATABASE lotline_pgbench']);
  execFileSync('pgbench', [...args, '-i', '-q', '-s', '10', 'lotline_pgbench'], { stdio: 'ignore' });
  const out = execFileSync('pgbench', [...args, '-c', String(clients), '-j', '2', '-T', String(seconds), 'lotline_pgbench']).toString();
  execFileSync('psql', [admin, '-qc', 'DROP DATABASE IF EXISTS lotline_pgbench WITH (FORCE)']);
  const m = /tps = ([\d.]+)/.exec(out);
  if (!m) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(m[1]);
}

