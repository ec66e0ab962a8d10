import { describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../catalog/device-queries.ts';
import { completeReceiptLines } from './complete-receipt-lines.ts';
import type { LotHead } from './lot-records.ts';
import type { ReceivedLine } from './scan-receipt-lines.ts';

const device = (more: Partial<DeviceFacts> = {}) => ({ id: 'D', code: 'DEV', active: true, trackingMode: 'lot', shelfLifeDays: 365, ...more }) as DeviceFacts;
const line = (more: Partial<ReceivedLine> = {}): ReceivedLine => ({
  deviceId: 'D', lotNumber: 'L1', expiresOn: '2027-06-30', manufacturedOn: null, supplierLot: null, quantity: 2, serials: [], field: 'lines.0', ...more,
});
const known = (expiresOn: string) => new Map<string, LotHead>([['D/L1', { id: 'lot', deviceId: 'D', lotNumber: 'L1', expiresOn, manufacturedOn: null, status: 'released', supplierLot: null }]]);
const complete = (lines: ReceivedLine[], d = device(), k = new Map<string, LotHead>()) => completeReceiptLines(lines, new Map([['D', d]]), k, '2026-11-26');
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { field?: string }).field;
  }
};

describe('completing receipt lines', () => {
  it('takes a missing expiry from the known lot, else from manufacture date and shelf life', () => {
    expect(complete([line({ expiresOn: null })], device(), known('2027-01-31'))[0]!.expiresOn).toBe('2027-01-31');
    expect(complete([line({ expiresOn: null, manufacturedOn: '2026-10-01' })])[0]!.expiresOn).toBe('2027-10-01');
    expect(fieldOf(() => complete([line({ expiresOn: null, field: 'scans.3' })]))).toBe('scans.3');
  });

  it('refuses an expiry that contradicts the known lot or another line of the same lot', () => {
    expect(fieldOf(() => complete([line()], device(), known('2027-01-31')))).toBe('lines.0.expiresOn');
    expect(fieldOf(() => complete([line(), line({ expiresOn: '2027-07-01', field: 'lines.1' })]))).toBe('lines.1.expiresOn');
  });

  it('refuses goods expired on arrival and a manufacture date after the expiry', () => {
    expect(fieldOf(() => complete([line({ expiresOn: '2026-11-26' })]))).toBe('lines.0.expiresOn');
    expect(fieldOf(() => complete([line({ manufacturedOn: '2027-07-01' })]))).toBe('lines.0.manufacturedOn');
  });

  it('wants one serial per unit of a serial-tracked device, none for a lot-tracked one, each once', () => {
    const serial = device({ trackingMode: 'lot_serial' });
    expect(complete([line({ serials: ['A', 'B'] })], serial)[0]!.serials).toEqual(['A', 'B']);
    expect(fieldOf(() => complete([line({ serials: ['A'] })], serial))).toBe('lines.0.serials');
    expect(fieldOf(() => complete([line({ serials: ['A', 'A'] })], serial))).toBe('lines.0.serials');
    expect(fieldOf(() => complete([line({ serials: ['A', 'B'] })]))).toBe('lines.0.serials');
  });

  it('refuses an unknown or inactive device', () => {
    expect(fieldOf(() => completeReceiptLines([line()], new Map(), new Map(), '2026-11-26'))).toBe('lines.0.deviceId');
    expect(fieldOf(() => complete([line()], device({ active: false })))).toBe('lines.0.deviceId');
  });
});
