import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { fieldMessage } from './errors.ts';

// The server's field messages as its schemas write them today; each must read as a sentence of ours.
const SERVER_MESSAGES: [string, string][] = [
  ['must not be empty', en.errors.required],
  ['Invalid input: expected string, received undefined', en.errors.required],
  ['Invalid option: expected one of "NGO"|"Funder"', en.errors.unknownCode],
  ['must not repeat an entry', en.errors.duplicate],
  ['must be a URL', en.errors.url],
  ['must start with http:// or https://', en.errors.url],
  ['must be at most 4000 characters', 'Use at most 4000 characters.'],
  ['must have at most 6 entries', 'Choose at most 6.'],
  ['must not contain control characters', en.errors.controlChars],
  ['"ZZ" is not an ISO 3166-1 country code', en.errors.unknownCountry],
  ['"KH-1" is in KH, which is not among the countries', en.errors.provinceOutside],
  ['must be an ISO 3166-2 code such as TH-10', en.errors.unknownProvince],
];

describe('fieldMessage', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: en } } });
  });

  it.each(SERVER_MESSAGES)('%s', (server, shown) => {
    expect(fieldMessage(i18next.t, server)).toBe(shown);
  });

  it('shows a message it does not know as the server wrote it', () => {
    expect(fieldMessage(i18next.t, 'is taken by another organisation')).toBe(
      'is taken by another organisation',
    );
  });
});
