import { describe, expect, it } from 'vitest';
import { packWords, storageWords } from './label-words.ts';

describe('storageWords', () => {
  it.each([
    [{ storageCondition: '2-8C', minTempC: null, maxTempC: null }, '冷藏 2 °C ~ 8 °C', 'Store at 2 °C to 8 °C'],
    [{ storageCondition: 'ambient', minTempC: null, maxTempC: null }, '常温 10 °C ~ 30 °C', 'Store at 10 °C to 30 °C'],
    [{ storageCondition: 'frozen', minTempC: null, maxTempC: null }, '冷冻 −25 °C ~ −15 °C', 'Store at −25 °C to −15 °C'],
    [{ storageCondition: 'below_25C', minTempC: null, maxTempC: null }, '25 °C 以下', 'Store below 25 °C'],
    [{ storageCondition: 'below_25C', minTempC: 5, maxTempC: 20 }, '阴凉 5 °C ~ 20 °C', 'Store at 5 °C to 20 °C'],
    [{ storageCondition: '2-8C', minTempC: 2, maxTempC: 10 }, '冷藏 2 °C ~ 10 °C', 'Store at 2 °C to 10 °C'],
  ] as const)('given %o, then it reads "%s" / "%s"', (device, zh, en) => {
    expect(storageWords(device)).toEqual({ zh, en });
  });
});

describe('packWords', () => {
  it('names the level in both languages with its content', () => {
    expect(packWords('box', 10, 'EA')).toBe('中包装 box × 10 EA');
    expect(packWords('case', 200, 'PCS')).toBe('外箱 case × 200 PCS');
  });
});
