import { describe, expect, it } from 'vitest';
import { decideScan, type PickLineFacts, type ScanFacts, type ScannedLot, type SerialFacts } from './decide-scan.ts';

const SHIP = '2026-06-01';
const line = (over: Partial<PickLineFacts> = {}): PickLineFacts => ({
  lineId: 'L1', deviceId: 'dev-reagent', deviceCode: 'REAG', trackingMode: 'lot', lotId: 'lot-a', binId: 'bin-1', remaining: 40,
  shelfLife: { minDays: null, minPct: null }, ...over,
});
const lot = (over: Partial<ScannedLot> = {}): ScannedLot => ({
  id: 'lot-a', lotNumber: 'A1', status: 'released', expiresOn: '2027-01-01', manufacturedOn: '2026-01-01', bins: [{ binId: 'bin-1', free: 0 }], ...over,
});
const box: ScanFacts = { gtin: '06912345000047', lot: 'A1', expiry: '2027-01-01', packaging: { deviceId: 'dev-reagent', level: 'box', quantity: 20 } };
const each: ScanFacts = { gtin: '06912345000030', lot: 'A1', packaging: { deviceId: 'dev-reagent', level: 'each', quantity: 1 } };
const stentLine = line({ lineId: 'S1', deviceId: 'dev-stent', deviceCode: 'STENT', trackingMode: 'lot_serial', lotId: 'lot-s', remaining: 2 });
const stentLot = lot({ id: 'lot-s', lotNumber: 'S1', bins: [{ binId: 'bin-1', free: 0 }] });
const stentScan: ScanFacts = { gtin: '06912345000016', lot: 'S1', serial: 'SN-1', packaging: { deviceId: 'dev-stent', level: 'each', quantity: 1 } };
const serial = (over: Partial<SerialFacts> = {}): SerialFacts => ({ id: 'ser-1', lotId: 'lot-s', status: 'in_stock', binId: 'bin-1', ...over });
const ctx = { shipDate: SHIP, deviceCode: 'REAG' };

describe('decideScan: accepted scans', () => {
  it('given a box of the allocated lot, when scanned, then it counts the box quantity in base units', () => {
    expect(decideScan(box, [line()], { lot: lot(), serial: null }, ctx)).toEqual({ accept: true, lineId: 'L1', lotId: 'lot-a', binId: 'bin-1', quantity: 20, serialId: null, substitute: false });
  });

  it('given loose units of a lot-tracked device, when scanned with a quantity, then it counts that many', () => {
    const d = decideScan({ ...each, quantity: 7 }, [line()], { lot: lot(), serial: null }, ctx);
    expect(d).toMatchObject({ accept: true, quantity: 7 });
  });

  it('given a serial-tracked unit in stock, when scanned with its serial, then it binds that serial', () => {
    const d = decideScan(stentScan, [stentLine], { lot: stentLot, serial: serial() }, { ...ctx, deviceCode: 'STENT' });
    expect(d).toEqual({ accept: true, lineId: 'S1', lotId: 'lot-s', binId: 'bin-1', quantity: 1, serialId: 'ser-1', substitute: false });
  });

  it('given a serial of the allocated lot kept in another bin, when scanned, then the allocation moves to that bin', () => {
    const lotInTwoBins = { ...stentLot, bins: [{ binId: 'bin-1', free: 0 }, { binId: 'bin-2', free: 1 }] };
    const d = decideScan(stentScan, [stentLine], { lot: lotInTwoBins, serial: serial({ binId: 'bin-2' }) }, { ...ctx, deviceCode: 'STENT' });
    expect(d).toEqual({ accept: true, lineId: 'S1', lotId: 'lot-s', binId: 'bin-2', quantity: 1, serialId: 'ser-1', substitute: true });
  });

  it('given another released lot with free stock, when scanned, then it is a FEFO-valid substitute from the bin that holds it', () => {
    const other = lot({ id: 'lot-b', lotNumber: 'B1', bins: [{ binId: 'bin-1', free: 5 }, { binId: 'bin-2', free: 30 }] });
    expect(decideScan({ ...box, lot: 'B1' }, [line()], { lot: other, serial: null }, ctx)).toEqual({ accept: true, lineId: 'L1', lotId: 'lot-b', binId: 'bin-2', quantity: 20, serialId: null, substitute: true });
  });
});

