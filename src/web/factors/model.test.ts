import { describe, expect, it } from 'vitest';
import type { VocabularyFactor } from '../../contract/factors.ts';
import { editOf, errorPlace, formOf, keywordList, matches, newWordsOf } from './model.ts';

const LANGS = ['en', 'th', 'vi'];
const debt: VocabularyFactor = {
  id: 'push.debt',
  kind: 'cause',
  status: 'active',
  mergedInto: null,
  labels: { en: 'Debt', th: 'หนี้สิน' },
  descriptions: { en: 'Owing money' },
  keywords: { en: ['debt', 'loan shark'], th: ['หนี้'] },
  codes: [],
  position: 1,
  cards: 3,
  default: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
};

describe('vocabulary form', () => {
  it('reads a factor into one set of fields per language', () => {
    const f = formOf(debt, LANGS);
    expect(f.th).toEqual({ label: 'หนี้สิน', description: '', keywords: 'หนี้' });
    expect(f.en!.keywords).toBe('debt\nloan shark');
    expect(f.vi).toEqual({ label: '', description: '', keywords: '' });
  });

  it('sends only what changed: a rename and a Thai synonym; nothing when nothing changed', () => {
    const before = formOf(debt, LANGS);
    expect(editOf(before, formOf(debt, LANGS), LANGS)).toBeNull();
    const after = structuredClone(before);
    after.en!.label = '  Debt and loans ';
    after.th!.keywords = 'หนี้\n\n  หนี้นอกระบบ \n';
    expect(editOf(before, after, LANGS)).toEqual({
      labels: { en: 'Debt and loans' },
      keywords: { th: ['หนี้', 'หนี้นอกระบบ'] },
    });
  });

  it('an emptied label or keyword list is sent empty (the server removes the language)', () => {
    const before = formOf(debt, LANGS);
    const after = structuredClone(before);
    after.th!.label = '';
    after.en!.keywords = '';
    expect(editOf(before, after, LANGS)).toEqual({ labels: { th: '' }, keywords: { en: [] } });
  });

  it('a new factor carries the languages filled in only', () => {
    const form = formOf(null, LANGS);
    form.en!.label = 'Karaoke bars';
    form.th!.keywords = 'คาราโอเกะ';
    expect(newWordsOf(form, LANGS)).toEqual({
      labels: { en: 'Karaoke bars' },
      descriptions: {},
      keywords: { th: ['คาราโอเกะ'] },
    });
  });

  it('puts the server’s field errors on the language’s field, a keyword with its line', () => {
    expect(errorPlace('keywords.th.3')).toEqual({ key: 'keywords.th', line: 4 });
    expect(errorPlace('labels.en')).toEqual({ key: 'labels.en', line: null });
    expect(errorPlace('labels')).toEqual({ key: 'labels.en', line: null });
    expect(errorPlace('id')).toEqual({ key: 'id', line: null });
    expect(keywordList(' a \r\n\r\nb')).toEqual(['a', 'b']);
  });

  it('filters by any language’s label, a keyword or the id, accents folded', () => {
    expect(matches(debt, 'LOAN')).toBe(true);
    expect(matches(debt, 'หนี้สิน')).toBe(true);
    expect(matches(debt, 'push.de')).toBe(true);
    expect(matches(debt, 'passport')).toBe(false);
    expect(matches(debt, '')).toBe(true);
  });
});
