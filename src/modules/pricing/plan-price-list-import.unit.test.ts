import { describe, expect, it } from 'vitest';
import { planLineChanges, type ResolvedRow } from './plan-line-changes.ts';
import { planImportRows, planNewLists } from './plan-price-list-import.ts';

const row = (over: Partial<ResolvedRow> = {}): ResolvedRow => ({
  index: 0, priceListCode: 'STD', deviceCode: 'D1', minQuantity: 1, unitPriceMinor: 100, floorMinor: undefined, priceListId: 'pl', deviceId: 'd1', ...over,
});
const stored = { id: 'line-1', priceListId: 'pl', deviceId: 'd1', unitPriceMinor: 100, floorMinor: 80, breaks: { 10: 90 } };

describe('planImportRows', () => {
  it('given rows without a min quantity, when planned, then they are base prices (min quantity 1)', () => {
    const { planned } = planImportRows([{ priceListCode: 'STD', deviceCode: 'D1', unitPriceMinor: 5 }]);
    expect(planned).toEqual([{ index: 0, priceListCode: 'STD', deviceCode: 'D1', minQuantity: 1, unitPriceMinor: 5, floorMinor: undefined }]);
  });

  it('given min quantity 1 stated and omitted for the same device, when planned, then the second is a duplicate', () => {
    const { errors } = planImportRows([
      { priceListCode: 'STD', deviceCode: 'D1', unitPriceMinor: 5 },
      { priceListCode: 'STD', deviceCode: 'D1', minQuantity: 1, unitPriceMinor: 6 },
    ]);
    expect(errors).toMatchObject([{ index: 1, code: 'DUPLICATE' }]);
  });
});

describe('planNewLists', () => {
  it('given a new list whose first row has its header, when planned, then it is created from that row', () => {
    const rows = [{ priceListCode: 'N', deviceCode: 'D1', unitPriceMinor: 1, priceListName: 'n', currency: 'USD', validFrom: '2026-01-01', channel: 'edi' as const }];
    const { headers, failedCodes } = planNewLists(rows, planImportRows(rows).planned, new Set());
    expect(headers).toEqual([{ code: 'N', name: 'n', currency: 'USD', validFrom: '2026-01-01', validTo: null, channel: 'edi' }]);
    expect(failedCodes.size).toBe(0);
  });

  it('given an existing list, when planned, then no header is needed', () => {
    const rows = [{ priceListCode: 'OLD', deviceCode: 'D1', unitPriceMinor: 1 }];
    expect(planNewLists(rows, planImportRows(rows).planned, new Set(['OLD']))).toEqual({ headers: [], failedCodes: new Map() });
  });

  it('given a new list without a name, when planned, then the code fails naming priceListName', () => {
    const rows = [{ priceListCode: 'N', deviceCode: 'D1', unitPriceMinor: 1, currency: 'CNY', validFrom: '2026-01-01' }];
    expect(planNewLists(rows, planImportRows(rows).planned, new Set()).failedCodes.get('N')?.field).toBe('priceListName');
  });
});

describe('planLineChanges', () => {
  it('given only a break row for a stored line, when planned, then only that break changes', () => {
    const { changes } = planLineChanges([row({ minQuantity: 10, unitPriceMinor: 85 })], [stored]);
    expect(changes).toEqual([expect.objectContaining({ existingId: 'line-1', changes: { 'breaks.10': { old: 90, new: 85 } } })]);
  });

  it('given a stored line and the same price without floor, when planned, then nothing changes and the floor stays', () => {
    expect(planLineChanges([row()], [stored])).toMatchObject({ changes: [], unchanged: 1, errors: [] });
  });

  it('given a new line with a base and a break row, when planned, then one created line carries both', () => {
    const { changes } = planLineChanges([row(), row({ index: 1, minQuantity: 10, unitPriceMinor: 90 })], []);
    expect(changes).toEqual([
      { existingId: null, priceListId: 'pl', deviceId: 'd1', after: { floorMinor: null, unitPriceMinor: 100, 'breaks.10': 90 },
        changes: { unitPriceMinor: { new: 100 }, 'breaks.10': { new: 90 } } },
    ]);
  });

  it('given a break for a line that has no base price anywhere, when planned, then the row is an error', () => {
    expect(planLineChanges([row({ minQuantity: 10 })], []).errors).toMatchObject([{ index: 0, field: 'minQuantity' }]);
  });
});
