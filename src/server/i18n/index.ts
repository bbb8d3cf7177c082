import i18next from 'i18next';
import { MAIL_LANGUAGES, type MailLanguage } from '../../contract/constants.ts';
import en from './en.json' with { type: 'json' };
import th from './th.json' with { type: 'json' };

/**
 * The server's own words — the emails it sends — in every language a mail may be written in, through
 * one i18next instance. (The web app's strings are in src/web/i18n: the server may not import
 * the web app, and an email needs only these few.) Keys are the same in every language; a test
 * holds them together.
 */
export const MAIL_TEXTS: Record<MailLanguage, typeof en> = { en, th };

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(MAIL_LANGUAGES.map((l) => [l, { translation: MAIL_TEXTS[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...MAIL_LANGUAGES],
  // resources are here already: ready before init's promise settles
  initAsync: false,
  // plain-text mail: nothing to escape
  interpolation: { escapeValue: false },
});

/** `invite.subject`, `roles.member`, …: every key of the mail texts, dotted. */
type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MailKey = Keys<typeof en>;

/**
 * The words of a mail in `language`. (i18next's own key types describe the web app's texts, so
 * the key is checked against these files here, and a key that were missing would show itself.)
 */
export function mailT(
  language: MailLanguage,
): (key: MailKey, vars?: Record<string, string | number>) => string {
  return (key, vars = {}) => instance.t(key, { ...vars, lng: language, defaultValue: key });
}
