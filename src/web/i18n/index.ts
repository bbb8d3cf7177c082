import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import th from './th.json';

/** The interface languages shipped. Adding one: a JSON file beside this one, and an entry here. */
export const UI_LANGUAGES = ['en', 'th'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'mosaic.lang';

export function isUiLanguage(x: unknown): x is UiLanguage {
  return typeof x === 'string' && (UI_LANGUAGES as readonly string[]).includes(x);
}

/** A stored choice wins; otherwise the browser's first language we ship; otherwise English. */
function initialLanguage(): UiLanguage {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // storage may be disabled (private mode); fall through
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

function reflect(lng: string): void {
  document.documentElement.lang = lng;
}

export function setLanguage(lng: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, but still switched
  }
  void i18next.changeLanguage(lng);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'en';
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', reflect);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, th: { translation: th } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  reflect(i18next.language);
  return i18next;
}
