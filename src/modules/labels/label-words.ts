import type { Bilingual } from '../../platform/pdf/pdf-text.ts';
import { deviceBand, type StorageCondition } from '../catalog/storage-conditions.ts';
import type { DeviceFacts } from '../catalog/device-queries.ts';
import type { LabelLevel } from './label-schemas.ts';

/** The captions of a UDI label, in the words Chinese labels use (YY/T 0466.1 / ISO 15223-1 terms). */
export const CAPTION = {
  registration: { zh: '注册证编号', en: 'Reg. No.' },
  filing: { zh: '备案编号', en: 'Filing No.' },
  lot: { zh: '批号', en: 'LOT' },
  expiry: { zh: '有效期至', en: 'EXP' },
  productionDate: { zh: '生产日期', en: 'MFG' },
  serial: { zh: '序列号', en: 'SN' },
  pack: { zh: '包装', en: 'Pack' },
  storage: { zh: '储存条件', en: 'Storage' },
} as const satisfies Record<string, Bilingual>;

const LEVEL: Record<LabelLevel, Bilingual> = {
  each: { zh: '单品', en: 'each' },
  box: { zh: '中包装', en: 'box' },
  case: { zh: '外箱', en: 'case' },
};

const CONDITION: Record<StorageCondition, string> = {
  ambient: '常温',
  below_25C: '阴凉',
  '2-8C': '冷藏',
  frozen: '冷冻',
};

/** −15 with a true minus sign: a hyphen next to a range dash reads badly. */
const celsius = (c: number): string => `${c < 0 ? '\u2212' : ''}${Math.abs(c)} °C`;

/**
 * The storage instruction of a device in both languages, from its condition and its own limits:
 * "冷藏 2 °C ~ 8 °C" / "Store at 2 °C to 8 °C"; "25 °C 以下" / "Store below 25 °C" when only an
 * upper limit matters.
 */
export function storageWords(device: Pick<DeviceFacts, 'storageCondition' | 'minTempC' | 'maxTempC'>): Bilingual {
  const { minC, maxC } = deviceBand(device.storageCondition, device.minTempC, device.maxTempC);
  if (device.storageCondition === 'below_25C' && device.minTempC === null) {
    return { zh: `${celsius(maxC)} 以下`, en: `Store below ${celsius(maxC)}` };
  }
  return {
    zh: `${CONDITION[device.storageCondition]} ${celsius(minC)} ~ ${celsius(maxC)}`,
    en: `Store at ${celsius(minC)} to ${celsius(maxC)}`,
  };
}

/** "中包装 box × 10 EA": what a package of a higher level holds. */
export const packWords = (level: LabelLevel, quantity: number, baseUnit: string): string =>
  `${LEVEL[level].zh} ${LEVEL[level].en} × ${quantity} ${baseUnit}`;
