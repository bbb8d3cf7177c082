/**
 * The phone's translations: only the `join` keys of each language, so the phone bundle does not
 * carry the rest of the interface (a virtual module made by vite.config.ts).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import phone from 'virtual:phone-i18n';

export const PHONE_LANGUAGES = ['en', 'th'] as const;
export type PhoneLanguage = (typeof PHONE_LANGUAGES)[number];
const STORAGE_KEY = 'mosaic.lang';

function initial(): PhoneLanguage {
  try {
    const s = localStorage.getItem(STORAGE_KEY);
    if (s === 'en' || s === 'th') return s;
  } catch {
    // storage disabled
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'th') return base;
  }
  return 'en';
}

export function setPhoneLanguage(lng: PhoneLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // switched, not remembered
  }
  void i18next.changeLanguage(lng);
}

export function initPhoneI18n(): void {
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: phone.en },
      th: { translation: phone.th },
    },
    lng: initial(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}
