import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_ERROR_CODES } from '../../contract/constants.ts';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { ApiError } from '../api.ts';
import { fieldErrorText, refusalMessage } from './errors.ts';

const labels: Record<string, string> = { startsOn: 'Start date', yearFrom: 'Year from' };
const labelOf = (f: string) => labels[f];

describe('field errors from codes, never from the server’s sentences', () => {
  beforeAll(async () => {
    await i18next.init({
      lng: 'en',
      resources: { en: { translation: en }, th: { translation: th } },
    });
  });

  it.each([
    [{ code: 'required' }, 'Enter a value.'],
    [{ code: 'too_long', params: { maximum: 200 } }, 'Use at most 200 characters.'],
    [{ code: 'too_small', params: { minimum: 2 } }, 'Enter 2 or more.'],
    [{ code: 'too_many', params: { maximum: 3 } }, 'Choose at most 3.'],
    [{ code: 'invalid_option', params: { options: ['a', 'b'] } }, 'Choose a value from the list.'],
    [{ code: 'before_other', params: { other: 'startsOn' } }, 'Must not be before “Start date”.'],
    [{ code: 'invalid_format', params: { format: 'country' } }, 'Choose a country from the list.'],
    [
      { code: 'invalid_format', params: { format: 'no-such-format' } },
      en.errors.field.invalid_format,
    ],
    [
      { code: 'unknown_country', params: { value: 'ZZ' } },
      '“ZZ” is not a country; choose one from the list.',
    ],
    [{ code: 'duplicate', params: { value: 'a' } }, '“a” is repeated.'],
    [{ code: 'no-such-code' }, en.errors.field.invalid],
  ])('%j', (f, shown) => {
    // The English sentence beside the code is deliberately misleading: it must not be what is shown.
    expect(fieldErrorText(i18next.t, { ...f, message: 'IGNORED' } as never, labelOf)).toBe(shown);
  });

  it('has words for every code the server may send, in English and Thai', async () => {
    for (const lng of ['en', 'th']) {
      await i18next.changeLanguage(lng);
      for (const code of FIELD_ERROR_CODES) {
        const text = fieldErrorText(i18next.t, { code, params: { other: 'yearFrom' } }, labelOf);
        expect(text, `${lng} ${code}`).not.toMatch(/^errors\./);
        expect(text.length, `${lng} ${code}`).toBeGreaterThan(0);
      }
    }
    expect(fieldErrorText(i18next.t, { code: 'too_long', params: { maximum: 60 } })).toBe(
      'ใช้ไม่เกิน 60 ตัวอักษร',
    );
    await i18next.changeLanguage('en');
  });

  it('translates a refusal by its code, and shows the server’s words only for a code it does not know', () => {
    const refusal = (error: string, message: string) =>
      refusalMessage(i18next.t, new ApiError(409, { error, message }));
    expect(refusal('session_running', 'Stop the session "X" first.')).toBe(
      en.errors.codes.session_running,
    );
    expect(refusal('cannot_plan', '12 people do not fit at 1 table of 8.')).toBe(
      '12 people do not fit at 1 table of 8.',
    );
  });
});
