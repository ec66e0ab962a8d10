import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createDevice } from '../../src/modules/catalog/create-device.ts';
import { sampleDevice } from '../../src/modules/catalog/devices.fixture.ts';
import { openForecastDemand } from '../../src/modules/forecasts/open-forecast-demand.ts';

let t: TestApp;
let w: OrderWorld;
let planner: HttpClient;
let staff: HttpClient;
let unpricedId: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await orderWorld(t.db, t.crypto);
  planner = await t.userClient('planner');
  staff = await t.userClient('customer_service');
  unpricedId = (await createDevice(t.db, systemActor('test'), sampleDevice(77, { registrationExpiresOn: '2031-01-01' }))).id;
});
afterAll(() => t.close());

/** Imports forecasts for the hospital and returns their ids in the order given. */
async function forecasts(rows: Array<{ deviceId: string; period: string; quantity: number; channel?: string }>): Promise<string[]> {
  const res = await planner.post('/api/v1/forecasts', {
    forecasts: rows.map(({ channel, ...r }) => (channel ? { channel, ...r } : { customerId: w.hospital.id, ...r })),
  });
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res.body.forecasts.map((f: any) => f.id);
}
const convert = (body: unknown, headers?: Record<string, string>) => planner.post('/api/v1/forecasts/convert', body, headers);
const forecast = async (id: string) => (await planner.get('/api/v1/forecasts?limit=500')).body.items.find((f: any) => f.id === id);

