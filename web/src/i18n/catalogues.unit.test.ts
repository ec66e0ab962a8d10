import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';
import adminEn from './admin.en.json';
import adminZhCN from './admin.zh-CN.json';
import { pickLanguage } from './i18n';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t)
    .flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)))
    .sort();
const placeholders = (t: Tree): Record<string, string[]> =>
  Object.fromEntries(
    keys(t).map((k) => [
      k,
      [...String(k.split('.').reduce<string | Tree>((n, p) => (n as Tree)[p]!, t)).matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1]!)
        .sort(),
    ]),
  );

describe('message catalogues', () => {
  it('zh-CN and English have the same keys', () => {
    expect(keys(zhCN as Tree)).toEqual(keys(en as Tree));
  });
  it('each message has the same {{placeholders}} in both languages', () => {
    expect(placeholders(zhCN as Tree)).toEqual(placeholders(en as Tree));
  });
  it('no message is empty', () => {
    for (const t of [zhCN, en] as Tree[]) {
      expect(
        keys(t).filter((k) => !k.split('.').reduce<string | Tree>((n, p) => (n as Tree)[p]!, t)),
      ).toEqual([]);
    }
  });
});

describe('the admin catalogues (master data, planning, KPI screens)', () => {
  const admin = { zh: adminZhCN as Tree, en: adminEn as Tree };
  it('zh-CN and English have the same keys and {{placeholders}}', () => {
    expect(keys(admin.zh)).toEqual(keys(admin.en));
    expect(placeholders(admin.zh)).toEqual(placeholders(admin.en));
  });
  it('no message is empty', () => {
    for (const t of [admin.zh, admin.en]) {
      expect(keys(t).filter((k) => !k.split('.').reduce<string | Tree>((n, p) => (n as Tree)[p]!, t))).toEqual([]);
    }
  });
});

describe('language choice', () => {
  it('given a Chinese browser locale, when nothing was chosen, then zh-CN', () => {
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh'])).toBe('zh-CN');
  });
  it('given another locale, then English; given a stored choice, that choice', () => {
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});
