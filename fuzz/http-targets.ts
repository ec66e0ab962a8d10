import fc from 'fast-check';
import { csvSamples, ediSamples } from './corpus.ts';
import { drive, type Budget, type FuzzReport } from './drive.ts';
import { anyJson, mutationOf } from './hostile-inputs.ts';
import { shapedBy, type JsonSchema } from './schema-inputs.ts';

export interface FuzzServer {
  url: string;
  /** Session cookie of an administrator: every route is open to it, so bodies reach the use cases. */
  cookie: string;
}

interface Operation {
  method: string;
  path: string;
  schema: JsonSchema;
}

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const NO_SUCH_ID = '00000000-0000-7000-8000-000000000000';
// Their own tests cover them; fuzzing them would sign the fuzzer out or lock its account.
const SKIPPED = /^\/api\/v1\/auth\//;

/** A response is sound when it is below 500 and, when it refuses, says why in the error shape. */
async function soundAnswer(res: Response): Promise<string | null> {
  const text = await res.text();
  if (res.status >= 500) return `answered ${res.status}: ${text.slice(0, 300)}`;
  if (res.status >= 400) {
    try {
      const body = JSON.parse(text) as { error?: { code?: unknown } };
      if (typeof body.error?.code !== 'string') return `answered ${res.status} without an error code: ${text.slice(0, 200)}`;
    } catch {
      return `answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`;
    }
  }
  return null;
}

async function send(server: FuzzServer, method: string, path: string, body: string | Uint8Array, contentType: string): Promise<string | null> {
  try {
    const res = await fetch(`${server.url}${path}`, { method, headers: { cookie: server.cookie, 'content-type': contentType }, body });
    return await soundAnswer(res);
  } catch (e) {
    return `the connection failed (did the server crash?): ${String(e)}`;
  }
}

async function jsonOperations(server: FuzzServer): Promise<{ ops: Operation[]; resolve: (ref: string) => JsonSchema }> {
  const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as OpenApi;
  const resolve = (ref: string) => doc.components?.schemas?.[ref.split('/').at(-1)!] ?? {};
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) => {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      return schema && !SKIPPED.test(path) ? [{ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, NO_SUCH_ID), schema }] : [];
    }));
  return { ops, resolve };
}

/** Bodies no client should send: broken or deep JSON, bytes that are not UTF-8, a wrong type. */
const RAW_BODIES: ReadonlyArray<{ body: string | Uint8Array; type: string }> = [
  { body: '{"a":', type: 'application/json' },
  { body: '['.repeat(20_000) + ']'.repeat(20_000), type: 'application/json' },
  { body: `{"x":${'{"x":'.repeat(5_000)}1${'}'.repeat(5_001)}`, type: 'application/json' },
  { body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]), type: 'application/json' },
  { body: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', type: 'application/json' },
  { body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
  { body: 'x'.repeat(3 * 1024 * 1024), type: 'application/json' },
];

export const HTTP_TARGETS: Record<string, (server: FuzzServer, budget: Budget, seed: number) => Promise<FuzzReport>> = {
  async 'json-bodies'(server, budget, seed) {
    const { ops, resolve } = await jsonOperations(server);
    const input = fc.constantFrom(...ops).chain((op) =>
      fc.oneof({ arbitrary: shapedBy(op.schema, resolve), weight: 4 }, { arbitrary: anyJson, weight: 1 }).map((body) => ({ op: `${op.method} ${op.path}`, body })));
    return drive('json-bodies', input, budget, seed, ({ op, body }) => {
      const [method, path] = op.split(' ') as [string, string];
      return send(server, method, path, JSON.stringify(body ?? null), 'application/json');
    });
  },
  async 'raw-bodies'(server, budget, seed) {
    const { ops } = await jsonOperations(server);
    const input = fc.record({ op: fc.constantFrom(...ops), raw: fc.constantFrom(...RAW_BODIES) });
    return drive('raw-bodies', input, budget, seed, ({ op, raw }) => send(server, op.method, op.path, raw.body, raw.type));
  },
  'csv-import': (server, budget, seed) =>
    drive('csv-import', fc.record({ csv: fc.constantFrom(...csvSamples()).chain(mutationOf), dryRun: fc.boolean() }), budget, seed,
      ({ csv, dryRun }) => send(server, 'POST', `/api/v1/imports/devices${dryRun ? '?dryRun=true' : ''}`, csv, 'text/csv')),
  'edi-inbound': (server, budget, seed) =>
    drive('edi-inbound', fc.constantFrom(...ediSamples()).chain(mutationOf), budget, seed,
      (text) => send(server, 'POST', '/api/v1/edi/inbound', text, 'application/edi-x12')),
};