describe('POST /api/v1/forecasts/convert', () => {
  it('converts a part of a forecast into a forecast order and records what it consumed', async () => {
    const [stentJan] = await forecasts([{ deviceId: w.stent.id, period: '2027-01', quantity: 100 }]);
    const res = await convert({ forecastIds: [stentJan], quantities: { [stentJan!]: 30 } });
    expect(res.status).toBe(201);
    expect(res.body.orders).toEqual([expect.objectContaining({ customerId: w.hospital.id, lines: [{ lineNo: 1, forecastId: stentJan, deviceId: w.stent.id, quantity: 30 }] })]);
    expect(res.body.forecasts).toEqual([{ id: stentJan, quantity: 100, consumed: 30, remaining: 70 }]);
    const order = (await staff.get(`/api/v1/orders/${res.body.orders[0].id}`)).body;
    expect(order).toMatchObject({ channel: 'forecast', sourceType: 'forecast', sourceRef: '2027-01' });
    expect(order.lines[0]).toMatchObject({ ordered: 30, requestedDate: '2027-01-01', unitPriceMinor: 1_200_000 });
    expect(await forecast(stentJan!)).toMatchObject({ consumed: 30, remaining: 70 });
  });

  it('converts everything that remains of a customer’s period into one order', async () => {
    const [gauzeJan] = await forecasts([{ deviceId: w.gauze.id, period: '2027-01', quantity: 50 }]);
    const res = await convert({ customerId: w.hospital.id, period: '2027-01' });
    expect(res.status).toBe(201);
    expect(res.body.orders).toHaveLength(1);
    expect(res.body.orders[0].lines.map((l: any) => [l.deviceId, l.quantity]).sort()).toEqual([[w.gauze.id, 50], [w.stent.id, 70]].sort());
    expect(await forecast(gauzeJan!)).toMatchObject({ consumed: 50, remaining: 0 });
    const again = await convert({ customerId: w.hospital.id, period: '2027-01' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_STATE', field: 'period' });
  });

  it('never converts more than a forecast holds', async () => {
    const [f] = await forecasts([{ deviceId: w.stent.id, period: '2027-02', quantity: 40 }]);
    const over = await convert({ forecastIds: [f], quantities: { [f!]: 41 } });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'INVALID_STATE', field: `quantities.${f}`, details: { remaining: 40 } });
    expect((await convert({ forecastIds: [f] })).status).toBe(201);
    const done = await convert({ forecastIds: [f] });
    expect(done.status).toBe(409);
    expect(done.body.error.field).toBe('forecastIds.0');
  });

  it('under concurrent conversions, takes no more than the forecast holds', async () => {
    const [f] = await forecasts([{ deviceId: w.stent.id, period: '2027-03', quantity: 100 }]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => convert({ forecastIds: [f], quantities: { [f!]: 30 } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409]);
    expect(await forecast(f!)).toMatchObject({ consumed: 90, remaining: 10 });
    const consumed = await t.db.query<{ n: number; sum: number }>('SELECT count(*)::int AS n, sum(quantity)::int AS sum FROM forecast_consumptions WHERE forecast_id = $1', [f]);
    expect(consumed.rows[0]).toEqual({ n: 3, sum: 90 });
  });

  it('creates one order for one Idempotency-Key', async () => {
    const [f] = await forecasts([{ deviceId: w.gauze.id, period: '2027-04', quantity: 20 }]);
    const headers = { 'idempotency-key': 'convert-apr' };
    const first = await convert({ forecastIds: [f], quantities: { [f!]: 5 } }, headers);
    const again = await convert({ forecastIds: [f], quantities: { [f!]: 5 } }, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.orders[0].id).toBe(first.body.orders[0].id);
    expect(await forecast(f!)).toMatchObject({ consumed: 5 });
  });

  it('leaves nothing behind when the order cannot be placed', async () => {
    const [f] = await forecasts([{ deviceId: unpricedId, period: '2027-05', quantity: 10 }]);
    const res = await convert({ forecastIds: [f] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'PRICE_NOT_FOUND', field: 'lines.0.unitPriceMinor' });
    expect(await forecast(f!)).toMatchObject({ consumed: 0, remaining: 10 });
  });

  it('refuses bad requests naming the field', async () => {
    const [channelF, customerF] = await forecasts([
      { channel: 'export', deviceId: w.stent.id, period: '2027-06', quantity: 10 },
      { deviceId: w.stent.id, period: '2027-06', quantity: 10 },
    ]);
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'forecastIds'],
      [{ forecastIds: [customerF], customerId: w.hospital.id, period: '2027-06' }, 400, 'forecastIds'],
      [{ forecastIds: [] }, 400, 'forecastIds'],
      [{ forecastIds: ['f1'] }, 400, 'forecastIds.0'],
      [{ forecastIds: [customerF, customerF] }, 400, 'forecastIds.1'],
      [{ forecastIds: ['00000000-0000-7000-8000-000000000000'] }, 404, 'forecastIds.0'],
      [{ forecastIds: [channelF] }, 400, 'forecastIds.0'],
      [{ forecastIds: [customerF], quantities: { [channelF!]: 1 } }, 400, `quantities.${channelF}`],
      [{ forecastIds: [customerF], quantities: { [customerF!]: 0 } }, 400, `quantities.${customerF}`],
      [{ customerId: w.hospital.id }, 400, 'period'],
      [{ customerId: w.hospital.id, period: '2027-6' }, 400, 'period'],
      [{ customerId: w.hospital.id, period: '2025-W53' }, 400, 'period'],
      [{ customerId: w.hospital.id, period: '2031-01' }, 404, 'period'],
      [{ forecastIds: [customerF], requestedDate: '2027-02-30x' }, 400, 'requestedDate'],
      [{ forecastIds: [customerF], shipToId: '00000000-0000-7000-8000-000000000000' }, 400, 'shipToId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await convert(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }
    expect(await forecast(customerF!)).toMatchObject({ consumed: 0 });
  });

  it('is a planner’s: sales may not convert', async () => {
    const sales = await t.userClient('sales');
    expect((await sales.post('/api/v1/forecasts/convert', { customerId: w.hospital.id, period: '2027-06' })).status).toBe(403);
  });

  it('keeps a forecast from being imported below what it already converted', async () => {
    const [f] = await forecasts([{ deviceId: w.coldDevice.id, period: '2027-07', quantity: 10 }]);
    await convert({ forecastIds: [f], quantities: { [f!]: 6 } });
    const res = await planner.post('/api/v1/forecasts', { forecasts: [{ customerId: w.hospital.id, deviceId: w.coldDevice.id, period: '2027-07', quantity: 5 }] });
    expect(res.status).toBe(422);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ row: 0, column: 'quantity', code: 'INVALID_STATE' })]);
  });
});

describe('openForecastDemand', () => {
  it('gives planning the remaining demand of devices in periods overlapping a range, channels included', async () => {
    await forecasts([{ channel: 'tender', deviceId: w.coldDevice.id, period: '2027-W27', quantity: 12 }]);
    const open = await openForecastDemand(t.db, { deviceIds: [w.coldDevice.id, w.stent.id], from: '2027-07-01', to: '2027-07-31' });
    expect(open.map((d) => [d.deviceId === w.coldDevice.id ? 'cold' : 'stent', d.period, d.customerId === null ? d.channel : 'hospital', d.remaining])).toEqual([
      ['cold', '2027-07', 'hospital', 4],
      ['cold', '2027-W27', 'tender', 12],
    ]);
    const march = await openForecastDemand(t.db, { deviceIds: [w.stent.id], from: '2027-03-31', to: '2027-03-31' });
    expect(march.map((d) => [d.period, d.remaining])).toEqual([['2027-03', 10]]);
    expect(await openForecastDemand(t.db, { deviceIds: [w.stent.id], from: '2027-01-01', to: '2027-01-31' })).toEqual([]);
  });
});
