import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { mergeDeviceRecord, newDeviceRecord, type DeviceRecord } from './device-record.ts';
import { checkDeviceRules } from './device-rules.ts';
import type { DeviceInput } from './device-schemas.ts';

const classIII: DeviceInput = {
  code: 'STENT-01', nameZh: '冠状动脉支架', deviceClass: 'III', categoryCode: '13-06-01', storageCondition: 'ambient',
  trackingMode: 'serial', registrationNumber: '国械注准20173460001', registrationIssuedOn: '2022-03-01',
  registrationExpiresOn: '2027-02-28', sterile: true, implantable: true, shelfLifeDays: 1095,
};
const classI: DeviceInput = {
  code: 'GAUZE-01', nameZh: '医用纱布', deviceClass: 'I', categoryCode: '14-10-01', storageCondition: 'ambient', trackingMode: 'lot',
  registrationNumber: '粤穗械备20150001',
};

/** The error a record breaks, as code and field (null when it keeps every rule). */
function broken(d: DeviceRecord, stated: { coldChain?: boolean } = {}): { code: string; field?: string } | null {
  try {
    checkDeviceRules(d, stated);
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, ...(e.field ? { field: e.field } : {}) };
  }
}
const device = (input: DeviceInput, change: Partial<Record<keyof DeviceRecord, unknown>> = {}) => mergeDeviceRecord(newDeviceRecord(input), change);

describe('a new device record', () => {
  it('fills the defaults and derives the registration kind from the class', () => {
    const d = newDeviceRecord(classIII);
    expect(d).toMatchObject({ registrationKind: 'registration', baseUnit: 'EA', makeOrBuy: 'buy', active: true, nameEn: null, hsCode: null });
    expect(newDeviceRecord(classI).registrationKind).toBe('filing');
    expect(newDeviceRecord({ ...classI, registrationNumber: undefined }).registrationKind).toBeNull();
  });

  it('re-derives the kind when the class changes, clears it with the number, and keeps a stated kind', () => {
    const iii = newDeviceRecord(classIII);
    expect(mergeDeviceRecord(iii, { deviceClass: 'I' }).registrationKind).toBe('filing');
    expect(mergeDeviceRecord(iii, { registrationNumber: null }).registrationKind).toBeNull();
    expect(mergeDeviceRecord(iii, { nameZh: '新名称' }).registrationKind).toBe('registration');
    expect(mergeDeviceRecord(newDeviceRecord(classI), { registrationKind: 'registration' }).registrationKind).toBe('registration');
  });
});

describe('registration rules', () => {
  it('accepts a class III device with certificate and expiry, and a class I filing without expiry', () => {
    expect(broken(device(classIII))).toBeNull();
    expect(broken(device(classI))).toBeNull();
    expect(broken(device({ ...classI, registrationNumber: undefined }))).toBeNull();
  });

  it('refuses a class II/III device without certificate number or expiry: REGISTRATION_MISSING', () => {
    expect(broken(device(classIII, { registrationNumber: null }))).toEqual({ code: 'REGISTRATION_MISSING', field: 'registrationNumber' });
    expect(broken(device({ ...classIII, deviceClass: 'II' }, { registrationExpiresOn: null }))).toEqual({ code: 'REGISTRATION_MISSING', field: 'registrationExpiresOn' });
  });

  it('refuses a filing for a class II/III device: REGISTRATION_MISSING', () => {
    expect(broken(device(classIII, { registrationKind: 'filing' }))).toEqual({ code: 'REGISTRATION_MISSING', field: 'registrationKind' });
  });

  it('refuses a registration certificate for class I', () => {
    expect(broken(device(classI, { registrationKind: 'registration' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'registrationKind' });
  });

  it('refuses an expiry on a filing', () => {
    expect(broken(device(classI, { registrationExpiresOn: '2030-01-01' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'registrationExpiresOn' });
  });

  it('refuses registration dates without a number', () => {
    expect(broken(device({ ...classI, registrationNumber: undefined }, { registrationIssuedOn: '2020-01-01' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'registrationNumber' });
  });

  it('refuses a certificate that expires before it was issued', () => {
    expect(broken(device(classIII, { registrationExpiresOn: '2022-02-28' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'registrationExpiresOn' });
  });

  it('refuses a number of the other kind (械备 as certificate, 械注 as filing)', () => {
    expect(broken(device(classIII, { registrationNumber: '粤穗械备20150001' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'registrationNumber' });
    expect(broken(device(classI, { registrationNumber: '国械注准20173460001' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'registrationNumber' });
  });
});

describe('storage rules', () => {
  const cold = { ...classI, storageCondition: '2-8C' as const, minTempC: 2, maxTempC: 8 };

  it('accepts temperatures that agree with the condition, and either limit alone', () => {
    expect(broken(device(cold))).toBeNull();
    expect(broken(device(cold, { minTempC: 0, maxTempC: 10 }))).toBeNull();
    expect(broken(device(classI, { minTempC: 5 }))).toBeNull();
    expect(broken(device(classI, { storageCondition: 'frozen', maxTempC: -80 }))).toBeNull();
    expect(broken(device(classI, { storageCondition: 'below_25C', minTempC: 2, maxTempC: 25 }))).toBeNull();
  });

  it('refuses a 2–8 °C range on a device not marked 2-8C: it is cold chain', () => {
    expect(broken(device(cold, { storageCondition: 'ambient' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'storageCondition' });
  });

  it('refuses a maximum above what the condition allows, and a frozen range on a cold device', () => {
    expect(broken(device(cold, { maxTempC: 25 }))).toEqual({ code: 'VALIDATION_FAILED', field: 'storageCondition' });
    expect(broken(device(classI, { maxTempC: 25 }))).toEqual({ code: 'VALIDATION_FAILED', field: 'storageCondition' });
    expect(broken(device(cold, { minTempC: -25, maxTempC: -15 }))).toEqual({ code: 'VALIDATION_FAILED', field: 'storageCondition' });
  });

  it('refuses a minimum above the maximum', () => {
    expect(broken(device(cold, { minTempC: 8, maxTempC: 2 }))).toEqual({ code: 'VALIDATION_FAILED', field: 'minTempC' });
  });

  it('checks a stated cold-chain flag against the condition', () => {
    expect(broken(device(cold), { coldChain: true })).toBeNull();
    expect(broken(device(classI, { storageCondition: 'frozen' }), { coldChain: true })).toBeNull();
    expect(broken(device(cold), { coldChain: false })).toEqual({ code: 'VALIDATION_FAILED', field: 'coldChain' });
    expect(broken(device(classI), { coldChain: true })).toEqual({ code: 'VALIDATION_FAILED', field: 'coldChain' });
  });
});

describe('other rules', () => {
  it('a sterile device needs a shelf life', () => {
    expect(broken(device(classIII, { shelfLifeDays: null }))).toEqual({ code: 'VALIDATION_FAILED', field: 'shelfLifeDays' });
  });

  it('an implantable device is not class I', () => {
    expect(broken(device(classI, { implantable: true }))).toEqual({ code: 'VALIDATION_FAILED', field: 'deviceClass' });
  });
});
