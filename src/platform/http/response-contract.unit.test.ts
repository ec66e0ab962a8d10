import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from './create-server.ts';
import { installResponseContractCheck } from './response-contract.ts';
import { Answer, Nullable, Timestamp } from './schemas.ts';

const Thing = Answer(Type.Object({ id: Type.String(), at: Timestamp(), note: Nullable(Type.String()), tags: Type.Array(Type.Object({ code: Type.String() })) }));

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A server like the test app's: answers as JSON.stringify writes them, checked against the route's schema. */
async function serve(answer: unknown, status = 200) {
  const server: FastifyInstance = Fastify({ logger: false });
  app = server;
  server.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data));
  installResponseContractCheck(server as unknown as App);
  server.get('/thing', { schema: { response: { [status]: Thing } } }, async (_req, reply) => reply.status(status).send(answer));
  server.get('/free', async () => answer);
  const stderr = process.stderr.write;
  process.stderr.write = () => true; // the check's loud line, expected here
  try {
    return { thing: await server.inject('/thing'), free: await server.inject('/free') };
  } finally {
    process.stderr.write = stderr;
  }
}

describe('the response contract check of the test app', () => {
  it('given an answer that matches its schema, then it goes out unchanged (a Date as ISO text)', async () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const { thing } = await serve({ id: 'a', at, note: null, tags: [{ code: 'x' }] });
    expect(thing.statusCode).toBe(200);
    expect(thing.json()).toEqual({ id: 'a', at: at.toISOString(), note: null, tags: [{ code: 'x' }] });
  });

  it('given a field the schema does not declare, even nested, then a 500', async () => {
    const { thing } = await serve({ id: 'a', at: new Date(), note: null, tags: [{ code: 'x', extra: 1 }] });
    expect(thing.statusCode).toBe(500);
  });

  it('given a declared field missing or of another type, then a 500', async () => {
    expect((await serve({ id: 'a', at: new Date(), tags: [] })).thing.statusCode).toBe(500);
    expect((await serve({ id: 1, at: new Date(), note: null, tags: [] })).thing.statusCode).toBe(500);
    expect((await serve({ id: 'a', at: 'yesterday', note: null, tags: [] })).thing.statusCode).toBe(500);
  });

  it('given a 201 declared as the answer, then the 201 is checked too', async () => {
    expect((await serve({ id: 'a' }, 201)).thing.statusCode).toBe(500);
  });

  it('given a route without a response schema, then its answer is not checked', async () => {
    const { free } = await serve({ anything: true });
    expect(free.statusCode).toBe(200);
    expect(free.json()).toEqual({ anything: true });
  });
});
