/**
 * The storage vocabulary shared by devices (what the label asks for) and warehouse zones (what a
 * zone holds). Each condition stands for a temperature band in whole °C; a device may narrow or
 * widen its band with its own minimum and maximum.
 */
export const STORAGE_CONDITIONS = ['ambient', 'below_25C', '2-8C', 'frozen'] as const;
export type StorageCondition = (typeof STORAGE_CONDITIONS)[number];

export interface TemperatureBand {
  minC: number;
  maxC: number;
}

/**
 * ambient is the pharmacopoeia's room temperature (常温 10–30 °C), below_25C a controlled cool
 * room, 2-8C the cold chain (冷藏), frozen a −25…−15 °C freezer (冷冻).
 */
export const STORAGE_BANDS: Readonly<Record<StorageCondition, TemperatureBand>> = {
  ambient: { minC: 10, maxC: 30 },
  below_25C: { minC: 10, maxC: 25 },
  '2-8C': { minC: 2, maxC: 8 },
  frozen: { minC: -25, maxC: -15 },
};

/** Refrigerated and frozen goods travel and are stored in the cold chain. */
export const isColdChain = (condition: StorageCondition): boolean => condition === '2-8C' || condition === 'frozen';

/**
 * The condition a stated temperature range belongs to: at or below 0 °C is frozen, within
 * 0–10 °C is the cold chain (2–8 °C, or the pharmacopoeia's 2–10 °C cold place), a maximum up to
 * 25 °C a cool room, anything warmer ambient.
 */
export function conditionForRange(minC: number, maxC: number): StorageCondition {
  if (maxC <= 0) return 'frozen';
  if (minC >= 0 && maxC <= 10) return '2-8C';
  if (maxC <= 25) return 'below_25C';
  return 'ambient';
}

/** The band a device tolerates: its own limits where given, the condition's band otherwise. */
export function deviceBand(condition: StorageCondition, minC?: number | null, maxC?: number | null): TemperatureBand {
  const band = STORAGE_BANDS[condition];
  const min = minC ?? Math.min(band.minC, maxC ?? band.minC);
  const max = maxC ?? Math.max(band.maxC, minC ?? band.maxC);
  return { minC: min, maxC: max };
}
