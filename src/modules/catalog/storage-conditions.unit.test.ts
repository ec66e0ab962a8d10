import { describe, expect, it } from 'vitest';
import { conditionForRange, deviceBand, isColdChain, STORAGE_BANDS, STORAGE_CONDITIONS } from './storage-conditions.ts';

describe('storage conditions', () => {
  it('gives each condition a band that belongs to that condition', () => {
    for (const c of STORAGE_CONDITIONS) expect(conditionForRange(STORAGE_BANDS[c].minC, STORAGE_BANDS[c].maxC)).toBe(c);
  });

  it('2–8 °C (and the 2–10 °C cold place) is cold chain; frozen is too; ambient and cool rooms are not', () => {
    expect(conditionForRange(2, 8)).toBe('2-8C');
    expect(conditionForRange(2, 10)).toBe('2-8C');
    expect(conditionForRange(-80, -60)).toBe('frozen');
    expect(conditionForRange(2, 25)).toBe('below_25C');
    expect(conditionForRange(-5, 8)).toBe('below_25C');
    expect(conditionForRange(5, 40)).toBe('ambient');
    expect(STORAGE_CONDITIONS.filter(isColdChain)).toEqual(['2-8C', 'frozen']);
  });

  it('a device band takes the label limits where given and the condition band elsewhere', () => {
    expect(deviceBand('2-8C')).toEqual({ minC: 2, maxC: 8 });
    expect(deviceBand('below_25C', 2)).toEqual({ minC: 2, maxC: 25 });
    expect(deviceBand('ambient', null, 28)).toEqual({ minC: 10, maxC: 28 });
    // A single limit beyond the default band widens it instead of inverting it.
    expect(deviceBand('frozen', null, -80)).toEqual({ minC: -80, maxC: -80 });
    expect(deviceBand('ambient', 35)).toEqual({ minC: 35, maxC: 35 });
  });
});
