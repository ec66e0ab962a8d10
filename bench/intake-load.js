// The intake load generator, run in a worker thread by drive-intake.ts: plain JavaScript because a
// worker does not inherit the tsx loader. It is the client side of the benchmark, so it is kept
// light: node:http over kept-alive connections, not fetch (whose web streams cost as much CPU as
// a good part of the server's work, on the same two cores).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { urls, token, customerIds, deviceIds, clients, orders, tag } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });

/** One POST; resolves with the status and the parsed answer. */
function post(url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch (e) {
          reject(e);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const latencies = [];
let next = 0;
let failed = 0;
const started = performance.now();
await Promise.all(Array.from({ length: clients }, async (_, c) => {
  const url = `${urls[c % urls.length]}/api/v1/orders?allocate=true`;
  while (next < orders) {
    const i = next++;
    const body = JSON.stringify({
      customerId: customerIds[i % customerIds.length],
      externalPo: `BENCH-${tag}${i}`,
      lines: Array.from({ length: 5 }, (_, k) => ({ deviceId: deviceIds[(i * 5 + k) % deviceIds.length], quantity: 1 + ((i + k) % 3) })),
    });
    const t0 = performance.now();
    // Place and reserve in one request: priced, rule-checked, confirmed, FEFO-allocated, promised.
    const res = await post(url, body);
    latencies.push(performance.now() - t0);
    if (res.status !== 201 || !res.body.allocation?.allocations?.length) failed++;
  }
}));
const seconds = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ seconds, latencies, failed });
