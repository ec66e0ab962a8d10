import { describe, expect, it } from 'vitest';
import { checkShipment, type ShipUnit } from './check-shipment.ts';
import { compareContent } from './review-package.ts';

const SHIP = '2026-06-01';
const none = { minDays: null, minPct: null };
const unit = (over: Partial<ShipUnit> = {}): ShipUnit => ({
  pickId: 'p1', packageId: 'k1', packageStatus: 'reviewed', deviceCode: 'STENT', deviceClass: 'III', trackingMode: 'lot_serial',
  lotId: 'l1', lotNumber: 'L-1', lot: { status: 'released', expiresOn: '2027-01-01', manufacturedOn: null }, serialId: 's1',
  hasCertificate: true, allocationStatus: 'open', ...over,
});
const classes = new Set(['II', 'III']);
const code = (units: ShipUnit[]) => checkShipment(units, classes, SHIP, none)?.code ?? null;

describe('checkShipment (invariants 1 and 3, outbound review)', () => {
  it('given reviewed, bound, documented, eligible units, then they may ship', () => {
    expect(code([unit(), unit({ pickId: 'p2', deviceClass: 'I', packageStatus: 'closed', trackingMode: 'lot', serialId: null })])).toBeNull();
  });
  it('refuses an unreviewed package of a configured class', () => {
    expect(code([unit({ packageStatus: 'closed' })])).toBe('REVIEW_REQUIRED');
    expect(checkShipment([unit({ packageStatus: 'closed' })], new Set(), SHIP, none)).toBeNull();
  });
  it('refuses a unit without its lot, or without its serial where the device is serial-tracked', () => {
    expect(code([unit({ serialId: null })])).toBe('UNIT_NOT_BOUND');
    expect(code([unit({ lotId: null, lot: null, lotNumber: null })])).toBe('UNIT_NOT_BOUND');
  });
  it('refuses a lot without a certificate of conformity, naming it', () => {
    expect(checkShipment([unit({ hasCertificate: false })], classes, SHIP, none)).toMatchObject({ code: 'DOCUMENTS_MISSING', details: { lot: 'L-1' } });
  });
  it('rechecks eligibility on the ship date: recalled, expired, not released, too short for the customer', () => {
    const lot = (l: Partial<NonNullable<ShipUnit['lot']>>) => unit({ lot: { status: 'released', expiresOn: '2027-01-01', manufacturedOn: null, ...l } });
    expect(code([lot({ status: 'recalled' })])).toBe('LOT_RECALLED');
    expect(code([lot({ expiresOn: SHIP })])).toBe('LOT_EXPIRED');
    expect(code([lot({ status: 'blocked' })])).toBe('LOT_NOT_RELEASED');
    expect(checkShipment([lot({ expiresOn: '2026-07-01' })], classes, SHIP, { minDays: 60, minPct: null })?.code).toBe('SHELF_LIFE_TOO_SHORT');
  });
  it('refuses a unit whose allocation was released after picking, after the lot reasons', () => {
    expect(code([unit({ allocationStatus: 'released' })])).toBe('UNIT_NOT_BOUND');
    expect(code([unit({ allocationStatus: 'released', lot: { status: 'recalled', expiresOn: '2027-01-01', manufacturedOn: null } })])).toBe('LOT_RECALLED');
  });
});

describe('compareContent (the outbound review count)', () => {
  it('lists the lines whose count differs, a missing line counting 0', () => {
    const content = [{ lineNo: 1, quantity: 10 }, { lineNo: 1, quantity: 10 }, { lineNo: 2, quantity: 1 }];
    expect(compareContent(content, [{ lineNo: 1, quantity: 20 }, { lineNo: 2, quantity: 1 }])).toEqual([]);
    expect(compareContent(content, [{ lineNo: 1, quantity: 19 }, { lineNo: 3, quantity: 1 }])).toEqual([
      { lineNo: 1, packed: 20, checked: 19 }, { lineNo: 2, packed: 1, checked: 0 }, { lineNo: 3, packed: 0, checked: 1 },
    ]);
  });
});
