import { describe, expect, it } from 'vitest';
import { parsePeriod } from './forecast-period.ts';
import { checkBatch, checkRowShape, type KeyedRow } from './forecast-rows.ts';

const C = '00000000-0000-7000-8000-0000000000c1';
const D = '00000000-0000-7000-8000-0000000000d1';
const keyed = (row: number, period: string, quantity = 10, more: Partial<KeyedRow> = {}): KeyedRow =>
  ({ row, customerId: C, channel: null, deviceId: D, period: parsePeriod(period)!, quantity, ...more });

describe('checkRowShape', () => {
  it('given one customer (or channel), one device and a real period, then no error', () => {
    expect(checkRowShape({ row: 2, customerCode: 'H1', deviceCode: 'D1', period: '2026-05', quantity: 5 })).toBeNull();
    expect(checkRowShape({ row: 2, channel: 'export', deviceId: D, period: '2026-W20', quantity: 0 })).toBeNull();
  });

  it('given no customer or two of customer and channel, then the customer column', () => {
    expect(checkRowShape({ row: 3, deviceCode: 'D1', period: '2026-05', quantity: 5 })).toMatchObject({ row: 3, column: 'customerCode' });
    expect(checkRowShape({ row: 3, customerCode: 'H1', channel: 'export', deviceCode: 'D1', period: '2026-05', quantity: 5 }))
      .toMatchObject({ column: 'customerCode', code: 'VALIDATION_FAILED' });
  });

  it('given no device or two, then the device column', () => {
    expect(checkRowShape({ row: 4, customerCode: 'H1', period: '2026-05', quantity: 5 })).toMatchObject({ column: 'deviceCode' });
    expect(checkRowShape({ row: 4, customerCode: 'H1', deviceCode: 'D1', deviceId: D, period: '2026-05', quantity: 5 })).toMatchObject({ column: 'deviceCode' });
  });

  it('given a week the year does not have, then the period column', () => {
    expect(checkRowShape({ row: 5, customerCode: 'H1', deviceCode: 'D1', period: '2025-W53', quantity: 5 })).toMatchObject({ column: 'period' });
  });
});

describe('checkBatch', () => {
  it('given the same customer, device and period twice, then the second row is a duplicate', () => {
    expect(checkBatch([keyed(2, '2026-05'), keyed(3, '2026-06'), keyed(4, '2026-05')])).toEqual([
      expect.objectContaining({ row: 4, column: 'period', code: 'DUPLICATE', message: expect.stringContaining('row 2') }),
    ]);
  });

  it('given a month and an overlapping week of one customer and device, then a conflict', () => {
    expect(checkBatch([keyed(2, '2026-03'), keyed(3, '2026-W10')])).toEqual([expect.objectContaining({ row: 3, code: 'CONFLICT' })]);
  });

  it('given months and weeks that do not overlap, or of other customers, channels or devices, or zero, then no error', () => {
    expect(checkBatch([
      keyed(2, '2026-03'), keyed(3, '2026-W15'),
      keyed(4, '2026-W10', 10, { customerId: null, channel: 'export' }),
      keyed(5, '2026-W10', 10, { deviceId: '00000000-0000-7000-8000-0000000000d2' }),
      keyed(6, '2026-W11', 0),
    ])).toEqual([]);
  });
});
