import 'i18next';
import type en from './en.json';

/** Typed keys: a missing or misspelt key is a compile error. Thai must mirror English (see i18n.test.ts). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
