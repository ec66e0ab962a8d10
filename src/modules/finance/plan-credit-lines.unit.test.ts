import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors.ts';
import { planCreditLines, type CreditableLine } from './plan-credit-lines.ts';

const line = (lotId: string, quantity: number, creditedQty = 0): CreditableLine =>
  ({ orderId: 'o', orderLineNo: 1, deviceId: 'd', lotId, quantity, unitPriceMinor: 1000, vatCode: 'CN_STD', vatRateBp: 1300, creditedQty });
const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).field;
  }
  return 'no error';
};

describe('planning credit note lines against an invoice', () => {
  it('credits a return at the invoiced price and rate, spreading over lots in invoice order', () => {
    const plan = planCreditLines([line('L1', 5, 4), line('L2', 10)], [{ deviceId: 'd', quantity: 3 }], 'return');
    expect(plan.map((p) => [p.lotId, p.quantity, p.unitPriceMinor, p.vatRateBp])).toEqual([['L1', 1, 1000, 1300], ['L2', 2, 1000, 1300]]);
  });

  it('refuses more returned units than are left to credit, a device not invoiced, and a credit per unit above the invoiced price', () => {
    expect(fieldOf(() => planCreditLines([line('L1', 5, 4)], [{ deviceId: 'd', quantity: 2 }], 'return'))).toBe('lines.0.quantity');
    expect(fieldOf(() => planCreditLines([line('L1', 5)], [{ deviceId: 'd', quantity: 1, lotId: 'L9' }], 'return'))).toBe('lines.0.deviceId');
    expect(fieldOf(() => planCreditLines([line('L1', 5)], [{ deviceId: 'd', quantity: 1, unitPriceMinor: 1001 }], 'return'))).toBe('lines.0.unitPriceMinor');
  });

  it('a price correction states its credit per unit and may cover units already returned', () => {
    expect(fieldOf(() => planCreditLines([line('L1', 5)], [{ deviceId: 'd', quantity: 5 }], 'price_correction'))).toBe('lines.0.unitPriceMinor');
    const plan = planCreditLines([line('L1', 5, 5)], [{ deviceId: 'd', quantity: 5, unitPriceMinor: 100 }], 'price_correction');
    expect(plan.map((p) => [p.quantity, p.unitPriceMinor])).toEqual([[5, 100]]);
  });
});
