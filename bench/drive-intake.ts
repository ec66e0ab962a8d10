import { Worker } from 'node:worker_threads';

export interface IntakeWorld {
  customerIds: readonly string[];
  deviceIds: readonly string[];
}

export interface IntakeRun {
  seconds: number;
  /** Each order's time (placed and allocated), sorted. */
  latencies: number[];
  failed: number;
}

/**
 * The intake load: `clients` concurrent clients place 5-line orders, each allocated in the same
 * request (`?allocate=true`), spread round-robin over the API servers in `urls`, until `orders`
 * are done. The clients run in a worker thread (bench/intake-load.js), as a load generator runs
 * beside the server rather than in its event loop: the server in the same process keeps its
 * thread to itself.
 */
export function driveIntake(urls: readonly string[], token: string, world: IntakeWorld, o: { clients: number; orders: number; tag?: string }): Promise<IntakeRun> {
  const worker = new Worker(new URL('./intake-load.js', import.meta.url), {
    workerData: { urls, token, customerIds: world.customerIds, deviceIds: world.deviceIds, clients: o.clients, orders: o.orders, tag: o.tag ?? '' },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (run: IntakeRun) => resolve({ ...run, latencies: run.latencies.sort((a, b) => a - b) }));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the intake load worker exited with ${code}`)));
  });
}
