import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeOverlap,
  cosine,
  type OverlapFactor,
  type OverlapIssue,
  type OverlapTally,
} from './overlap.ts';
import { isExact } from './release.ts';

const FACTORS: OverlapFactor[] = [
  { id: 'push.debt', kind: 'cause', label: 'Debt' },
  { id: 'push.poverty', kind: 'cause', label: 'Poverty' },
  { id: 'push.deception', kind: 'cause', label: 'Deceptive recruitment' },
  { id: 'harm.trauma', kind: 'consequence', label: 'Trauma' },
];
const ISSUES: OverlapIssue[] = [
  { eventId: 'e1', key: 'fishing', label: 'Fishing', forms: ['ForcedLabour'] },
  {
    eventId: 'e1',
    key: 'domestic',
    label: 'Domestic workers',
    forms: ['ForcedLabour', 'Servitude'],
  },
  { eventId: 'e1', key: 'marriage', label: 'Forced marriage', forms: ['ForcedMarriage'] },
  { eventId: 'e1', key: 'policy', label: 'Policy', forms: [] },
  { eventId: 'e2', key: 'fishing', label: 'Fishing', forms: ['ForcedLabour'] },
];
const t = (eventId: string, issue: string, factor: string, n: number, level = 'individual') =>
  ({ eventId, issue, level, factor, n }) satisfies OverlapTally;

describe('overlap matrices', () => {
  const tallies = [
    t('e1', 'fishing', 'push.debt', 3),
    t('e2', 'fishing', 'push.debt', 2),
    t('e1', 'domestic', 'push.debt', 4),
    t('e1', 'marriage', 'push.debt', 1),
    t('e1', 'marriage', 'push.poverty', 5),
    t('e1', 'policy', 'push.poverty', 2),
    t('e1', 'fishing', 'harm.trauma', 6),
  ];
  const o = computeOverlap(tallies, { kind: 'cause', factors: FACTORS, issues: ISSUES });
  const row = (m: typeof o.byIssue, id: string) => m.rows.find((r) => r.factor === id)!;

  it('counts a factor per issue across events, and per form once for each form its issue names', () => {
    expect(o.byIssue.columns.map((c) => c.key)).toEqual([
      'fishing',
      'domestic',
      'marriage',
      'policy',
    ]);
    const debt = row(o.byIssue, 'push.debt');
    expect(debt.cells).toEqual({
      fishing: { lo: 5, hi: 5 },
      domestic: { lo: 4, hi: 4 },
      marriage: { lo: 1, hi: 1 },
    });
    expect(debt.total).toEqual({ lo: 10, hi: 10 });
    expect(debt.spread).toBe(3);
    expect(o.byForm.columns.map((c) => c.key)).toEqual([
      'ForcedLabour',
      'ForcedMarriage',
      'Servitude',
    ]);
    expect(row(o.byForm, 'push.debt').cells).toEqual({
      ForcedLabour: { lo: 9, hi: 9 },
      Servitude: { lo: 4, hi: 4 },
      ForcedMarriage: { lo: 1, hi: 1 },
    });
    // The policy issue names no form: its cards are in the issue matrix only.
    expect(row(o.byIssue, 'push.poverty').total).toEqual({ lo: 7, hi: 7 });
    expect(row(o.byForm, 'push.poverty').total).toEqual({ lo: 5, hi: 5 });
  });

  it('keeps consequences apart from push factors, and lists factors without cards last', () => {
    expect(o.byIssue.rows.map((r) => r.factor)).toEqual([
      'push.debt',
      'push.poverty',
      'push.deception',
    ]);
    expect(row(o.byIssue, 'push.deception').total).toEqual({ lo: 0, hi: 0 });
    const c = computeOverlap(tallies, { kind: 'consequence', factors: FACTORS, issues: ISSUES });
    expect(c.byIssue.rows.map((r) => [r.factor, r.total.lo])).toEqual([['harm.trauma', 6]]);
  });

  it('ranks the factors shared by the most forms, and links only shared factors in the network', () => {
    expect(o.sharedByForms.map((s) => [s.factor, s.forms, s.of])).toEqual([
      ['push.debt', 3, 3],
      ['push.poverty', 1, 3],
    ]);
    expect(o.network.factors).toEqual([
      { id: 'push.debt', label: 'Debt', forms: ['ForcedLabour', 'ForcedMarriage', 'Servitude'] },
    ]);
    expect(o.network.links).toHaveLength(3);
  });

  it('compares forms by the cosine of their factor profiles', () => {
    const lab = o.similarity.find((s) => s.a === 'ForcedLabour' && s.b === 'Servitude')!;
    // ForcedLabour = (debt 9, poverty 0), Servitude = (4, 0): same direction.
    expect(lab.cosine).toBe(1);
    const fm = o.similarity.find((s) => s.a === 'ForcedLabour' && s.b === 'ForcedMarriage')!;
    // (9, 0) · (1, 5) / (9 · √26)
    expect(fm.cosine).toBeCloseTo(1 / Math.sqrt(26), 3);
    expect(fm.shared).toBe(1);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });

  it('public view: an atom below k is withheld, and every figure above it is a range', () => {
    const p = computeOverlap(tallies, { kind: 'cause', factors: FACTORS, issues: ISSUES, k: 5 });
    const debt = p.byIssue.rows.find((r) => r.factor === 'push.debt')!;
    // fishing: 3 (e1) + 2 (e2) are one atom (same issue, same forms) = 5 → published exactly.
    expect(debt.cells.fishing).toEqual({ lo: 5, hi: 5 });
    expect(debt.cells.domestic).toEqual({ lo: 1, hi: 4 });
    expect(debt.total).toEqual({ lo: 5 + 1 + 1, hi: 5 + 4 + 4 });
    const fl = p.byForm.rows.find((r) => r.factor === 'push.debt')!.cells.ForcedLabour!;
    expect(fl).toEqual({ lo: 6, hi: 9 });
  });
});

describe('overlap properties', () => {
  const ISSUE_SETS: OverlapIssue[] = [
    { eventId: 'a', key: 'i1', label: 'i1', forms: ['ForcedLabour'] },
    { eventId: 'a', key: 'i2', label: 'i2', forms: ['ForcedLabour', 'Servitude'] },
    { eventId: 'a', key: 'i4', label: 'i4', forms: [] },
    { eventId: 'b', key: 'i1', label: 'i1', forms: ['ForcedLabour', 'ChildLabour'] },
  ];
  const cards = fc.array(
    fc.record({
      issue: fc.constantFrom(...ISSUE_SETS),
      factor: fc.constantFrom('push.debt', 'push.poverty', 'push.deception'),
      n: fc.integer({ min: 1, max: 30 }),
    }),
    { maxLength: 16 },
  );

  it('private view: every figure is exact and a row total equals the sum of its issue cells', () => {
    fc.assert(
      fc.property(cards, (set) => {
        const tallies = set.map((c) => t(c.issue.eventId, c.issue.key, c.factor, c.n));
        const o = computeOverlap(tallies, { kind: 'cause', factors: FACTORS, issues: ISSUE_SETS });
        let all = 0;
        for (const r of o.byIssue.rows) {
          const sum = Object.values(r.cells).reduce((s, f) => s + f.lo, 0);
          expect(r.total).toEqual({ lo: sum, hi: sum });
          all += sum;
        }
        expect(all).toBe(set.reduce((s, c) => s + c.n, 0));
        for (const r of o.byForm.rows)
          for (const f of Object.values(r.cells)) expect(isExact(f)).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
