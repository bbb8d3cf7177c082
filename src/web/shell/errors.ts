import type { TFunction } from 'i18next';
import type { FieldErrorParams } from '../../contract/common.ts';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../../contract/constants.ts';
import { ApiError } from '../api.ts';

/**
 * `t` for a key built from a code the server sent, or null when the locale has no such key
 * (i18next answers a missing key with the key itself). Keeps the locale files out of this module.
 */
function tOrNull(t: TFunction, key: string, values?: FieldErrorParams): string | null {
  const s = (t as unknown as (k: string, v?: FieldErrorParams) => string)(key, values);
  return s === key ? null : s;
}

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
 * A refusal that names no field, from its code (`session_running`, `round_held`…) in the
 * interface language. A code this page has no words for shows the server's own sentence (it
 * carries specifics, such as why a plan is impossible); null when there is nothing to show.
 */
export function refusalMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && err.body && err.status >= 400 && err.status < 500) {
    if (err.status === 401 || err.status === 403 || err.status === 429) return errorMessage(t, err);
    // The values the sentence names (the running session, the table…) come with the code.
    return tOrNull(t, `errors.codes.${err.body.error}`, err.body.params) ?? err.body.message;
  }
  return errorMessage(t, err);
}

/** One field error as the API sends it (ErrorBody's `fields`, a CSV problem, a live refusal). */
export interface CodedError {
  code?: string | undefined;
  params?: FieldErrorParams | undefined;
}

/** The label a form shows for a field (`startsOn` → "Start date"), to name it in a sentence. */
export type LabelOf = (field: string) => string | undefined;

const KNOWN = new Set<string>(FIELD_ERROR_CODES);

/**
 * What is wrong with a field, in the interface language, from the server's stable code and its
 * values — never from its English sentence. A field named in the values (`other: "startsOn"`) is
 * shown as the form labels it.
 */
export function fieldErrorText(t: TFunction, f: CodedError, labelOf: LabelOf = () => undefined) {
  const code: FieldErrorCode = f.code && KNOWN.has(f.code) ? (f.code as FieldErrorCode) : 'invalid';
  const p = f.params ?? {};
  const str = (k: string) => (p[k] === undefined ? '' : String(p[k]));
  switch (code) {
    case 'invalid_format': {
      return tOrNull(t, `errors.format.${str('format')}`) ?? t('errors.field.invalid_format');
    }
    case 'duplicate':
      return p.value === undefined
        ? t('errors.field.duplicate')
        : t('errors.field.duplicate_value', { value: str('value') });
    case 'personal_data': {
      const kind = str('kind');
      const value = str('value');
      return kind === 'phone' || kind === 'name' || kind === 'email'
        ? t(`errors.field.personal_data_${kind}`, { value })
        : t('errors.field.personal_data', { value });
    }
    case 'before_other':
    case 'same_as_other':
      return t(`errors.field.${code}`, { other: labelOf(str('other')) ?? str('other') });
    default:
      return t(`errors.field.${code}`, {
        minimum: str('minimum'),
        maximum: str('maximum'),
        value: str('value'),
        country: str('country'),
      });
  }
}
