import { describe, expect, it } from 'vitest';
import { MAX_LABELS } from './label-schemas.ts';
import { deviceFacts, GTIN } from './label-test-fixtures.ts';
import { planLotLabels } from './plan-lot-labels.ts';

const now = new Date('2026-06-15T00:00:00Z');
const lot = { lot: 'L2026A', expiry: '2028-06-30' };

describe('planLotLabels: what each label says', () => {
  it('given a lot-tracked device and no serials, then a full sheet of one label', () => {
    const labels = planLotLabels(deviceFacts(), lot, now);
    expect(labels).toHaveLength(24);
    expect(new Set(labels.map((l) => l.hri))).toEqual(new Set(['(01)06901234567892(17)280630(10)L2026A']));
    expect(labels[0]).toEqual({
      elements: [{ ai: '01', data: GTIN.each }, { ai: '17', data: '280630' }, { ai: '10', data: 'L2026A' }],
      hri: '(01)06901234567892(17)280630(10)L2026A',
      nameZh: '一次性使用无菌注射器 带针',
      nameEn: 'Sterile hypodermic syringe for single use, with needle',
      registration: { caption: { zh: '注册证编号', en: 'Reg. No.' }, number: '国械注准20233140001' },
      lot: 'L2026A',
      expiry: '2028-06-30',
      productionDate: null,
      serial: null,
      pack: null,
      storage: { zh: '冷藏 2 °C ~ 8 °C', en: 'Store at 2 °C to 8 °C' },
    });
  });

  it('given serials, then one label per serial in order, each copied `copies` times', () => {
    const labels = planLotLabels(deviceFacts(), { ...lot, productionDate: '2026-06-01', serials: ['S1', 'S2'], copies: 2 }, now);
    expect(labels.map((l) => l.serial)).toEqual(['S1', 'S1', 'S2', 'S2']);
    expect(labels[2]!.hri).toBe('(01)06901234567892(11)260601(17)280630(10)L2026A(21)S2');
    expect(labels[2]!.productionDate).toBe('2026-06-01');
  });

  it('given copies without serials, then that many labels', () => {
    expect(planLotLabels(deviceFacts(), { ...lot, copies: 3 }, now)).toHaveLength(3);
  });

  it('given the box level, then the box GTIN and what the box holds', () => {
    const [label] = planLotLabels(deviceFacts(), { ...lot, level: 'box', copies: 1 }, now);
    expect(label!.hri).toBe('(01)16901234567899(17)280630(10)L2026A');
    expect(label!.pack).toBe('中包装 box × 10 EA');
  });

  it('given a serial-tracked device, then boxes may go without serials', () => {
    const serialised = deviceFacts({ trackingMode: 'lot_serial' });
    expect(planLotLabels(serialised, { ...lot, level: 'box', copies: 1 }, now)).toHaveLength(1);
  });

  it('given a class I device with a filing, then the filing number is captioned as one', () => {
    const filed = deviceFacts({ deviceClass: 'I', registrationKind: 'filing', registrationNumber: '粤穗械备20230001号', registrationExpiresOn: null });
    expect(planLotLabels(filed, { ...lot, copies: 1 }, now)[0]!.registration).toEqual({
      caption: { zh: '备案编号', en: 'Filing No.' },
      number: '粤穗械备20230001号',
    });
    expect(planLotLabels(deviceFacts({ registrationNumber: null, nameEn: null }), { ...lot, copies: 1 }, now)[0]).toMatchObject({
      registration: null,
      nameEn: null,
    });
  });
});

describe('planLotLabels: labels that would misstate the device are refused', () => {
  it.each([
    ['a level without a GTIN', {}, { level: 'case' as const }, 'VALIDATION_FAILED', 'level'],
    ['a serial-tracked unit without serials', { trackingMode: 'serial' as const }, {}, 'VALIDATION_FAILED', 'serials'],
    ['a serial given twice', {}, { serials: ['S1', 'S2', 'S1'] }, 'VALIDATION_FAILED', 'serials.2'],
    ['a serial GS1 cannot carry', {}, { serials: ['S1', 'S 2'] }, 'SCAN_BAD_CHARSET', 'serials.1'],
    ['a lot GS1 cannot carry', {}, { lot: '批号' }, 'SCAN_BAD_CHARSET', 'lot'],
    ['an impossible expiry', {}, { expiry: '2027-02-29' }, 'SCAN_BAD_DATE', 'expiry'],
    ['production after expiry', {}, { productionDate: '2028-07-01' }, 'VALIDATION_FAILED', 'productionDate'],
    ['production after the registration lapsed', { registrationExpiresOn: '2026-05-31' }, { productionDate: '2026-06-01' }, 'REGISTRATION_EXPIRED', 'productionDate'],
    ['more labels than one request may ask', {}, { serials: ['S1', 'S2'], copies: MAX_LABELS }, 'VALIDATION_FAILED', 'copies'],
  ])('given %s, then %s on %s', (_what, device, input, code, field) => {
    expect(() => planLotLabels(deviceFacts(device), { ...lot, ...input }, now)).toThrow(expect.objectContaining({ code, field }));
  });

  it('given a production date on the day the registration lapses, then the label is printed', () => {
    const device = deviceFacts({ registrationExpiresOn: '2026-06-01' });
    expect(planLotLabels(device, { ...lot, productionDate: '2026-06-01', copies: 1 }, now)).toHaveLength(1);
  });
});
