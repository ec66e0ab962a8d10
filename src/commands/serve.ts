import os from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { openRuntime, eventHandlers, type Runtime } from '../runtime.ts';
import { buildApp } from '../app.ts';
import { ensureAdmin } from '../modules/auth/ensure-admin.ts';
import { startOutboxWorker, drainOutboxOnce } from '../platform/outbox/outbox-worker.ts';
import { startScheduler } from '../platform/scheduler/scheduler.ts';
import { scheduledJobs } from '../scheduled-jobs.ts';
import { seedDemo, hasDemoData } from '../seed/seed-demo.ts';
import { runCommand } from '../platform/cli/run-command.ts';
import { describeDropOutcome, startDropFolderWatcher } from '../modules/edi-intake/drop-folder.ts';

const workerId = (): string => `${os.hostname()}:${process.pid}`;

function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: shutting down\n`);
    stop().then(
      () => (process.exitCode = 0),
      (e) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function startServer(rt: Runtime, o: { seedDemo?: boolean; worker?: boolean }) {
  const admin = await ensureAdmin(rt.db, rt.config.adminPassword);
  if (o.seedDemo && !(await hasDemoData(rt.db))) {
    process.stderr.write('seeding demo data …\n');
    await seedDemo(rt);
  }
  const app = await buildApp({ db: rt.db, replica: rt.replica, config: rt.config, crypto: rt.crypto });
  // Embedded mode has one process, so its worker runs here; on PostgreSQL run `lotline worker` too.
  const runWorker = o.worker ?? rt.db.kind === 'pglite';
  const worker = runWorker
    ? startOutboxWorker(rt.db, eventHandlers(rt), { workerId: workerId(), leaseMs: rt.config.outboxLeaseMs, onError: (e) => app.log.error({ err: e }, 'outbox worker') })
    : null;
  const scheduler = runWorker
    ? startScheduler(rt.db, scheduledJobs(), { processId: workerId(), onError: (e) => app.log.error({ err: e }, 'scheduled jobs') })
    : null;
  const dropFolder = rt.config.ediDropDir
    ? startDropFolderWatcher(rt.db, rt.config.ediDropDir, { onOutcome: (x) => app.log.info(`EDI drop folder: ${describeDropOutcome(x)}`), onError: (e) => app.log.error({ err: e }, 'EDI drop folder') })
    : null;
  const address = await app.listen({ port: rt.config.port, host: rt.config.host });
  const url = address.replace('0.0.0.0', 'localhost');
  process.stdout.write(`Lotline is running at ${url}/  (API: ${url}/api/v1, docs: ${url}/api/v1/docs)\n`);
  if (admin) {
    process.stdout.write(
      admin.generated
        ? `First start: user "admin" created with password ${admin.password} — it is shown only this once.\n`
        : 'First start: user "admin" created with the password from LOTLINE_ADMIN_PASSWORD.\n',
    );
  }
  onShutdown(async () => {
    await app.close();
    await worker?.stop();
    await scheduler?.stop();
    await dropFolder?.stop();
    await rt.close();
  });
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the API and web UI (and, on the embedded database, the outbox worker)')
    .option('--seed-demo', 'load the demo data set on first start')
    .option('--worker', 'also run the outbox worker in this process (default on the embedded database)')
    .option('--no-worker', 'do not run the outbox worker in this process')
    .action(async (o: { seedDemo?: boolean; worker?: boolean }) => {
      const rt = await openRuntime(loadConfig(), { warn: (m) => process.stderr.write(`${m}\n`) });
      try {
        await startServer(rt, o);
      } catch (e) {
        await rt.close();
        throw e;
      }
    });

  program
    .command('worker')
    .description('drain the outbox (any number may run beside the API on PostgreSQL)')
    .option('--once', 'drain what is due, then exit')
    .option('--json', 'machine-readable output (with --once)')
    .action(async (o: { once?: boolean; json?: boolean }) => {
      const rt = await openRuntime(loadConfig(), { warn: (m) => process.stderr.write(`${m}\n`) });
      if (o.once) {
        await runCommand(o, async () => {
          try {
            const total = { claimed: 0, done: 0, retried: 0, dead: 0 };
            for (;;) {
              const r = await drainOutboxOnce(rt.db, eventHandlers(rt), { workerId: workerId(), leaseMs: rt.config.outboxLeaseMs });
              for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k];
              if (r.claimed === 0) return total;
            }
          } finally {
            await rt.close();
          }
        }, (t) => `outbox: ${t.done} done, ${t.retried} to retry, ${t.dead} dead-lettered`);
        return;
      }
      const worker = startOutboxWorker(rt.db, eventHandlers(rt), {
        workerId: workerId(),
        leaseMs: rt.config.outboxLeaseMs,
        onError: (e) => process.stderr.write(`outbox worker: ${String(e)}\n`),
      });
      const scheduler = startScheduler(rt.db, scheduledJobs(), { processId: workerId(), onError: (e) => process.stderr.write(`scheduled jobs: ${String(e)}\n`) });
      process.stderr.write(`outbox worker ${workerId()} running\n`);
      onShutdown(async () => {
        await worker.stop();
        await scheduler.stop();
        await rt.close();
      });
    });
}
