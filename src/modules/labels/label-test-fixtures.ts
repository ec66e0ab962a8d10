import type { DeviceFacts } from '../catalog/device-queries.ts';
import type { DeviceInput } from '../catalog/device-schemas.ts';

/** GTINs with correct check digits: a unit of use, a box of 10 and a case of 100 of one syringe. */
export const GTIN = { each: '06901234567892', box: '16901234567899', case: '26901234567896' } as const;

/** A class III cold-chain syringe as the catalogue describes it; override what a test varies. */
export function deviceInput(overrides: Partial<DeviceInput> = {}): DeviceInput {
  return {
    code: 'SYR-5ML',
    nameZh: '一次性使用无菌注射器 带针',
    nameEn: 'Sterile hypodermic syringe for single use, with needle',
    deviceClass: 'III',
    categoryCode: '14-01-01',
    registrationKind: 'registration',
    registrationNumber: '国械注准20233140001',
    registrationIssuedOn: '2023-01-01',
    registrationExpiresOn: '2028-12-31',
    storageCondition: '2-8C',
    shelfLifeDays: 730,
    sterile: true,
    trackingMode: 'lot',
    baseUnit: 'EA',
    packaging: [
      { level: 'each', gtin: GTIN.each, quantity: 1 },
      { level: 'box', gtin: GTIN.box, quantity: 10 },
    ],
    ...overrides,
  };
}

/** The same device as `getDeviceFacts` returns it. */
export function deviceFacts(overrides: Partial<DeviceFacts> = {}): DeviceFacts {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    code: 'SYR-5ML',
    nameZh: '一次性使用无菌注射器 带针',
    nameEn: 'Sterile hypodermic syringe for single use, with needle',
    deviceClass: 'III',
    categoryCode: '14-01-01',
    registrationKind: 'registration',
    registrationNumber: '国械注准20233140001',
    registrationExpiresOn: '2028-12-31',
    storageCondition: '2-8C',
    minTempC: null,
    maxTempC: null,
    coldChain: true,
    shelfLifeDays: 730,
    sterile: true,
    implantable: false,
    trackingMode: 'lot',
    baseUnit: 'EA',
    hsCode: null,
    countryOfOrigin: 'CN',
    active: true,
    packaging: [
      { level: 'each', gtin: GTIN.each, quantity: 1 },
      { level: 'box', gtin: GTIN.box, quantity: 10 },
    ],
    ...overrides,
  };
}
