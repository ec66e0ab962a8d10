import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the HTTP server', () => {
  it('answers health and readiness', async () => {
    const anon = t.anonymous();
    expect((await anon.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await anon.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('serves a valid OpenAPI document without authentication', async () => {
    const res = await t.anonymous().get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = structuredClone(res.body);
    await expect(SwaggerParser.validate(doc)).resolves.toBeTruthy();
    expect(Object.keys(res.body.paths)).toContain('/api/v1/parties');
    expect(Object.keys(res.body.paths)).toContain('/api/v1/auth/login');
  });

  it('serves the API docs page', async () => {
    const res = await fetch(`${t.url}/api/v1/docs/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });

  it('answers / with a page pointing to the API documentation', async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/api/v1/docs');
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await t.anonymous().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('gives every answer a request id, echoing a sane one from the client', async () => {
    const res = await t.anonymous().request('GET', '/healthz', undefined, { 'x-request-id': 'abc-123' });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await t.anonymous().get('/healthz');
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects bad input with a 4xx naming the field, never a 500', async () => {
    const admin = await t.userClient('admin');
    const missing = await admin.post('/api/v1/parties', { kind: 'customer', customerType: 'hospital', nameZh: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });

    const wrongType = await admin.post('/api/v1/parties', { code: 'A1', kind: 'customer', customerType: 'hospital', nameZh: 'x', paymentTermsDays: 'soon' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.field).toBe('paymentTermsDays');

    const badJson = await admin.request('POST', '/api/v1/parties', '{"code": ', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('INVALID_JSON');

    const badUuid = await admin.get('/api/v1/parties/not-a-uuid');
    expect(badUuid.status).toBe(400);
    expect(badUuid.body.error.field).toBe('params.id');

    const tooBig = await admin.post('/api/v1/parties', { code: 'BIG', kind: 'customer', customerType: 'hospital', nameZh: 'x'.repeat(2 * 1024 * 1024) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const xml = await admin.request('POST', '/api/v1/parties', '<party/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
  });

  it('refuses to start when a route declares no permission', async () => {
    const { createServer } = await import('../../src/platform/http/create-server.ts');
    await expect(
      createServer({ db: t.db, config: t.config, crypto: t.crypto }, (app) => {
        app.get('/api/v1/forgotten', async () => ({}));
      }, { logger: false }),
    ).rejects.toThrow(/declares no permission/);
  });
});
