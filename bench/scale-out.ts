import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { systemActor } from '../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../src/platform/crypto/field-crypto.ts';
import { createUser } from '../src/modules/auth/create-user.ts';
import { createApiToken } from '../src/modules/auth/api-tokens.ts';
import { benchDatabase } from './bench-database.ts';
import { benchWorld } from './bench-world.ts';
import { driveIntake } from './drive-intake.ts';
import { percentile, round, type Figure, type Scenario } from './figure.ts';
import { CLK_TCK, cpuTicks } from './process-cpu.ts';

/**
 * Intake through 1, 2 and 4 separate API processes (`lotline serve --no-worker`) on one
 * PostgreSQL, the clients spread over them: orders/s and each API process's CPU use. On a
 * 2-core machine that also runs PostgreSQL and the clients, the gain is bounded; the CPU figures
 * say where the time goes.
 */

function startApi(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('bin/lotline.js'), 'serve', '--no-worker'], { env: { ...process.env, ...env }, stdio: 'pipe' });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      const m = /running at (http:\/\/\S+)\//.exec(out);
      if (m) resolve({ child, url: m[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`API process exited with ${code}: ${out}`)));
  });
}

export const scaleOutScenario: Scenario = {
  name: 'scale-out',
  describe: 'intake with 1, 2 and 4 API processes on one PostgreSQL, and the CPU each process used (PostgreSQL only)',
  async run({ size }) {
    if (!process.env.DATABASE_URL) return [];
    const clients = 8;
    const orders = size === 'full' ? 2000 : 120;
    const bench = await benchDatabase('scaleout', { poolSize: 4 });
    const keyLine = generateKeyLine('bench');
    const world = await benchWorld(bench.db, createFieldCrypto(parseKeyring(keyLine)), { devices: 50, stockPerDevice: orders * 3 * 3 });
    await createUser(bench.db, systemActor('bench'), { username: 'bench-api', password: 'bench-pass-2026', roles: ['customer_service'] });
    const { token } = await createApiToken(bench.db, systemActor('bench'), { username: 'bench-api', name: 'bench' });
    const figures: Figure[] = [];
    for (const processes of [1, 2, 4]) {
      const apis = await Promise.all(Array.from({ length: processes }, () => startApi({
        DATABASE_URL: bench.url!, PORT: '0', LOG_LEVEL: 'warn', LOTLINE_ENCRYPTION_KEYS: keyLine, LOTLINE_ADMIN_PASSWORD: 'Bench-Lotline-2026',
      })));
      try {
        const before = apis.map((a) => cpuTicks(a.child.pid!));
        const run = await driveIntake(apis.map((a) => a.url), token, world, { clients, orders, tag: `p${processes}-` });
        const cpu = apis.map((a, i) => ((cpuTicks(a.child.pid!) - before[i]!) / CLK_TCK / run.seconds) * 100);
        figures.push(
          { bench: 'scale-out', metric: `orders_per_s_${processes}_api`, value: round(orders / run.seconds, 1), unit: 'orders/s', note: `${clients} clients, ${orders} orders, ${run.failed} failed, p95 ${round(percentile(run.latencies, 95), 0)} ms` },
          { bench: 'scale-out', metric: `cpu_per_api_${processes}_api`, value: round(cpu.reduce((a, b) => a + b, 0) / cpu.length, 0), unit: '% of a core', note: `each: ${cpu.map((c) => round(c, 0)).join(', ')}` },
        );
      } finally {
        for (const a of apis) a.child.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await bench.drop();
    return figures;
  },
};
