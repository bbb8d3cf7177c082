import type { TFunction } from 'i18next';
import { ApiError } from '../api.ts';

/** A sentence for a failed call, in the interface language. */
export function errorMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('app.errorNetwork');
    if (err.status === 401) return t('auth.needSignIn');
    if (err.status === 403) return t('errors.forbidden');
    if (err.status === 429) return t('auth.rateLimited');
  }
  return t('app.errorGeneric');
}

/**
 * The server's field messages are English sentences from the contract's schemas. Known ones are
 * shown in the interface language; anything else is shown as the server wrote it.
 */
export function fieldMessage(t: TFunction, message: string): string {
  const m = message.trim();
  let match: RegExpMatchArray | null;
  if (/must not be empty|received undefined|^required$/i.test(m)) return t('errors.required');
  if (/must be a URL|must start with http/i.test(m)) return t('errors.url');
  if ((match = /at most (\d+) characters/i.exec(m))) return t('errors.tooLong', { max: match[1] });
  if ((match = /at most (\d+) entries/i.exec(m))) return t('errors.tooMany', { max: match[1] });
  if (/repeat/i.test(m)) return t('errors.duplicate');
  if (/control characters/i.test(m)) return t('errors.controlChars');
  if (/not among the countries/i.test(m)) return t('errors.provinceOutside');
  if (/province|ISO 3166-2/i.test(m)) return t('errors.unknownProvince');
  if (/country|ISO 3166/i.test(m)) return t('errors.unknownCountry');
  if (/invalid option|expected one of|unknown/i.test(m)) return t('errors.unknownCode');
  return m || t('errors.invalidField');
}
