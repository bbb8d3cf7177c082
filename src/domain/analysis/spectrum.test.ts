import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyPattern,
  explain,
  levelRank,
  PAY,
  RECRUITMENT,
  SPECTRUM_RULE_VERSION,
  type ExperiencePattern,
  type SpectrumLevel,
  type SpectrumReason,
} from './spectrum.ts';

const base: ExperiencePattern = {
  paid: 'full',
  canLeave: true,
  indicators: [],
  recruitment: 'free',
  moved: false,
};

/**
 * Worked cases, each written from the rule's text (docs/spectrum.md): the pattern, the level the
 * rule gives, and the reasons it must give.
 */
const cases: [string, Partial<ExperiencePattern>, SpectrumLevel, SpectrumReason[]][] = [
  // decent work: nothing bad present
  ['paid in full, free to leave, freely recruited', {}, 'decent_work', []],
  ['moved by an employer but nothing else wrong', { moved: true }, 'decent_work', []],
  // labour-rights violations: a shortfall with no element of forced labour
  ['paid only in part', { paid: 'partly' }, 'labour_rights_violation', ['partly_paid']],
  ['excessive overtime alone', { indicators: [11] }, 'labour_rights_violation', ['ilo11_excessive_overtime']],
  ['abusive conditions alone', { indicators: [10] }, 'labour_rights_violation', ['ilo10_abusive_conditions']],
  ['abuse of vulnerability alone', { indicators: [1] }, 'labour_rights_violation', ['ilo1_abuse_of_vulnerability']],
  ['partly paid, long hours, poor housing', { paid: 'partly', indicators: [10, 11] }, 'labour_rights_violation', ['ilo10_abusive_conditions', 'ilo11_excessive_overtime', 'partly_paid']],
  ['partly paid and moved, free to leave', { paid: 'partly', moved: true }, 'labour_rights_violation', ['partly_paid']],
  // serious exploitation: one element of forced labour, not both
  ['the seed: paid but documents withheld (free to leave)', { indicators: [7] }, 'serious_exploitation', ['ilo7_retention_of_documents']],
  ['the seed: never paid, but free to leave', { paid: 'never' }, 'serious_exploitation', ['never_paid']],
  ['wages withheld (ILO 8), free to leave', { paid: 'partly', indicators: [8] }, 'serious_exploitation', ['ilo8_withholding_of_wages', 'partly_paid']],
  ['threatened, but free to leave and paid', { indicators: [6] }, 'serious_exploitation', ['ilo6_intimidation']],
  ['debt bondage alone', { indicators: [9] }, 'serious_exploitation', ['ilo9_debt_bondage']],
  ['violence alone', { indicators: [5] }, 'serious_exploitation', ['ilo5_violence']],
  ['deceived at recruitment, otherwise fine', { recruitment: 'deceived' }, 'serious_exploitation', ['recruitment_deceived']],
  ['deception indicator, moved, no coercion', { indicators: [2], moved: true }, 'serious_exploitation', ['ilo2_deception']],
  ['cannot leave, with no sign of a penalty', { canLeave: false }, 'serious_exploitation', ['cannot_leave']],
  ['cannot leave and partly paid', { canLeave: false, paid: 'partly' }, 'serious_exploitation', ['cannot_leave', 'partly_paid']],
  ['isolated and restricted, free to leave', { indicators: [3, 4] }, 'serious_exploitation', ['ilo3_restriction_of_movement', 'ilo4_isolation']],
  // forced labour: involuntary and under menace of penalty
  ['the issue: documents retained and cannot leave; threatened with denunciation', { canLeave: false, indicators: [6, 7] }, 'forced_labour', ['cannot_leave', 'ilo6_intimidation', 'ilo7_retention_of_documents']],
  ['never paid and cannot leave', { paid: 'never', canLeave: false }, 'forced_labour', ['cannot_leave', 'never_paid']],
  ['debt bondage and cannot leave', { canLeave: false, indicators: [9] }, 'forced_labour', ['cannot_leave', 'ilo9_debt_bondage']],
  ['excessive overtime under threat', { indicators: [6, 11] }, 'forced_labour', ['ilo11_excessive_overtime', 'ilo6_intimidation']],
  ['abusive conditions with documents retained', { indicators: [7, 10] }, 'forced_labour', ['ilo10_abusive_conditions', 'ilo7_retention_of_documents']],
  ['deceived and wages withheld, not moved', { recruitment: 'deceived', indicators: [8] }, 'forced_labour', ['recruitment_deceived', 'ilo8_withholding_of_wages']],
  ['coerced recruitment, stayed home', { recruitment: 'coerced' }, 'forced_labour', ['recruitment_coerced']],
  ['moved but freely recruited; locked in and beaten', { moved: true, canLeave: false, indicators: [3, 5] }, 'forced_labour', ['cannot_leave', 'ilo3_restriction_of_movement', 'ilo5_violence']],
  ['abuse of vulnerability, cannot leave, wages withheld', { canLeave: false, indicators: [1, 8] }, 'forced_labour', ['cannot_leave', 'ilo8_withholding_of_wages', 'ilo1_abuse_of_vulnerability']],
  // trafficking: forced labour with unfree recruitment and movement
  ['deceived, moved, documents retained', { recruitment: 'deceived', moved: true, indicators: [7] }, 'trafficking', ['recruitment_deceived', 'moved_by_recruiter', 'ilo7_retention_of_documents']],
  ['coerced and moved', { recruitment: 'coerced', moved: true }, 'trafficking', ['recruitment_coerced', 'moved_by_recruiter']],
  ['deception indicator, moved, never paid, cannot leave', { indicators: [2], moved: true, paid: 'never', canLeave: false }, 'trafficking', ['ilo2_deception', 'moved_by_recruiter', 'never_paid', 'cannot_leave']],
  ['deceived, moved, debt bondage and overtime, partly paid', { recruitment: 'deceived', moved: true, indicators: [9, 11], paid: 'partly' }, 'trafficking', ['recruitment_deceived', 'moved_by_recruiter', 'ilo9_debt_bondage', 'ilo11_excessive_overtime', 'partly_paid']],
  ['every indicator, coerced, moved, never paid, cannot leave', { recruitment: 'coerced', moved: true, paid: 'never', canLeave: false, indicators: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, 'trafficking', ['recruitment_coerced', 'ilo2_deception', 'moved_by_recruiter', 'ilo3_restriction_of_movement', 'ilo4_isolation', 'ilo5_violence', 'ilo6_intimidation', 'ilo7_retention_of_documents', 'ilo8_withholding_of_wages', 'ilo9_debt_bondage', 'never_paid', 'ilo10_abusive_conditions', 'ilo11_excessive_overtime', 'cannot_leave', 'ilo1_abuse_of_vulnerability']],
]; // prettier-ignore

describe('spectrum rule: worked cases', () => {
  it('has at least thirty', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', (_, pattern, level, reasons) => {
    const r = classifyPattern({ ...base, ...pattern });
    expect(r.level).toBe(level);
    expect(r.reasons).toEqual(reasons);
    expect(r.rule).toBe(SPECTRUM_RULE_VERSION);
  });

  it('explains itself in words, never a bare level', () => {
    expect(explain(classifyPattern({ ...base, canLeave: false, indicators: [7, 6] }))).toBe(
      'forced labour: cannot leave; intimidation and threats (ILO 6); documents retained (ILO 7)',
    );
    expect(explain(classifyPattern(base))).toBe('decent work');
  });
});

