import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../platform/errors.ts';
import { encodeHibcc } from './encode-hibcc.ts';

const now = new Date('2025-06-15T12:00:00Z');
const rejection = (code: ErrorCode, field?: string) =>
  expect.objectContaining(field === undefined ? { code } : { code, field });
const base = { lic: 'A999', product: '1234', unitOfMeasure: 5 };

describe('encodeHibcc', () => {
  it('writes a primary alone when there is no secondary data', () => {
    expect(encodeHibcc(base, { now })).toEqual({ concatenated: '+A999123457', primary: '+A999123457' });
  });

  it('reproduces the HIBC standard example', () => {
    const label = {
      ...base,
      lot: '10X3',
      expiry: '2020-01-15',
      productionDate: '2011-12-12',
      serial: '77DE1G45',
    };
    expect(encodeHibcc(label, { now, dateFormat: 'YYJJJ' }).concatenated).toBe(
      '+A99912345/$$52001510X3/16D20111212/S77DE1G45-',
    );
  });

  it('writes the secondary apart with the primary check character as its link', () => {
    const encoded = encodeHibcc({ ...base, lot: 'LOT1', expiry: '2026-09-28' }, { now });
    expect(encoded.primary).toBe('+A999123457');
    expect(encoded.secondary).toMatch(/^\+\$\$3260928LOT17.$/);
  });

  it.each([
    [{ lot: 'LOT1' }, '$LOT1'],
    [{ serial: 'SN1' }, '$+SN1'],
    [{ lot: 'LOT1', serial: 'SN1' }, '$LOT1/SSN1'],
    [{ lot: 'LOT1', serial: 'SN1', productionDate: '2011-12-12' }, '$LOT1/16D20111212/SSN1'],
    [{ serial: 'SN1', expiry: '2026-09-28' }, '$$+3260928SN1'],
    [{ lot: 'LOT1', quantity: 24 }, '$$8247LOT1'],
    [{ lot: 'LOT1', quantity: 100, expiry: '2026-09-28' }, '$$9001003260928LOT1'],
    [{ productionDate: '2011-12-12' }, '$/16D20111212'],
  ])('writes %o as %s', (fields, secondary) => {
    expect(encodeHibcc({ ...base, ...fields }, { now }).concatenated.slice(11, -1)).toBe(secondary);
  });

  it.each([
    ['MMYY', '2026-09-30', '$$0926'],
    ['MMDDYY', '2026-09-28', '$$2092826'],
    ['YYMMDDHH', '2026-09-28', '$$426092800'],
    ['YYJJJ', '2026-09-28', '$$526271'],
    ['YYJJJHH', '2026-09-28', '$$62627100'],
  ] as const)('writes the expiry as %s', (dateFormat, expiry, secondary) => {
    expect(encodeHibcc({ ...base, expiry }, { now, dateFormat }).concatenated.slice(11, -1)).toBe(secondary);
  });

  it('refuses what the parser would refuse', () => {
    expect(() => encodeHibcc({ ...base, lic: '9ABC' }, { now })).toThrow(
      rejection('SCAN_BAD_CHARSET', 'hibcc.lic'),
    );
    expect(() => encodeHibcc({ ...base, product: 'P'.repeat(19) }, { now })).toThrow(
      rejection('SCAN_BAD_LENGTH', 'hibcc.product'),
    );
    expect(() => encodeHibcc({ ...base, unitOfMeasure: 10 }, { now })).toThrow(
      rejection('SCAN_BAD_CHARSET', 'hibcc.unitOfMeasure'),
    );
    expect(() => encodeHibcc({ ...base, lot: 'lot/1' }, { now })).toThrow(
      rejection('SCAN_BAD_CHARSET', 'hibcc.lot'),
    );
    expect(() => encodeHibcc({ ...base, quantity: 100_000 }, { now })).toThrow(
      rejection('SCAN_BAD_LENGTH', 'hibcc.quantity'),
    );
    expect(() => encodeHibcc({ ...base, productionDate: '2026-02-30' }, { now })).toThrow(
      rejection('SCAN_BAD_DATE'),
    );
  });

  it('refuses an MMYY expiry that is not a month end, and years outside the window', () => {
    expect(() => encodeHibcc({ ...base, expiry: '2026-09-28' }, { now, dateFormat: 'MMYY' })).toThrow(
      rejection('SCAN_BAD_DATE', 'hibcc.expiry'),
    );
    expect(() => encodeHibcc({ ...base, expiry: '2090-01-01' }, { now })).toThrow(
      rejection('SCAN_BAD_DATE', 'hibcc.expiry'),
    );
  });
});
