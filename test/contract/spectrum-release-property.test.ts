import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isExact, type Figure } from '../../src/domain/analysis/release.ts';
import { publishSpectrum } from '../../src/domain/analysis/spectrum-release.ts';
import { SPECTRUM_LEVELS, type SpectrumLevel } from '../../src/domain/analysis/spectrum.ts';
import { solve } from '../support/atlas-attacker.ts';

/**
 * The public spectrum against differencing, the way the atlas's and the overlap's releases are
 * tested: random pattern sets, every published figure of both tables (per form and per issue, each
 * level, each row's total, the grand total) written down as a sum of the atoms it covers, all
 * solved together by the atlas attacker; every withheld atom must keep its whole range 1..k−1.
 */
describe('public spectrum distribution against differencing', () => {
  const patterns = fc.array(
    fc.record({
      form: fc.constantFrom('ForcedLabour', 'SexualExploitation', 'Servitude'),
      issue: fc.constantFrom('domesticWorkers', 'fishing', null),
      level: fc.constantFrom(...SPECTRUM_LEVELS),
      n: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 25 })),
    }),
    { maxLength: 16 },
  );

  it('no withheld atom is narrowed by any combination of published figures', () => {
    fc.assert(
      fc.property(patterns, fc.constantFrom(4, 11), (set, k) => {
        const p = publishSpectrum(set, k);
        const truth = new Map<string, number>();
        for (const a of set) {
          const key = `${a.form}|${a.issue ?? ''}|${a.level}`;
          truth.set(key, (truth.get(key) ?? 0) + a.n);
        }
        const atoms = [...truth.keys()];
        const where = (pred: (form: string, issue: string, level: string) => boolean) =>
          atoms.filter((x) => {
            const [f, i, l] = x.split('|') as [string, string, string];
            return pred(f, i, l);
          });
        const facts = {
          k,
          bounds: new Map<string, [number, number]>(),
          constraints: [] as { terms: [string, number][]; op: '=' }[],
          queries: 0,
        };
        for (const a of atoms) facts.bounds.set(`atom|${a}`, [0, Infinity]);
        let n = 0;
        const publish = (f: Figure, parts: string[]) => {
          const v = `fig|${n++}`;
          facts.bounds.set(v, [f.lo, f.hi]);
          facts.constraints.push({
            terms: [[v, 1], ...parts.map((x): [string, number] => [`atom|${x}`, -1])],
            op: '=',
          });
        };
        for (const r of p.byForm) {
          publish(
            r.total,
            where((f) => f === r.key),
          );
          for (const l of SPECTRUM_LEVELS)
            publish(
              r.counts[l],
              where((f, _i, lv) => f === r.key && lv === l),
            );
        }
        for (const r of p.byIssue) {
          publish(
            r.total,
            where((_f, i) => i === r.key),
          );
          for (const l of SPECTRUM_LEVELS)
            publish(
              r.counts[l],
              where((_f, i, lv) => i === r.key && lv === l),
            );
        }
        publish(p.total, atoms);
        const { bounds } = solve(facts);
        for (const [a, count] of truth) {
          const [lo, hi] = bounds.get(`atom|${a}`)!;
          expect(count).toBeGreaterThanOrEqual(lo);
          expect(count).toBeLessThanOrEqual(hi);
          if (count < k) {
            expect(lo, a).toBeLessThanOrEqual(1);
            expect(hi, a).toBeGreaterThanOrEqual(k - 1);
          }
        }
        for (const r of [...p.byForm, ...p.byIssue])
          for (const f of Object.values(r.counts))
            if (isExact(f)) expect(f.lo === 0 || f.lo >= k).toBe(true);
      }),
      { numRuns: Number(process.env.MOSAIC_OVERLAP_RUNS ?? 300), seed: 20261206 },
    );
  });

  it('publishes exact counts from k up, withholds 1..k−1, sums the rest (worked case)', () => {
    const lv: SpectrumLevel = 'forced_labour';
    const p = publishSpectrum(
      [
        { form: 'ForcedLabour', issue: 'domesticWorkers', level: lv, n: 12 },
        { form: 'ForcedLabour', issue: 'fishing', level: lv, n: 3 },
        { form: 'ForcedLabour', issue: null, level: 'decent_work', n: 11 },
      ],
      11,
    );
    const fl = p.byForm.find((r) => r.key === 'ForcedLabour')!;
    expect(fl.counts.forced_labour).toEqual({ lo: 13, hi: 22 });
    expect(fl.counts.decent_work).toEqual({ lo: 11, hi: 11 });
    expect(fl.total).toEqual({ lo: 24, hi: 33 });
    expect(p.byIssue.map((r) => [r.key, r.total])).toEqual([
      ['domesticWorkers', { lo: 12, hi: 12 }],
      ['fishing', { lo: 1, hi: 10 }],
    ]);
  });
});
