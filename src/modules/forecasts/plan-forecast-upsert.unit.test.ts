import { describe, expect, it } from 'vitest';
import { parsePeriod } from './forecast-period.ts';
import type { KeyedRow } from './forecast-rows.ts';
import { planForecastUpsert, type StoredForecast } from './plan-forecast-upsert.ts';

const C = '00000000-0000-7000-8000-0000000000c1';
const D = '00000000-0000-7000-8000-0000000000d1';
const row = (r: number, period: string, quantity: number): KeyedRow => ({ row: r, customerId: C, channel: null, deviceId: D, period: parsePeriod(period)!, quantity });
const stored = (id: string, period: string, quantity: number, consumed = 0): StoredForecast =>
  ({ id, customerId: C, channel: null, deviceId: D, period, quantity, consumed });
let n = 0;
const newId = () => `new-${++n}`;

describe('planForecastUpsert', () => {
  it('given new, changed and equal rows, then create, update and leave alone', () => {
    const plan = planForecastUpsert([row(2, '2026-05', 10), row(3, '2026-06', 20), row(4, '2026-07', 30)],
      [stored('f6', '2026-06', 15), stored('f7', '2026-07', 30)], newId);
    expect(plan.create.map((r) => [r.row, r.id.startsWith('new-')])).toEqual([[2, true]]);
    expect(plan.update.map((r) => [r.row, r.id, r.oldQuantity, r.quantity])).toEqual([[3, 'f6', 15, 20]]);
    expect(plan.unchanged.map((r) => [r.row, r.id])).toEqual([[4, 'f7']]);
    expect(plan.errors).toEqual([]);
  });

  it('given a quantity below what orders consumed, then refused; equal to it is fine', () => {
    const plan = planForecastUpsert([row(2, '2026-05', 39), row(3, '2026-06', 40)], [stored('f5', '2026-05', 100, 40), stored('f6', '2026-06', 100, 40)], newId);
    expect(plan.errors).toEqual([expect.objectContaining({ row: 2, column: 'quantity', code: 'INVALID_STATE' })]);
    expect(plan.update.map((r) => r.id)).toEqual(['f6']);
  });

  it('given a week inside a stored month with demand, then a conflict, unless the batch zeroes that month', () => {
    const month = stored('fm', '2026-03', 50);
    expect(planForecastUpsert([row(2, '2026-W10', 5)], [month], newId).errors).toEqual([expect.objectContaining({ row: 2, code: 'CONFLICT' })]);
    const switched = planForecastUpsert([row(2, '2026-03', 0), row(3, '2026-W10', 5)], [month], newId);
    expect(switched.errors).toEqual([]);
    expect(switched.create.map((r) => r.period.period)).toEqual(['2026-W10']);
  });
});
