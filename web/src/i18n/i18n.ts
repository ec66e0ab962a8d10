import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';
import adminEn from './admin.en.json';
import adminZhCN from './admin.zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORE_KEY = 'lotline.lang';

/** The user's own choice first, then the browser: any Chinese locale gets zh-CN, anything else English. */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  for (const l of browser) {
    if (/^zh\b/i.test(l)) return 'zh-CN';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORE_KEY, lang);
  void i18next.changeLanguage(lang);
}

export function initI18n(): typeof i18next {
  const lng = pickLanguage(localStorage.getItem(STORE_KEY), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    // Master data, planning and KPI screens keep their strings in the 'admin' namespace.
    resources: { 'zh-CN': { translation: zhCN, admin: adminZhCN }, en: { translation: en, admin: adminEn } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => (document.documentElement.lang = l));
  return i18next;
}

/** The text of a bilingual `{en, zh}` answer in the current language. */
export const bi = (x: { en: string; zh: string } | null | undefined, lang: string): string =>
  x ? (lang.startsWith('zh') ? x.zh : x.en) : '';
