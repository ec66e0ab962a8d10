// Dev aid, not a scenario: the intake load without pgbench, so `node --cpu-prof --import tsx
// bench/profile-intake.ts [orders] [clients]` profiles the server's own work; with TIME_SQL=1 it
// prints the database time per order by statement.
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../src/platform/crypto/field-crypto.ts';
import { systemActor } from '../src/platform/actor.ts';
import { createUser } from '../src/modules/auth/create-user.ts';
import { createApiToken } from '../src/modules/auth/api-tokens.ts';
import { benchDatabase } from './bench-database.ts';
import { benchWorld } from './bench-world.ts';
import { driveIntake } from './drive-intake.ts';
import { timeStatements } from './time-statements.ts';
import { CLK_TCK, cpuTicks } from './process-cpu.ts';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

const orders = Number(process.argv[2] ?? 400);
const clients = Number(process.argv[3] ?? 4);
const bench = await benchDatabase('profile', { poolSize: clients + 2 });
const crypto = createFieldCrypto(parseKeyring(generateKeyLine('bench')));
const world = await benchWorld(bench.db, crypto, { devices: 50, stockPerDevice: orders * 3 });
await createUser(bench.db, systemActor('bench'), { username: 'bench-api', password: 'bench-pass-2026', roles: ['customer_service'] });
const { token } = await createApiToken(bench.db, systemActor('bench'), { username: 'bench-api', name: 'bench' });
const timed = timeStatements(bench.db);
const app = await buildApp({ db: process.env.TIME_SQL ? timed.db : bench.db, config: { ...loadConfig({}), logLevel: 'silent' }, crypto }, { logger: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
await driveIntake([url], token, world, { clients, orders: 40, tag: 'WARM-' });
timed.reset();
// CPU seconds, not wall time: the server process and the database's backends of this database
// (/proc, Linux), so the split holds even on a loaded machine.
const backendCpu = async () => {
  if (!bench.url) return 0;
  const { rows } = await bench.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.reduce((n, { pid }) => n + cpuTicks(pid), 0) / CLK_TCK;
};
// CPU_PROFILE=<file>: a V8 profile of the timed run only (not start-up or data set-up).
const inspector = process.env.CPU_PROFILE ? new Session() : null;
if (inspector) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const pg0 = await backendCpu();
const run = await driveIntake([url], token, world, { clients, orders });
const p50 = run.latencies[run.latencies.length >> 1] ?? 0;
const cpu = process.cpuUsage(cpu0);
if (inspector) {
  const { profile } = await inspector.post('Profiler.stop');
  fs.writeFileSync(process.env.CPU_PROFILE!, JSON.stringify(profile));
}
const pgCpu = (await backendCpu()) - pg0;
console.log(JSON.stringify({ nodeCpuMsPerOrder: +((cpu.user + cpu.system) / 1000 / orders).toFixed(2), nodeSystemMsPerOrder: +(cpu.system / 1000 / orders).toFixed(2), pgCpuMsPerOrder: +((pgCpu * 1000) / orders).toFixed(2), ordersPerSecond: +(orders / run.seconds).toFixed(1), p50: +p50.toFixed(1), failed: run.failed, clients }));
if (process.env.TIME_SQL) console.log(timed.report(orders));
await app.close();
await bench.drop();
