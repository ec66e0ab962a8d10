import { describe, expect, it } from 'vitest';
import { planConversion, type ConvertibleForecast } from './plan-conversion.ts';

const f = (id: string, more: Partial<ConvertibleForecast> = {}): ConvertibleForecast => ({
  id, customerId: 'c1', channel: null, deviceId: `d-${id}`, period: '2026-06', periodStart: '2026-06-01', quantity: 100, consumed: 0, ...more,
});
const today = '2026-05-10';

describe('planConversion', () => {
  it('given no quantities, then all that remains of each, one order per customer, asking for the period start', () => {
    const plan = planConversion({ mode: 'ids', forecasts: [f('a', { consumed: 30 }), f('b', { customerId: 'c2' }), f('c')], quantities: {}, today });
    expect(plan.orders).toEqual([
      { customerId: 'c1', lines: [
        { forecastId: 'a', deviceId: 'd-a', period: '2026-06', quantity: 70, requestedDate: '2026-06-01' },
        { forecastId: 'c', deviceId: 'd-c', period: '2026-06', quantity: 100, requestedDate: '2026-06-01' },
      ] },
      { customerId: 'c2', lines: [expect.objectContaining({ forecastId: 'b', quantity: 100 })] },
    ]);
  });

  it('given a part, then that part; a period already begun asks no date', () => {
    const plan = planConversion({ mode: 'ids', forecasts: [f('a', { period: '2026-05', periodStart: '2026-05-01' })], quantities: { a: 25 }, today });
    expect(plan.orders[0]!.lines).toEqual([expect.objectContaining({ quantity: 25, requestedDate: null })]);
  });

  it('given more than remains, then refused naming the quantity', () => {
    expect(() => planConversion({ mode: 'ids', forecasts: [f('a', { consumed: 90 })], quantities: { a: 11 }, today }))
      .toThrow(expect.objectContaining({ code: 'INVALID_STATE', field: 'quantities.a' }));
  });

  it('given a fully converted or a channel forecast by id, then refused naming it', () => {
    expect(() => planConversion({ mode: 'ids', forecasts: [f('a'), f('b', { consumed: 100 })], quantities: {}, today }))
      .toThrow(expect.objectContaining({ code: 'INVALID_STATE', field: 'forecastIds.1' }));
    expect(() => planConversion({ mode: 'ids', forecasts: [f('a', { customerId: null, channel: 'export' })], quantities: {}, today }))
      .toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'forecastIds.0' }));
  });

  it('given a quantity for a forecast not converted, then refused naming it', () => {
    expect(() => planConversion({ mode: 'ids', forecasts: [f('a')], quantities: { z: 1 }, today }))
      .toThrow(expect.objectContaining({ field: 'quantities.z' }));
  });

  it('by customer and period: fully converted forecasts are passed over; when none remain, refused', () => {
    const plan = planConversion({ mode: 'period', forecasts: [f('a', { consumed: 100 }), f('b')], quantities: {}, today });
    expect(plan.orders[0]!.lines.map((l) => l.forecastId)).toEqual(['b']);
    expect(() => planConversion({ mode: 'period', forecasts: [f('a', { consumed: 100 })], quantities: {}, today }))
      .toThrow(expect.objectContaining({ code: 'INVALID_STATE', field: 'period' }));
  });
});
