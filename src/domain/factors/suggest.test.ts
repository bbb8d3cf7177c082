import { describe, expect, it } from 'vitest';
import { FactorSuggester } from './suggest.ts';
import { DEFAULT_FACTORS, FACTOR_LANGUAGES } from './vocabulary.ts';
import { segmentWords } from '../text/features.ts';

/** The ids of the shared reference's default vocabulary (factors.md), which must never change. */
const REFERENCE_IDS = [
  'push.poverty', 'push.unemployment', 'push.debt', 'push.education', 'push.awareness',
  'push.legal_status', 'push.migration_policy', 'push.recruiters', 'push.family_violence',
  'push.family_breakdown', 'push.family_pressure', 'push.gender_norms', 'push.discrimination',
  'push.conflict', 'push.disaster', 'push.health', 'push.mental_health', 'push.addiction',
  'push.online', 'push.aspiration', 'push.demand', 'push.corruption', 'push.weak_protection',
  'harm.physical', 'harm.psychological', 'harm.substance', 'harm.debt', 'harm.stigma',
  'harm.family_separation', 'harm.lost_education', 'harm.criminalisation', 'harm.retrafficking',
  'harm.community_cycle', 'harm.mistrust', 'harm.crime_growth', 'harm.economic_loss',
]; // prettier-ignore

const suggester = new FactorSuggester(DEFAULT_FACTORS);

describe('default vocabulary', () => {
  it('keeps the reference ids exactly, push factors as causes and harms as consequences', () => {
    expect(DEFAULT_FACTORS.map((f) => f.id)).toEqual(REFERENCE_IDS);
    for (const f of DEFAULT_FACTORS)
      expect(f.kind).toBe(f.id.startsWith('push.') ? 'cause' : 'consequence');
  });

  it('has keywords in all eight languages for every factor', () => {
    for (const f of DEFAULT_FACTORS)
      for (const lang of FACTOR_LANGUAGES)
        expect(f.keywords[lang]?.length ?? 0, `${f.id} ${lang}`).toBeGreaterThanOrEqual(8);
  });
});

describe('suggestions', () => {
  it('returns at most three factors, best first, with the card words that matched', () => {
    const s = suggester.suggest({
      text: 'borrowed from a loan shark to pay the broker',
      kind: 'cause',
    });
    expect(s.length).toBeLessThanOrEqual(3);
    expect(s[0]?.factor).toBe('push.debt');
    const scores = s.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const words = segmentWords('borrowed from a loan shark to pay the broker').map(
      (w) => w.surface,
    );
    for (const x of s) for (const m of x.matched) expect(words).toContain(m);
    expect(s[0]?.matched).toEqual(expect.arrayContaining(['loan', 'shark']));
  });

  it('uses the card kind: the same words lead to a push factor or to a consequence', () => {
    const text = 'debt';
    expect(suggester.suggest({ text, kind: 'cause' })[0]?.factor).toBe('push.debt');
    expect(suggester.suggest({ text, kind: 'consequence' })[0]?.factor).toBe('harm.debt');
  });

  it('matches Vietnamese with and without its marks', () => {
    for (const text of ['nợ nần chồng chất', 'no nan chong chat'])
      expect(suggester.suggest({ text, kind: 'cause' })[0]?.factor, text).toBe('push.debt');
  });

  it('reads each script of the eight languages', () => {
    const cases: [string, 'cause' | 'consequence', string][] = [
      ['ไม่มีงานทำในหมู่บ้าน', 'cause', 'push.unemployment'],
      ['村里没有工作', 'cause', 'push.unemployment'],
      ['ជំពាក់បំណុលគេច្រើន', 'cause', 'push.debt'],
      ['ရဲကိုမတိုင်ရဲဘူး', 'consequence', 'harm.mistrust'],
      ['walang trabaho dito', 'cause', 'push.unemployment'],
      ['gaji tidak dibayar', 'consequence', 'harm.debt'],
      ['ｓｔａｔｅｌｅｓｓ, no birth cert', 'cause', 'push.legal_status'],
    ];
    for (const [text, kind, factor] of cases)
      expect(suggester.suggest({ text, kind })[0]?.factor, text).toBe(factor);
  });

  it('suggests nothing for a card that shares no term with any factor', () => {
    expect(suggester.suggest({ text: 'zzqx vvkw', kind: 'cause' })).toEqual([]);
    expect(suggester.suggest({ text: '', kind: 'cause' })).toEqual([]);
  });

  it('learns from confirmed cards: wording new to the vocabulary reaches the factor people chose', () => {
    const s = new FactorSuggester(DEFAULT_FACTORS);
    const card = { text: 'karaoke bar hostess contracts', kind: 'cause' as const };
    expect(s.suggest(card)[0]?.factor).not.toBe('push.demand');
    s.learn(
      { text: 'hostess jobs in karaoke bars', kind: 'cause', level: 'community' },
      'push.demand',
    );
    const after = s.suggest(card);
    expect(after[0]?.factor).toBe('push.demand');
    expect(after[0]?.matched).toEqual(expect.arrayContaining(['karaoke', 'hostess']));
  });

  it('refuses to learn a factor it does not know', () => {
    expect(() => new FactorSuggester(DEFAULT_FACTORS).learn({ text: 'x' }, 'push.nope')).toThrow(
      /unknown factor/,
    );
  });
});
