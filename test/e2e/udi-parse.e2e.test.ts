import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let wh: HttpClient;
beforeAll(async () => {
  t = await startTestApp();
  wh = await t.userClient('warehouse');
});
afterAll(() => t.close());

describe('POST /api/v1/udi/parse', () => {
  it('parses a GS1 scan with <GS> separators into the DESIGN.md contract', async () => {
    const res = await wh.post('/api/v1/udi/parse', { scan: ']d201006431690072221716012810A213B1<GS>211234' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scheme: 'GS1', gtin: '00643169007222', expiry: '2016-01-28', lot: 'A213B1', serial: '1234' });
  });

  it('answers a bad check digit with a 400 naming the AI', async () => {
    const res = await wh.post('/api/v1/udi/parse', { scan: '(01)00643169007223(17)160128' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'SCAN_BAD_CHECK_DIGIT', field: 'ai.01' });
  });

  it('answers a list scan by scan, errors in place', async () => {
    const res = await wh.post('/api/v1/udi/parse', { scans: ['(01)00643169007222(10)L1', '(01)00643169007222(17)261332'] });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ gtin: '00643169007222', lot: 'L1' });
    expect(res.body.items[1].error.code).toBe('SCAN_BAD_DATE');
  });

  it('needs a scan and the permission', async () => {
    expect((await wh.post('/api/v1/udi/parse', {})).body.error.field).toBe('scan');
    expect((await (await t.userClient('finance')).post('/api/v1/udi/parse', { scan: '(01)00643169007222' })).status).toBe(403);
  });
});