describe('decideScan: refusals', () => {
  const refused = (d: ReturnType<typeof decideScan>) => (d.accept ? null : { code: d.code, reason: d.reason, field: d.field });

  it('refuses a GTIN the catalogue does not know', () => {
    expect(refused(decideScan({ ...box, packaging: null }, [line()], { lot: null, serial: null }, ctx))).toEqual({ code: 'SCAN_WRONG_DEVICE', reason: 'unknown_device', field: 'scan' });
  });
  it('refuses a device that is not on the list', () => {
    expect(refused(decideScan(stentScan, [line()], { lot: stentLot, serial: serial() }, ctx))).toMatchObject({ code: 'SCAN_WRONG_DEVICE', reason: 'wrong_device' });
  });
  it('refuses when every line of the device is picked', () => {
    expect(refused(decideScan(box, [line({ remaining: 0 })], { lot: lot(), serial: null }, ctx))).toMatchObject({ code: 'INVALID_STATE', reason: 'line_complete' });
  });
  it('refuses more units than remain (never over-picks)', () => {
    expect(refused(decideScan(box, [line({ remaining: 19 })], { lot: lot(), serial: null }, ctx))).toMatchObject({ code: 'INVALID_STATE', reason: 'over_pick' });
    expect(refused(decideScan({ ...each, quantity: 41 }, [line()], { lot: lot(), serial: null }, ctx))).toMatchObject({ code: 'INVALID_STATE', reason: 'over_pick', field: 'quantity' });
  });
  it('refuses a lot-tracked label without a lot', () => {
    const { lot: _l, ...noLot } = box;
    expect(refused(decideScan(noLot, [line()], { lot: null, serial: null }, ctx))).toMatchObject({ code: 'SCAN_WRONG_LOT', reason: 'lot_missing' });
  });
  it('refuses an unknown lot', () => {
    expect(refused(decideScan({ ...box, lot: 'ZZ' }, [line()], { lot: null, serial: null }, ctx))).toMatchObject({ code: 'SCAN_WRONG_LOT', reason: 'lot_unknown' });
  });
  it('refuses a substitute lot without enough free stock in the warehouse', () => {
    const other = lot({ id: 'lot-b', lotNumber: 'B1', bins: [{ binId: 'bin-2', free: 19 }] });
    expect(refused(decideScan({ ...box, lot: 'B1' }, [line()], { lot: other, serial: null }, ctx))).toMatchObject({ code: 'SCAN_WRONG_LOT', reason: 'no_free_stock' });
  });
  it('refuses a label whose printed expiry is not after the ship date', () => {
    expect(refused(decideScan({ ...box, expiry: SHIP }, [line()], { lot: lot(), serial: null }, ctx))).toMatchObject({ code: 'LOT_EXPIRED', reason: 'label_expired' });
  });
  it('refuses an expired, recalled, quarantined or blocked lot, and one too short for the customer', () => {
    const decide = (l: Partial<ScannedLot>, ln: Partial<PickLineFacts> = {}) => refused(decideScan(box, [line(ln)], { lot: lot(l), serial: null }, ctx))?.code;
    expect(decide({ expiresOn: SHIP })).toBe('LOT_EXPIRED');
    expect(decide({ status: 'expired' })).toBe('LOT_EXPIRED');
    expect(decide({ status: 'recalled' })).toBe('LOT_RECALLED');
    expect(decide({ status: 'quarantine' })).toBe('LOT_NOT_RELEASED');
    expect(decide({ status: 'blocked' })).toBe('LOT_NOT_RELEASED');
    expect(decide({ expiresOn: '2026-07-01' }, { shelfLife: { minDays: 90, minPct: null } })).toBe('SHELF_LIFE_TOO_SHORT');
  });
  it('refuses a serial-tracked device scanned as a pack, without a serial, or counted more than once', () => {
    const sctx = { ...ctx, deviceCode: 'STENT' };
    expect(refused(decideScan({ ...stentScan, packaging: { deviceId: 'dev-stent', level: 'case', quantity: 10 } }, [stentLine], { lot: stentLot, serial: null }, sctx))).toMatchObject({ code: 'SCAN_WRONG_DEVICE', reason: 'serial_per_unit' });
    const { serial: _s, ...noSerial } = stentScan;
    expect(refused(decideScan(noSerial, [stentLine], { lot: stentLot, serial: null }, sctx))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_missing' });
    expect(refused(decideScan({ ...stentScan, quantity: 2 }, [stentLine], { lot: stentLot, serial: serial() }, sctx))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'quantity' });
  });
  it('refuses an unknown serial, one already picked or shipped, and one of another lot', () => {
    const sctx = { ...ctx, deviceCode: 'STENT' };
    expect(refused(decideScan(stentScan, [stentLine], { lot: stentLot, serial: null }, sctx))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_unknown' });
    expect(refused(decideScan(stentScan, [stentLine], { lot: stentLot, serial: serial({ status: 'picked' }) }, sctx))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_taken' });
    expect(refused(decideScan(stentScan, [stentLine], { lot: stentLot, serial: serial({ status: 'shipped', binId: null }) }, sctx))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_taken' });
    expect(refused(decideScan(stentScan, [stentLine], { lot: stentLot, serial: serial({ lotId: 'lot-x' }) }, sctx))).toMatchObject({ code: 'SERIAL_UNAVAILABLE', reason: 'serial_other_lot' });
  });
  it('gives each refusal in English and Chinese', () => {
    const d = decideScan({ ...box, lot: 'A1' }, [line()], { lot: lot({ status: 'recalled' }), serial: null }, ctx);
    expect(d).toMatchObject({ accept: false, en: 'lot A1 is recalled: it may not be picked', zh: '批号 A1 已召回，不得拣货' });
  });
});
