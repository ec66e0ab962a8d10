import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { decideDisposition, type DispositionFacts } from './disposition-rules.ts';

const base: DispositionFacts = {
  as: 'restock', condition: 'sound', today: '2026-11-26', toZoneType: 'normal', serialId: null, supplierId: null,
  lot: { lotNumber: 'L1', status: 'released', expiresOn: '2027-06-30', manufacturedOn: null },
};
const refusal = (f: Partial<DispositionFacts>) => {
  try {
    decideDisposition({ ...base, ...f });
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('not refused');
};

describe('disposition of returned units', () => {
  it('given a sound unit of a released lot and a saleable bin, when restocked, then it is a transfer into that bin', () => {
    expect(decideDisposition(base)).toEqual({ moveType: 'transfer', toBin: true });
    expect(decideDisposition({ ...base, toZoneType: 'cold_chain' })).toEqual({ moveType: 'transfer', toBin: true });
  });

  it('given a recalled lot, then restock is refused with LOT_RECALLED', () => {
    expect(refusal({ lot: { ...base.lot, status: 'recalled' } })).toEqual({ code: 'LOT_RECALLED', field: 'as' });
  });

  it('given an expired, blocked or quarantined lot, then restock is refused', () => {
    expect(refusal({ lot: { ...base.lot, expiresOn: '2026-11-26' } })).toEqual({ code: 'LOT_EXPIRED', field: 'as' });
    expect(refusal({ lot: { ...base.lot, status: 'blocked' } })).toEqual({ code: 'LOT_NOT_RELEASED', field: 'as' });
  });

  it('given a damaged or uninspected unit, then restock is refused on condition', () => {
    expect(refusal({ condition: 'damaged' })).toEqual({ code: 'VALIDATION_FAILED', field: 'condition' });
    expect(refusal({ condition: 'unknown' })).toEqual({ code: 'VALIDATION_FAILED', field: 'condition' });
  });

  it('given restock to a returns or quarantine zone, or no bin, then it is refused on toBinId', () => {
    expect(refusal({ toZoneType: 'returns' })).toEqual({ code: 'VALIDATION_FAILED', field: 'toBinId' });
    expect(refusal({ toZoneType: null })).toEqual({ code: 'VALIDATION_FAILED', field: 'toBinId' });
  });

  it('given quarantine, then it needs a quarantine bin, whatever the lot', () => {
    expect(decideDisposition({ ...base, as: 'quarantine', toZoneType: 'quarantine', lot: { ...base.lot, status: 'recalled' } })).toEqual({ moveType: 'transfer', toBin: true });
    expect(refusal({ as: 'quarantine', toZoneType: 'normal' })).toEqual({ code: 'VALIDATION_FAILED', field: 'toBinId' });
  });

  it('given scrap, then it is a scrap move with no destination', () => {
    expect(decideDisposition({ ...base, as: 'scrap', condition: 'damaged', toZoneType: null })).toEqual({ moveType: 'scrap', toBin: false });
    expect(refusal({ as: 'scrap' })).toEqual({ code: 'VALIDATION_FAILED', field: 'toBinId' });
  });

  it('given return to supplier, then it ships out and needs a supplier', () => {
    expect(decideDisposition({ ...base, as: 'return_to_supplier', toZoneType: null, supplierId: 's' })).toEqual({ moveType: 'ship', toBin: false });
    expect(refusal({ as: 'return_to_supplier', toZoneType: null })).toEqual({ code: 'VALIDATION_FAILED', field: 'supplierId' });
  });

  it('given repair, then it is for a serial of a lot not recalled, with no move', () => {
    expect(decideDisposition({ ...base, as: 'repair', toZoneType: null, serialId: 'u1', condition: 'damaged' })).toEqual({ moveType: null, toBin: false });
    expect(refusal({ as: 'repair', toZoneType: null })).toEqual({ code: 'VALIDATION_FAILED', field: 'as' });
    expect(refusal({ as: 'repair', toZoneType: null, serialId: 'u1', lot: { ...base.lot, status: 'recalled' } })).toEqual({ code: 'LOT_RECALLED', field: 'as' });
  });
});
