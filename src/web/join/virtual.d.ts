/** Built by src/web/vite.config.ts: the `join` and `languages` keys of each interface language. */
declare module 'virtual:phone-i18n' {
  import type en from '../i18n/en.json';
  type Phone = { join: (typeof en)['join']; languages: (typeof en)['languages'] };
  const resources: { en: Phone; th: Phone };
  export default resources;
}
