import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors.ts';
import { allocateExplicit, allocateOldestFirst, type PayableInvoice } from './allocate-payment.ts';

const inv = (id: string, openMinor: number, dueDate: string, issueDate = '2026-01-01'): PayableInvoice => ({ id, number: `INV-${id}`, openMinor, dueDate, issueDate });
const open = [inv('b', 500, '2026-03-01'), inv('a', 300, '2026-02-01'), inv('c', 700, '2026-03-01', '2025-12-01')];

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).field;
  }
  return 'no error';
};

describe('payment allocation', () => {
  it('given a partial payment, pays the oldest invoice in full and the next in part', () => {
    expect(allocateOldestFirst(600, open)).toEqual({ allocations: [{ invoiceId: 'a', amountMinor: 300 }, { invoiceId: 'c', amountMinor: 300 }], unappliedMinor: 0 });
  });

  it('given more than is owed, keeps the rest unapplied', () => {
    const plan = allocateOldestFirst(2000, open);
    expect(plan.allocations.map((a) => a.amountMinor)).toEqual([300, 700, 500]);
    expect(plan.unappliedMinor).toBe(500);
  });

  it('given explicit allocations, applies them and keeps the rest', () => {
    expect(allocateExplicit(1000, [{ invoiceId: 'b', amountMinor: 200 }], open)).toEqual({ allocations: [{ invoiceId: 'b', amountMinor: 200 }], unappliedMinor: 800 });
  });

  it('refuses an allocation above what is owed, an unknown invoice, a repeat, and a sum above the payment', () => {
    expect(fieldOf(() => allocateExplicit(1000, [{ invoiceId: 'a', amountMinor: 301 }], open))).toBe('allocations.0.amountMinor');
    expect(fieldOf(() => allocateExplicit(1000, [{ invoiceId: 'a', amountMinor: 1 }, { invoiceId: 'x', amountMinor: 1 }], open))).toBe('allocations.1.invoiceId');
    expect(fieldOf(() => allocateExplicit(1000, [{ invoiceId: 'a', amountMinor: 1 }, { invoiceId: 'a', amountMinor: 1 }], open))).toBe('allocations.1.invoiceId');
    expect(fieldOf(() => allocateExplicit(600, [{ invoiceId: 'b', amountMinor: 500 }, { invoiceId: 'c', amountMinor: 200 }], open))).toBe('allocations');
  });
});
