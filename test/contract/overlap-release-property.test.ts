import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeOverlap,
  type OverlapFactor,
  type OverlapIssue,
  type OverlapTally,
} from '../../src/domain/analysis/overlap.ts';
import { isExact, type Figure } from '../../src/domain/analysis/release.ts';
import { solve } from '../support/atlas-attacker.ts';

const FACTORS: OverlapFactor[] = [
  { id: 'push.debt', kind: 'cause', label: 'Debt' },
  { id: 'push.poverty', kind: 'cause', label: 'Poverty' },
  { id: 'push.deception', kind: 'cause', label: 'Deceptive recruitment' },
];
const t = (eventId: string, issue: string, factor: string, n: number, level = 'individual') =>
  ({ eventId, issue, level, factor, n }) satisfies OverlapTally;

/**
 * The public view against differencing, the way the atlas's release is tested
 * (test/contract/atlas-release-property.test.ts): random card sets, every published figure of
 * both matrices written down as a sum of the atoms it covers, everything solved together by the
 * atlas attacker; every withheld atom must keep its whole range 1..k−1.
 */
describe('public overlap against differencing', () => {
  const ISSUE_SETS: OverlapIssue[] = [
    { eventId: 'a', key: 'i1', label: 'i1', forms: ['ForcedLabour'] },
    { eventId: 'a', key: 'i2', label: 'i2', forms: ['ForcedLabour', 'Servitude'] },
    { eventId: 'a', key: 'i3', label: 'i3', forms: ['SexualExploitation'] },
    { eventId: 'a', key: 'i4', label: 'i4', forms: [] },
    { eventId: 'b', key: 'i1', label: 'i1', forms: ['ForcedLabour', 'ChildLabour'] },
    { eventId: 'b', key: 'i3', label: 'i3', forms: ['SexualExploitation'] },
  ];
  const cards = fc.array(
    fc.record({
      issue: fc.constantFrom(...ISSUE_SETS),
      factor: fc.constantFrom('push.debt', 'push.poverty', 'push.deception'),
      n: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 25 })),
    }),
    { maxLength: 16 },
  );

  it('no withheld atom is narrowed by any combination of published figures', () => {
    fc.assert(
      fc.property(cards, fc.constantFrom(4, 11), (set, k) => {
        const tallies = set.map((c) => t(c.issue.eventId, c.issue.key, c.factor, c.n));
        const p = computeOverlap(tallies, {
          kind: 'cause',
          factors: FACTORS,
          issues: ISSUE_SETS,
          k,
        });
        // The true atoms: (factor, issue key, forms).
        const formsOf = (i: OverlapIssue) => [...i.forms].sort().join(',');
        const truth = new Map<string, number>();
        for (const c of set) {
          const key = `${c.factor}|${c.issue.key}|${formsOf(c.issue)}`;
          truth.set(key, (truth.get(key) ?? 0) + c.n);
        }
        const atoms = [...truth.keys()];
        const atomsWhere = (pred: (factor: string, issue: string, forms: string[]) => boolean) =>
          atoms.filter((a) => {
            const [f, i, fs] = a.split('|') as [string, string, string];
            return pred(f, i, fs ? fs.split(',') : []);
          });
        const facts = {
          k,
          bounds: new Map<string, [number, number]>(),
          constraints: [] as { terms: [string, number][]; op: '=' }[],
          queries: 0,
        };
        for (const a of atoms) facts.bounds.set(`atom|${a}`, [0, Infinity]);
        let figures = 0;
        const publish = (f: Figure, parts: string[]) => {
          const v = `fig|${figures++}`;
          facts.bounds.set(v, [f.lo, f.hi]);
          facts.constraints.push({
            terms: [[v, 1], ...parts.map((x): [string, number] => [`atom|${x}`, -1])],
            op: '=',
          });
        };
        for (const r of p.byIssue.rows) {
          publish(
            r.total,
            atomsWhere((f) => f === r.factor),
          );
          for (const c of p.byIssue.columns)
            publish(
              r.cells[c.key] ?? { lo: 0, hi: 0 },
              atomsWhere((f, i) => f === r.factor && i === c.key),
            );
        }
        for (const c of p.byIssue.columns)
          publish(
            c.total,
            atomsWhere((_f, i) => i === c.key),
          );
        publish(p.byIssue.total, atoms);
        for (const r of p.byForm.rows) {
          publish(
            r.total,
            atomsWhere((f, _i, fs) => f === r.factor && fs.length > 0),
          );
          for (const c of p.byForm.columns)
            publish(
              r.cells[c.key] ?? { lo: 0, hi: 0 },
              atomsWhere((f, _i, fs) => f === r.factor && fs.includes(c.key)),
            );
        }
        for (const c of p.byForm.columns)
          publish(
            c.total,
            atomsWhere((_f, _i, fs) => fs.includes(c.key)),
          );
        for (const s of p.sharedByForms)
          publish(
            s.total,
            atomsWhere((f, _i, fs) => f === s.factor && fs.length > 0),
          );
        const { bounds } = solve(facts);
        for (const [a, n] of truth) {
          const [lo, hi] = bounds.get(`atom|${a}`)!;
          expect(n).toBeGreaterThanOrEqual(lo);
          expect(n).toBeLessThanOrEqual(hi);
          if (n < k) {
            expect(lo, a).toBeLessThanOrEqual(1);
            expect(hi, a).toBeGreaterThanOrEqual(k - 1);
          }
        }
        // Nothing below k is ever published exactly.
        for (const r of [...p.byIssue.rows, ...p.byForm.rows])
          for (const f of Object.values(r.cells))
            if (isExact(f)) expect(f.lo === 0 || f.lo >= k).toBe(true);
      }),
      { numRuns: Number(process.env.MOSAIC_OVERLAP_RUNS ?? 300), seed: 20261206 },
    );
  });
});
