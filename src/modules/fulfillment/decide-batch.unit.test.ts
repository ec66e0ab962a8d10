import { describe, expect, it } from 'vitest';
import type { UdiScan } from '../udi/types.ts';
import { decideBatch, type BatchFacts, type ParsedLabel } from './decide-batch.ts';
import type { PickLineFacts, ScannedLot, SerialFacts } from './decide-scan.ts';
import { lotKey, serialKey, type LineGate } from './load-batch-facts.ts';

const SHIP = '2026-06-01';
const stent = { deviceId: 'dev-stent', deviceCode: 'STENT', level: 'each', quantity: 1 };
const line = (over: Partial<PickLineFacts> = {}): PickLineFacts => ({
  lineId: 'L1', deviceId: 'dev-stent', deviceCode: 'STENT', trackingMode: 'lot_serial', lotId: 'lot-s', binId: 'bin-1', remaining: 2,
  shelfLife: { minDays: null, minPct: null }, ...over,
});
const lotS: ScannedLot = { id: 'lot-s', lotNumber: 'S1', status: 'released', expiresOn: '2027-06-01', manufacturedOn: '2026-01-01', bins: [{ binId: 'bin-1', free: 0 }] };
const lotT: ScannedLot = { ...lotS, id: 'lot-t', lotNumber: 'T1', bins: [{ binId: 'bin-1', free: 5 }] };
const serial = (id: string, lotId = 'lot-s'): SerialFacts => ({ id, lotId, status: 'in_stock', binId: 'bin-1' });
const open: LineGate = { allocation: 'open', orderStatus: 'allocated', lifecycle: 'confirmed', orderNumber: 'SO-1' };
const facts = (over: Partial<BatchFacts> = {}): BatchFacts => ({
  lines: [line()], gates: new Map([['L1', open]]),
  serials: new Map([['SN-1', serial('ser-1')], ['SN-2', serial('ser-2')], ['SN-3', serial('ser-3')], ['TN-1', serial('ser-t', 'lot-t')]]
    .map(([k, s]) => [serialKey('dev-stent', k as string), s as SerialFacts])),
  lots: { byNumber: new Map([[lotKey('dev-stent', 'S1'), lotS], [lotKey('dev-stent', 'T1'), lotT]]), byId: new Map([['lot-s', lotS], ['lot-t', lotT]]) },
  ...over,
});
const scan = (serialNo: string, lot = 'S1'): ParsedLabel => {
  const parsed: UdiScan = { scheme: 'GS1', gtin: '06912345000016', lot, serial: serialNo, ais: {} };
  return { scan: `${lot}/${serialNo}`, parsed, packaging: stent };
};
const outcome = (r: ReturnType<typeof decideBatch>) => ({ picks: r.picks.map((p) => [p.index, p.serialId]), refused: r.refusals.map((x) => [x.index, x.reason]) });

describe('decideBatch', () => {
  it('given the same serial twice in a batch, when judged in order, then the second is refused as already picked', () => {
    expect(outcome(decideBatch([scan('SN-1'), scan('SN-1'), scan('SN-2')], facts(), { shipDate: SHIP })))
      .toEqual({ picks: [[0, 'ser-1'], [2, 'ser-2']], refused: [[1, 'serial_taken']] });
  });

  it('given more labels than the line holds, when judged, then the units past the allocation are refused', () => {
    expect(outcome(decideBatch([scan('SN-1'), scan('SN-2'), scan('SN-3')], facts(), { shipDate: SHIP })))
      .toEqual({ picks: [[0, 'ser-1'], [1, 'ser-2']], refused: [[2, 'line_complete']] });
  });

  it('given a label of another lot with free stock, when judged in a batch, then it is refused: substitute by scanning it alone', () => {
    const r = decideBatch([scan('TN-1', 'T1'), scan('SN-1')], facts(), { shipDate: SHIP });
    expect(outcome(r)).toEqual({ picks: [[1, 'ser-1']], refused: [[0, 'substitute_alone']] });
    expect(r.refusals[0]).toMatchObject({ code: 'SCAN_WRONG_LOT', en: expect.stringContaining('scan this label alone'), zh: expect.stringContaining('单独扫描') });
  });

  it('given an order on hold or a released allocation, when judged, then the labels of its line are refused', () => {
    const hold = decideBatch([scan('SN-1')], facts({ gates: new Map([['L1', { ...open, orderStatus: 'on_hold' }]]) }), { shipDate: SHIP });
    expect(hold.refusals[0]).toMatchObject({ code: 'INVALID_STATE', reason: 'order_not_pickable', en: 'order SO-1 is on_hold: nothing of it is picked now' });
    const gone = decideBatch([scan('SN-1')], facts({ gates: new Map([['L1', { ...open, allocation: 'released' }]]) }), { shipDate: SHIP });
    expect(outcome(gone)).toEqual({ picks: [], refused: [[0, 'allocation_gone']] });
  });

  it('given an unreadable label, when judged, then it is refused with the parser’s code and the others go on', () => {
    const r = decideBatch([{ scan: 'junk', error: { code: 'SCAN_UNKNOWN_FORMAT', message: 'not GS1' } }, scan('SN-1')], facts(), { shipDate: SHIP });
    expect(outcome(r)).toEqual({ picks: [[1, 'ser-1']], refused: [[0, 'unreadable']] });
    expect(r.refusals[0]).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT', field: 'scan', zh: '无法识别的标签：not GS1' });
  });
});
