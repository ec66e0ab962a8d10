import { gs1CheckDigit } from '../udi/check-digit.ts';
import type { DeviceInput } from './device-schemas.ts';

/** Test data for the catalogue's tests (and other modules' tests that need devices). */

/** A valid GTIN-14 for item `n` at packaging indicator `indicator` (0 each, 1 box, 2 case …). */
export function gtinFor(n: number, indicator = 0): string {
  const body = `${indicator}69${String(n).padStart(10, '0')}`;
  return body + gs1CheckDigit(body);
}

/** A class II, lot-tracked, ambient device `n` with each/box/case levels of 1/10/100. */
export function sampleDevice(n: number, overrides: Partial<DeviceInput> = {}): DeviceInput {
  return {
    code: `DEV-${String(n).padStart(6, '0')}`,
    nameZh: `一次性使用输液器 ${n}`,
    nameEn: `Infusion set ${n}`,
    deviceClass: 'II',
    categoryCode: '14-02-01',
    registrationNumber: `苏械注准2021214${String(n).padStart(4, '0')}`,
    registrationIssuedOn: '2021-06-01',
    registrationExpiresOn: '2026-05-31',
    registrant: '江苏某医疗器械有限公司',
    storageCondition: 'ambient',
    shelfLifeDays: 1095,
    sterile: true,
    trackingMode: 'lot',
    baseUnit: 'EA',
    hsCode: '9018390000',
    countryOfOrigin: 'CN',
    leadTimeDays: 14,
    packaging: [
      { level: 'each', gtin: gtinFor(n, 0), quantity: 1 },
      { level: 'box', gtin: gtinFor(n, 1), quantity: 10 },
      { level: 'case', gtin: gtinFor(n, 2), quantity: 100 },
    ],
    ...overrides,
  };
}

/** A class III, serial-tracked, 2–8 °C implant. */
export const coldImplant = (n: number, overrides: Partial<DeviceInput> = {}): DeviceInput =>
  sampleDevice(n, {
    nameZh: `生物可吸收支架 ${n}`,
    nameEn: `Bioresorbable scaffold ${n}`,
    deviceClass: 'III',
    categoryCode: '13-06-01',
    registrationNumber: `国械注准2022313${String(n).padStart(4, '0')}`,
    storageCondition: '2-8C',
    minTempC: 2,
    maxTempC: 8,
    implantable: true,
    trackingMode: 'lot_serial',
    packaging: [{ level: 'each', gtin: gtinFor(n, 0), quantity: 1 }],
    ...overrides,
  });
