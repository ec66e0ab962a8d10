import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandlers } from '../../platform/http/error-handler.ts';
import type { App } from '../../platform/http/create-server.ts';
import { registerWebRoutes } from './routes.ts';

let built: string;

async function appServing(dist: string) {
  const app = Fastify({ logger: false });
  installErrorHandlers(app);
  registerWebRoutes(app as unknown as App, dist);
  await app.ready();
  return app;
}

beforeAll(() => {
  built = `${fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-web-'))}/`;
  fs.mkdirSync(path.join(built, 'assets'));
  fs.writeFileSync(path.join(built, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(built, 'assets', 'app-123.js'), 'console.log(1)');
});

afterAll(() => fs.rmSync(built, { recursive: true, force: true }));

describe('the web console at /', () => {
  it('serves index.html at / and for client routes (SPA fallback), never cached', async () => {
    const app = await appServing(built);
    for (const url of ['/', '/orders/0190a0b0-0000-7000-8000-000000000000', '/portal/cart?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('serves built assets with long caching, and 404 for a missing asset', async () => {
    const app = await appServing(built);
    const js = await app.inject({ url: '/assets/app-123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/gone-456.js' })).statusCode).toBe(404);
  });

  it('never answers an /api path with the console: unknown API routes stay JSON 404s', async () => {
    const res = await (await appServing(built)).inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('never serves a file outside the build directory', async () => {
    const app = await appServing(built);
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await app.inject({ url });
      expect(res.body).not.toContain('"name"');
    }
  });

  it('without a build, / points to the API documentation and client routes are 404', async () => {
    const app = await appServing(path.join(built, 'missing/'));
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('/api/v1/docs');
    expect((await app.inject({ url: '/orders' })).statusCode).toBe(404);
  });
});
