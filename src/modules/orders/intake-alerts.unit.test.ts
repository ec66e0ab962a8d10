import { describe, expect, it } from 'vitest';
import { detectIntakeAlerts, type IntakeFacts } from './intake-alerts.ts';

const line = (more: Partial<IntakeFacts['lines'][number]> = {}): IntakeFacts['lines'][number] => ({
  lineNo: 1, deviceCode: 'STENT-01', quantity: 10, coldChain: false, requestedDate: null,
  statedPriceMinor: null, agreedPriceMinor: 5000, largestRecentQuantity: null, ...more,
});
const facts = (more: Partial<IntakeFacts> = {}): IntakeFacts => ({
  today: '2026-11-26', externalPo: 'PO-1', samePoOrders: [], requestedDate: null, transitDays: 2,
  shipToColdChain: true, lines: [line()], ...more,
});
const codes = (f: IntakeFacts) => detectIntakeAlerts(f).map((a) => a.code);

describe('intake alerts', () => {
  it('raise nothing for an ordinary order', () => expect(detectIntakeAlerts(facts())).toEqual([]));

  it('flag a purchase order number received before', () => {
    const [a] = detectIntakeAlerts(facts({ samePoOrders: ['SO-2026-000001'] }));
    expect(a).toMatchObject({ code: 'DUPLICATE_PO', severity: 'medium', lineNo: null });
    expect(a!.zh).toContain('SO-2026-000001');
  });

  it('flag a quantity over 3× the largest order in 180 days, not one at exactly 3×', () => {
    expect(codes(facts({ lines: [line({ quantity: 31, largestRecentQuantity: 10 })] }))).toEqual(['QUANTITY_SPIKE']);
    expect(codes(facts({ lines: [line({ quantity: 30, largestRecentQuantity: 10 })] }))).toEqual([]);
    expect(codes(facts({ lines: [line({ quantity: 1000, largestRecentQuantity: null })] }))).toEqual([]);
  });

  it('flag a stated price that differs from the agreed price, high when lower', () => {
    const lower = detectIntakeAlerts(facts({ lines: [line({ statedPriceMinor: 4000 })] }));
    expect(lower[0]).toMatchObject({ code: 'PRICE_MISMATCH', severity: 'high' });
    expect(detectIntakeAlerts(facts({ lines: [line({ statedPriceMinor: 6000 })] }))[0]!.severity).toBe('medium');
    expect(codes(facts({ lines: [line({ statedPriceMinor: 5000 })] }))).toEqual([]);
  });

  it('flag a requested date in the past, or before the earliest delivery', () => {
    expect(codes(facts({ requestedDate: '2026-11-25' }))).toEqual(['REQUESTED_DATE_PAST']);
    expect(codes(facts({ requestedDate: '2026-11-27' }))).toEqual(['REQUESTED_DATE_INSIDE_LEAD_TIME']);
    expect(codes(facts({ requestedDate: '2026-11-28' }))).toEqual([]);
    expect(codes(facts({ lines: [line({ requestedDate: '2026-01-01' })] }))).toEqual(['REQUESTED_DATE_PAST']);
  });

  it('flag a cold-chain device to a ship-to that cannot receive it', () => {
    expect(codes(facts({ shipToColdChain: false, lines: [line({ coldChain: true })] }))).toEqual(['COLD_CHAIN_SHIP_TO']);
    expect(codes(facts({ shipToColdChain: false, lines: [line({ coldChain: false })] }))).toEqual([]);
  });
});
