import { performance } from 'node:perf_hooks';

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
 * request (`?allocate=true`), spread round-robin over the API servers in `urls`, until `orders` are done.
 */
export async function driveIntake(urls: readonly string[], token: string, world: IntakeWorld, o: { clients: number; orders: number; tag?: string }): Promise<IntakeRun> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const auth = { authorization: `Bearer ${token}` };
  const started = performance.now();
  await Promise.all(Array.from({ length: o.clients }, async (_, c) => {
    const url = urls[c % urls.length]!;
    while (next < o.orders) {
      const i = next++;
      const body = {
        customerId: world.customerIds[i % world.customerIds.length],
        externalPo: `BENCH-${o.tag ?? ''}${i}`,
        lines: Array.from({ length: 5 }, (_, k) => ({ deviceId: world.deviceIds[(i * 5 + k) % world.deviceIds.length], quantity: 1 + ((i + k) % 3) })),
      };
      const t0 = performance.now();
      // Place and reserve in one request: priced, rule-checked, confirmed, FEFO-allocated, promised.
      const res = await fetch(`${url}/api/v1/orders?allocate=true`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
      const placed = (await res.json()) as { allocation?: { allocations: unknown[] } | null };
      latencies.push(performance.now() - t0);
      if (res.status !== 201 || !placed.allocation?.allocations.length) failed++;
    }
  }));
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), failed };
}