const pattern = fc.record({
  paid: fc.constantFrom(...PAY),
  canLeave: fc.boolean(),
  indicators: fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 11 }),
  recruitment: fc.constantFrom(...RECRUITMENT),
  moved: fc.boolean(),
});
const rank = (p: ExperiencePattern) => levelRank(classifyPattern(p).level);

describe('spectrum rule: monotonic', () => {
  it('adding an indicator never lowers the level', () => {
    fc.assert(
      fc.property(pattern, fc.integer({ min: 1, max: 11 }), (p, n) => {
        expect(rank({ ...p, indicators: [...p.indicators, n] })).toBeGreaterThanOrEqual(rank(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('worse pay never lowers the level', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        for (const worse of PAY.slice(PAY.indexOf(p.paid)))
          expect(rank({ ...p, paid: worse })).toBeGreaterThanOrEqual(rank(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('taking away the freedom to leave never lowers the level', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        expect(rank({ ...p, canLeave: false })).toBeGreaterThanOrEqual(rank(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('a worse recruitment or being moved never lowers the level either', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        for (const worse of RECRUITMENT.slice(RECRUITMENT.indexOf(p.recruitment)))
          expect(rank({ ...p, recruitment: worse })).toBeGreaterThanOrEqual(rank(p));
        expect(rank({ ...p, moved: true })).toBeGreaterThanOrEqual(rank(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('names at least one reason for every level above decent work', () => {
    fc.assert(
      fc.property(pattern, (p) => {
        const r = classifyPattern(p);
        expect(r.reasons.length === 0).toBe(r.level === 'decent_work');
      }),
    );
  });
});

describe('spectrum texts', () => {
  it('has an English and a Thai text in the web locales for every level and reason code', async () => {
    const { readFileSync } = await import('node:fs');
    const { SPECTRUM_LEVELS, SPECTRUM_REASONS, REASON_TEXT } = await import('./spectrum.ts');
    for (const lang of ['en', 'th']) {
      const locale = JSON.parse(
        readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8'),
      ) as { spectrum: { levels: Record<string, string>; reasons: Record<string, string> } };
      for (const l of SPECTRUM_LEVELS)
        expect(locale.spectrum.levels[l], `${lang} ${l}`).toBeTruthy();
      for (const r of SPECTRUM_REASONS) {
        expect(locale.spectrum.reasons[r], `${lang} ${r}`).toBeTruthy();
        if (lang === 'en') expect(locale.spectrum.reasons[r]).toBe(REASON_TEXT[r]);
      }
    }
  });
});
