import { describe, expect, it } from 'vitest';
import { foldLatin, segmentWords, termsOf } from './features.ts';

describe('text features', () => {
  it('folds full-width letters and case (NFKC) before anything else', () => {
    expect(segmentWords('ＤＥＢＴ to Broker').map((w) => w.folded)).toEqual([
      'debt',
      'to',
      'broker',
    ]);
  });

  it('keeps Vietnamese marks as one form and drops them in the other (đ → d)', () => {
    const [w] = segmentWords('Nợ');
    expect(w).toMatchObject({ norm: 'nợ', folded: 'no' });
    expect(foldLatin('đường dây')).toBe('duong day');
    const keys = termsOf('nợ nần').terms.map((t) => t.key);
    expect(keys).toContain('w:no');
    expect(keys).toContain('a:nợ');
    // the syllable pair is one Vietnamese word
    expect(keys).toContain('p:no nan');
  });

  it('never strips the marks of Thai, Khmer or Burmese (they are letters there)', () => {
    for (const text of ['ไม่มีงาน', 'គ្មានការងារ', 'အလုပ်မရှိ']) {
      const words = segmentWords(text);
      expect(words.map((w) => w.norm).join('')).toBe(text);
      expect(words.every((w) => w.folded === w.norm)).toBe(true);
    }
  });

  it('segments text written without spaces into several words', () => {
    expect(segmentWords('ในหมู่บ้านไม่มีงานให้ทำ').length).toBeGreaterThan(3);
    expect(segmentWords('村里找不到工作').length).toBeGreaterThan(2);
    expect(segmentWords('នៅភូមិរកការងារធ្វើមិនបាន').length).toBeGreaterThan(3);
    expect(segmentWords('ရွာမှာအလုပ်မရှိဘူး').length).toBeGreaterThan(3);
  });

  it('makes character n-grams so a misspelling still shares terms with the right word', () => {
    const a = new Set(
      termsOf('povety')
        .terms.filter((t) => t.type === 'gram')
        .map((t) => t.key),
    );
    const b = termsOf('poverty')
      .terms.filter((t) => t.type === 'gram')
      .map((t) => t.key);
    expect(b.filter((k) => a.has(k)).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves function words out of word terms', () => {
    const keys = termsOf('the debt of family').terms.map((t) => t.key);
    expect(keys).not.toContain('w:the');
    expect(keys).toContain('p:debt family');
  });
});
