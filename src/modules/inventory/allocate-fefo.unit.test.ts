import { describe, expect, it } from 'vitest';
import { allocateFefo, type FefoOptions, type StockCandidate } from './allocate-fefo.ts';
import { lotIneligibility, minimumExpiry } from './lot-eligibility.ts';

const stock = (lotNumber: string, expiresOn: string, free: number, more: Partial<StockCandidate> = {}): StockCandidate => ({
  lotId: `lot-${lotNumber}`, lotNumber, binId: `bin-${lotNumber}`, deviceId: 'D', warehouseId: 'SH', free, pickSequence: 1,
  status: 'released', expiresOn, manufacturedOn: '2025-01-01', ...more,
});
const opts = (more: Partial<FefoOptions> = {}): FefoOptions => ({
  shipDate: '2026-11-26', shelfLife: { minDays: null, minPct: null }, singleLotPerLine: false, warehouseOrder: ['SH', 'GZ'], ...more,
});
const lots = (r: ReturnType<typeof allocateFefo>) => r.allocations.map((a) => `${a.lotId}:${a.quantity}`);

describe('FEFO allocation', () => {
  it('takes the earliest expiry first and splits across lots', () => {
    const r = allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 12 }], [stock('B', '2027-06-01', 10), stock('A', '2027-01-01', 5)], opts());
    expect(lots(r)).toEqual(['lot-A:5', 'lot-B:7']);
    expect(r.shortfalls).toEqual([]);
  });

  it('never takes a lot that is quarantined, blocked, recalled or expired at the ship date', () => {
    const r = allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 10 }], [
      stock('Q', '2027-01-01', 5, { status: 'quarantine' }),
      stock('R', '2027-01-02', 5, { status: 'recalled' }),
      stock('X', '2026-11-26', 5),
      stock('K', '2027-01-03', 5, { status: 'blocked' }),
      stock('OK', '2027-02-01', 4),
    ], opts());
    expect(lots(r)).toEqual(['lot-OK:4']);
    expect(r.shortfalls).toEqual([{ lineNo: 1, quantity: 6 }]);
  });

  it('honours the customer’s minimum remaining shelf life in days and in percent', () => {
    const s = [stock('SHORT', '2027-01-15', 10), stock('LONG', '2027-12-01', 10)];
    expect(lots(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 3 }], s, opts({ shelfLife: { minDays: 90, minPct: null } })))).toEqual(['lot-LONG:3']);
    // Made 2025-01-01, expiring 2027-01-15: 744 days of shelf life, 50 days left on 2026-11-26 = 6.7 %.
    expect(lots(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 3 }], s, opts({ shelfLife: { minDays: null, minPct: 10 } })))).toEqual(['lot-LONG:3']);
    expect(lots(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 3 }], s, opts({ shelfLife: { minDays: null, minPct: 5 } })))).toEqual(['lot-SHORT:3']);
  });

  it('prefers one lot for the whole line when the customer asks', () => {
    const s = [stock('A', '2027-01-01', 3), stock('B', '2027-02-01', 10)];
    expect(lots(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 8 }], s, opts({ singleLotPerLine: true })))).toEqual(['lot-B:8']);
    expect(lots(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 12 }], s, opts({ singleLotPerLine: true })))).toEqual(['lot-A:3', 'lot-B:9']);
  });

  it('uses only the warehouses given, the preferred one first on equal expiry', () => {
    const s = [stock('GZ1', '2027-01-01', 5, { warehouseId: 'GZ', binId: 'gz' }), stock('SH1', '2027-01-01', 5, { warehouseId: 'SH', binId: 'sh', lotId: 'lot-GZ1' })];
    expect(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 6 }], s, opts()).allocations.map((a) => `${a.binId}:${a.quantity}`)).toEqual(['sh:5', 'gz:1']);
    expect(allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 6 }], s, opts({ warehouseOrder: ['GZ'] })).shortfalls).toEqual([{ lineNo: 1, quantity: 1 }]);
  });

  it('lets lines compete for stock in line order and never gives out more than is free', () => {
    const r = allocateFefo([{ lineNo: 1, deviceId: 'D', quantity: 4 }, { lineNo: 2, deviceId: 'D', quantity: 4 }], [stock('A', '2027-01-01', 6)], opts());
    expect(r.allocations.map((a) => `${a.lineNo}:${a.quantity}`)).toEqual(['1:4', '2:2']);
    expect(r.shortfalls).toEqual([{ lineNo: 2, quantity: 2 }]);
  });
});

describe('lot eligibility', () => {
  const lot = { status: 'released' as const, expiresOn: '2027-01-01', manufacturedOn: '2026-01-01' };
  it('names why a lot cannot go', () => {
    expect(lotIneligibility(lot, '2026-11-26', { minDays: null, minPct: null })).toBeNull();
    expect(lotIneligibility({ ...lot, status: 'recalled' }, '2026-11-26', { minDays: null, minPct: null })).toBe('LOT_RECALLED');
    expect(lotIneligibility(lot, '2027-01-01', { minDays: null, minPct: null })).toBe('LOT_EXPIRED');
    expect(lotIneligibility({ ...lot, status: 'quarantine' }, '2026-11-26', { minDays: null, minPct: null })).toBe('LOT_NOT_RELEASED');
    expect(lotIneligibility(lot, '2026-11-26', { minDays: 37, minPct: null })).toBe('SHELF_LIFE_TOO_SHORT');
    expect(lotIneligibility(lot, '2026-11-26', { minDays: 36, minPct: null })).toBeNull();
  });
  it('computes the minimum expiry from days and from percent of shelf life', () => {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
    expect(minimumExpiry('2026-11-26', { minDays: 30, minPct: null })).toBe(day('2026-12-26'));
    expect(minimumExpiry('2026-11-26', { minDays: null, minPct: 50 }, lot)).toBe(day('2026-11-26') + 183);
  });
});
