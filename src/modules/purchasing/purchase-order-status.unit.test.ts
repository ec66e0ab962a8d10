import { describe, expect, it } from 'vitest';
import { assertPoAction, decidePoStatus, statusAfterReceipt } from './purchase-order-status.ts';

describe('purchase order status', () => {
  it('given a draft, when approved then sent, then approved then sent', () => {
    expect(decidePoStatus('approve', { number: 'PO-1', status: 'draft' })).toBe('approved');
    expect(decidePoStatus('send', { number: 'PO-1', status: 'approved' })).toBe('sent');
  });

  it('given goods already arrived, when cancelled, then INVALID_STATE', () => {
    expect(() => decidePoStatus('cancel', { number: 'PO-1', status: 'partially_received' })).toThrow(/cannot be cancelled/);
    expect(decidePoStatus('cancel', { number: 'PO-1', status: 'sent' })).toBe('cancelled');
  });

  it('given a draft, then nothing can be received against it', () => {
    expect(() => assertPoAction('receive', { number: 'PO-1', status: 'draft' })).toThrow(/INVALID_STATE|cannot be received/);
    expect(() => assertPoAction('receive', { number: 'PO-1', status: 'approved' })).not.toThrow();
  });

  it('given line quantities, then received only when every line is complete', () => {
    expect(statusAfterReceipt([{ quantity: 5, qtyReceived: 5 }, { quantity: 3, qtyReceived: 1 }])).toBe('partially_received');
    expect(statusAfterReceipt([{ quantity: 5, qtyReceived: 5 }, { quantity: 3, qtyReceived: 3 }])).toBe('received');
  });
});
