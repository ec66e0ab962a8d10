import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { checkNestedCodes, checkWarehouse, checkZone } from './warehouse-rules.ts';
import type { WarehouseRecord } from './warehouse-tables.ts';

const warehouse: WarehouseRecord = {
  code: 'SH-01', nameZh: '上海仓', nameEn: null, addressLine: null, city: '上海', province: null, postcode: null, country: 'CN',
  gln: '6901234000016', active: true,
};

function error(fn: () => unknown): { code: string; field?: string | undefined } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field };
    throw e;
  }
}

describe('warehouse rules', () => {
  it('accepts a GLN with a valid check digit, or none', () => {
    expect(error(() => checkWarehouse(warehouse))).toBeNull();
    expect(error(() => checkWarehouse({ ...warehouse, gln: null }))).toBeNull();
  });

  it('refuses a GLN with a wrong check digit', () => {
    expect(error(() => checkWarehouse({ ...warehouse, gln: '6901234000017' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'gln' });
  });

  it('keeps cold-chain zones cold and normal zones not cold', () => {
    expect(error(() => checkZone({ zoneType: 'cold_chain', storageCondition: '2-8C' }))).toBeNull();
    expect(error(() => checkZone({ zoneType: 'cold_chain', storageCondition: 'frozen' }))).toBeNull();
    expect(error(() => checkZone({ zoneType: 'normal', storageCondition: 'below_25C' }))).toBeNull();
    expect(error(() => checkZone({ zoneType: 'cold_chain', storageCondition: 'ambient' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'storageCondition' });
    expect(error(() => checkZone({ zoneType: 'normal', storageCondition: '2-8C' }, 'zones.2.'))).toEqual({ code: 'VALIDATION_FAILED', field: 'zones.2.storageCondition' });
  });

  it('lets quarantine, returns and rejected zones hold any condition', () => {
    for (const zoneType of ['quarantine', 'returns', 'rejected'] as const) {
      for (const storageCondition of ['ambient', '2-8C', 'frozen'] as const) expect(error(() => checkZone({ zoneType, storageCondition }))).toBeNull();
    }
  });

  it('refuses a zone or bin code given twice in one warehouse', () => {
    const zone = { code: 'A', nameZh: 'A区', zoneType: 'normal' as const, storageCondition: 'ambient' as const };
    expect(error(() => checkNestedCodes({ zones: [zone, { ...zone, code: 'B' }] }))).toBeNull();
    expect(error(() => checkNestedCodes({ zones: [zone, zone] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'zones.1.code' });
    expect(error(() => checkNestedCodes({ bins: [{ code: 'A-01', zoneCode: 'A' }, { code: 'A-01', zoneCode: 'B' }] }))).toEqual({ code: 'VALIDATION_FAILED', field: 'bins.1.code' });
  });
});
