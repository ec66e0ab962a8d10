import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors.ts';
import { matchReceipt, type OpenPoLine } from './match-receipt.ts';

const lines: OpenPoLine[] = [
  { id: 'l2', lineNo: 2, deviceId: 'stent', quantity: 10, qtyReceived: 0 },
  { id: 'l1', lineNo: 1, deviceId: 'stent', quantity: 5, qtyReceived: 3 },
  { id: 'l3', lineNo: 3, deviceId: 'gauze', quantity: 100, qtyReceived: 0 },
];

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('did not throw');
};

describe('matchReceipt', () => {
  it('given a device on two lines, when 6 arrive, then the earlier line is filled first and the rest goes to the next', () => {
    expect(matchReceipt('PO-1', lines, [{ deviceId: 'stent', quantity: 6, field: 'lines.0' }])).toEqual([
      { arriving: 0, poLineId: 'l1', quantity: 2 },
      { arriving: 0, poLineId: 'l2', quantity: 4 },
    ]);
  });

  it('given two arriving lines of one device, then the second continues where the first stopped', () => {
    expect(matchReceipt('PO-1', lines, [
      { deviceId: 'stent', quantity: 1, field: 'lines.0' },
      { deviceId: 'stent', quantity: 11, field: 'lines.1' },
      { deviceId: 'gauze', quantity: 100, field: 'lines.2' },
    ])).toEqual([
      { arriving: 0, poLineId: 'l1', quantity: 1 },
      { arriving: 1, poLineId: 'l1', quantity: 1 },
      { arriving: 1, poLineId: 'l2', quantity: 10 },
      { arriving: 2, poLineId: 'l3', quantity: 100 },
    ]);
  });

  it('given more than is open, when received, then over-receipt is refused naming the quantity of that line', () => {
    expect(errorOf(() => matchReceipt('PO-1', lines, [{ deviceId: 'stent', quantity: 13, field: 'lines.0' }])))
      .toEqual({ code: 'VALIDATION_FAILED', field: 'lines.0.quantity' });
    expect(errorOf(() => matchReceipt('PO-1', lines, [
      { deviceId: 'stent', quantity: 7, field: 'lines.0' },
      { deviceId: 'stent', quantity: 6, field: 'lines.1' },
    ]))).toEqual({ code: 'VALIDATION_FAILED', field: 'lines.1.quantity' });
  });

  it('given exactly what is open, then it is accepted', () => {
    expect(matchReceipt('PO-1', lines, [{ deviceId: 'stent', quantity: 12, field: 'lines.0' }]).reduce((n, a) => n + a.quantity, 0)).toBe(12);
  });

  it('given a device the order does not hold, then it is refused as the wrong device', () => {
    expect(errorOf(() => matchReceipt('PO-1', lines, [{ deviceId: 'reagent', quantity: 1, field: 'lines.0' }])))
      .toEqual({ code: 'SCAN_WRONG_DEVICE', field: 'lines.0' });
  });
});
