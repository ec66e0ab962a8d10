import { describe, expect, it } from 'vitest';
import { checkOrderInput } from './check-order-input.ts';

const customerId = '01890000-0000-7000-8000-000000000001';

describe('checkOrderInput', () => {
  it('given a well-formed order, then it is returned as it is', () => {
    const input = { customerId, externalPo: 'PO-1', currency: 'CNY', lines: [{ gtin: '06900001000014', quantity: 2, uom: 'CA' }] };
    expect(checkOrderInput(input)).toBe(input);
  });

  it('given values out of the schema, then VALIDATION_FAILED names the field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ externalPo: 'P'.repeat(65) }, 'externalPo'],
      [{ currency: 'usd' }, 'currency'],
      [{ lines: [{ deviceCode: 'X', quantity: 0 }] }, 'lines.0.quantity'],
      [{ lines: [{ deviceCode: 'X', quantity: 1, buyerItem: 'B'.repeat(65) }] }, 'lines.0.buyerItem'],
      [{ requestedDate: '2026-13-01' }, 'requestedDate'],
    ];
    for (const [change, field] of cases) {
      const input = { customerId, lines: [{ deviceCode: 'X', quantity: 1 }], ...change };
      expect(() => checkOrderInput(input as never), field).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
    }
  });
});
