import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';

let t: TestApp;
let w: OrderWorld;
let planner: HttpClient;
let hospitalCode: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await orderWorld(t.db, t.crypto);
  planner = await t.userClient('planner');
  hospitalCode = (await t.db.query<{ code: string }>('SELECT code FROM parties WHERE id = $1', [w.hospital.id])).rows[0]!.code;
});
afterAll(() => t.close());

const csv = (text: string, query = '') =>
  planner.request('POST', `/api/v1/forecasts/import${query}`, text, { 'content-type': 'text/csv' });
const list = async (query: string) => (await planner.get(`/api/v1/forecasts?${query}`)).body;

describe('POST /api/v1/forecasts (JSON)', () => {
  it('creates forecasts by customer or channel, device and period, and reports each row', async () => {
    const res = await planner.post('/api/v1/forecasts', { sourceRef: 'plan-2027.xlsx', forecasts: [
      { customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-01', quantity: 100 },
      { customerId: w.hospital.id, deviceId: w.gauze.id, period: '2027-W02', quantity: 40 },
      { channel: 'export', deviceCode: w.stent.code, period: '2027-01', quantity: 300 },
    ] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(res.body.forecasts.map((f: any) => [f.row, f.action])).toEqual([[0, 'created'], [1, 'created'], [2, 'created']]);
    const stored = await list(`deviceId=${w.stent.id}`);
    expect(stored.items.map((f: any) => [f.customerCode, f.channel, f.period, f.periodStart, f.periodEnd, f.quantity, f.consumed, f.remaining])).toEqual([
      [hospitalCode, null, '2027-01', '2027-01-01', '2027-01-31', 100, 0, 100],
      [null, 'export', '2027-01', '2027-01-01', '2027-01-31', 300, 0, 300],
    ]);
    expect(stored.items[0]).toMatchObject({ source: 'api', sourceRef: 'plan-2027.xlsx', updatedBy: planner.username });
  });

  it('upserts by the natural key, and audits the batch as one record', async () => {
    const res = await planner.post('/api/v1/forecasts', { forecasts: [
      { customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-01', quantity: 120 },
      { channel: 'export', deviceCode: w.stent.code, period: '2027-01', quantity: 300 },
    ] });
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const admin = await t.userClient('admin');
    const audit = (await admin.get(`/api/v1/audit?entity=forecast_import&id=${res.body.batchId}`)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'imported', actorName: planner.username });
    expect(audit[0].changes.quantities.new).toEqual([expect.objectContaining({ period: '2027-01', old: 100, new: 120 })]);
  });

  it('on a dry run reports what it would do and writes nothing', async () => {
    const res = await planner.post('/api/v1/forecasts', { dryRun: true, forecasts: [
      { customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-01', quantity: 1 },
      { customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-02', quantity: 1 },
    ] });
    expect(res.body).toMatchObject({ dryRun: true, batchId: null, created: 1, updated: 1, errors: [] });
    expect((await list(`deviceId=${w.stent.id}&customerId=${w.hospital.id}`)).items.map((f: any) => f.quantity)).toEqual([120]);
  });

  it('checks every row and imports nothing when one is wrong', async () => {
    const before = (await list('limit=500')).total;
    const res = await planner.post('/api/v1/forecasts', { forecasts: [
      { customerCode: 'NO-SUCH', deviceCode: w.stent.code, period: '2027-03', quantity: 1 },
      { customerCode: hospitalCode, deviceCode: 'NO-SUCH', period: '2027-03', quantity: 1 },
      { customerCode: hospitalCode, deviceCode: w.stent.code, period: '2025-W53', quantity: 1 },
      { customerCode: hospitalCode, channel: 'export', deviceCode: w.stent.code, period: '2027-03', quantity: 1 },
      { customerCode: hospitalCode, deviceCode: w.gauze.code, period: '2027-03', quantity: 5 },
      { customerCode: hospitalCode, deviceCode: w.gauze.code, period: '2027-03', quantity: 6 },
      { customerCode: hospitalCode, deviceCode: w.gauze.code, period: '2027-01', quantity: 7 },
      { customerCode: hospitalCode, deviceCode: w.coldDevice.code, period: '2027-04', quantity: 8 },
    ] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_FAILED', field: 'forecasts.0.customerCode' });
    expect(res.body.error.details.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([
      [0, 'customerCode', 'NOT_FOUND'],
      [1, 'deviceCode', 'NOT_FOUND'],
      [2, 'period', 'VALIDATION_FAILED'],
      [3, 'customerCode', 'VALIDATION_FAILED'],
      [5, 'period', 'DUPLICATE'],
      // 2027-01 overlaps the stored week 2027-W02 of the same customer and device.
      [6, 'period', 'CONFLICT'],
    ]);
    expect(res.body.error.details.errors[0].message).toMatch(/NO-SUCH/);
    expect((await list('limit=500')).total).toBe(before);
  });

  it('refuses a body of the wrong shape naming the field', async () => {
    const row = { customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-05', quantity: 1 };
    const cases: Array<[unknown, string]> = [
      [{ forecasts: [{ ...row, quantity: -1 }] }, 'forecasts.0.quantity'],
      [{ forecasts: [{ ...row, quantity: 2.5 }] }, 'forecasts.0.quantity'],
      [{ forecasts: [{ ...row, period: 'May' }] }, 'forecasts.0.period'],
      [{ forecasts: [{ ...row, period: '2027-13' }] }, 'forecasts.0.period'],
      [{ forecasts: [{ ...row, channel: 'Export Sales' }] }, 'forecasts.0.channel'],
      [{ forecasts: [{ ...row, customerId: 'h1' }] }, 'forecasts.0.customerId'],
      [{ forecasts: [{ deviceCode: w.stent.code, period: '2027-05' }] }, 'forecasts.0.quantity'],
      [{ forecasts: [] }, 'forecasts'],
      [{}, 'forecasts'],
    ];
    for (const [body, field] of cases) {
      const res = await planner.post('/api/v1/forecasts', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }
  });
});

describe('POST /api/v1/forecasts/import (CSV)', () => {
  it('imports a CSV with Chinese headers, rows numbered by line', async () => {
    const res = await csv(`\uFEFF客户编码,器械编码,期间,数量\r\n${hospitalCode},${w.coldDevice.code},2027-02,60\r\n${hospitalCode},${w.coldDevice.code},2027-03,70\r\n`, '?sourceRef=forecast-feb.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, errors: [] });
    expect(res.body.forecasts.map((f: any) => f.row)).toEqual([2, 3]);
    expect((await list(`deviceId=${w.coldDevice.id}`)).items[0]).toMatchObject({ source: 'csv', sourceRef: 'forecast-feb.csv', quantity: 60 });
  });

  it('reports every bad row with its line and column, importing nothing', async () => {
    const text = [
      'customerCode,deviceCode,period,quantity',
      `${hospitalCode},${w.coldDevice.code},2027-02,65`,
      `${hospitalCode},${w.coldDevice.code},2027-2,1`,
      `${hospitalCode},${w.coldDevice.code},2027-04,lots`,
      `${hospitalCode},${w.coldDevice.code},,4`,
      `NOBODY,${w.coldDevice.code},2027-05,4`,
    ].join('\n');
    const res = await csv(text);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'IMPORT_FAILED', field: 'period' });
    expect(res.body.error.details.errors.map((e: any) => [e.row, e.column])).toEqual([[3, 'period'], [4, 'quantity'], [5, 'period'], [6, 'customerCode']]);
    expect((await list(`deviceId=${w.coldDevice.id}&from=2027-02&to=2027-02`)).items[0].quantity).toBe(60);
    const dry = await csv(text, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, updated: 1, errors: [expect.objectContaining({ row: 3 }), expect.anything(), expect.anything(), expect.anything()] });
  });

  it('is in the OpenAPI document as a text/csv upload', async () => {
    const doc = (await planner.get('/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/v1/forecasts/import'].post.requestBody.content)).toEqual(['text/csv']);
    expect(doc.paths['/api/v1/forecasts/convert'].post).toBeDefined();
    expect(doc.paths['/api/v1/portal/cart/submit'].post).toBeDefined();
  });

  it('refuses a file it cannot read, naming the missing column', async () => {
    const noQty = await csv(`customerCode,deviceCode,period\n${hospitalCode},${w.stent.code},2027-05\n`);
    expect(noQty.status).toBe(400);
    expect(noQty.body.error).toMatchObject({ code: 'IMPORT_FORMAT', field: 'quantity' });
    expect((await csv('')).status).toBe(400);
    const json = await planner.request('POST', '/api/v1/forecasts/import', { rows: [] });
    expect(json.status).toBe(400);
    expect((await csv('customerCode,deviceCode,period,quantity\n', '?dryRun=maybe')).body.error.field).toBe('querystring.dryRun');
  });
});

describe('GET /api/v1/forecasts', () => {
  it('filters by customer, channel, device and periods overlapping from–to (days, months or weeks)', async () => {
    expect((await list('channel=export')).items.map((f: any) => f.channel)).toEqual(['export']);
    expect((await list(`customerId=${w.hospital.id}&from=2027-02-01`)).items.map((f: any) => f.period)).toEqual(['2027-02', '2027-03']);
    expect((await list(`customerId=${w.hospital.id}&to=2027-W02`)).items.map((f: any) => f.period)).toEqual(['2027-01', '2027-W02']);
    expect((await list(`customerId=${w.hospital.id}&from=2027-01-12&to=2027-01-12`)).items.map((f: any) => f.period)).toEqual(['2027-01', '2027-W02']);
    expect((await list('open=false')).total).toBe(0);
  });

  it('refuses bad filters naming the field', async () => {
    for (const [query, field] of [['from=soon', 'querystring.from'], ['to=2027-02-30', 'to'], ['customerId=h1', 'querystring.customerId'], ['limit=0', 'querystring.limit']]) {
      const res = await planner.get(`/api/v1/forecasts?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('is for planning: sales may import and read, others may not', async () => {
    const sales = await t.userClient('sales');
    expect((await sales.get('/api/v1/forecasts')).status).toBe(200);
    expect((await sales.post('/api/v1/forecasts', { forecasts: [{ customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-06', quantity: 5 }] })).status).toBe(200);
    const warehouse = await t.userClient('warehouse');
    expect((await warehouse.get('/api/v1/forecasts')).status).toBe(403);
    const portal = await t.userClient('hospital_portal', { organisationId: w.hospital.id });
    expect((await portal.post('/api/v1/forecasts', { forecasts: [{ customerCode: hospitalCode, deviceCode: w.stent.code, period: '2027-06', quantity: 9 }] })).status).toBe(403);
    expect((await portal.get('/api/v1/forecasts')).status).toBe(403);
  });
});
