import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANY_FORM,
  publishRelease,
  sumFigures,
  type Release,
  type ReleaseInput,
} from '../../src/domain/analysis/release.ts';
import { solve, type Facts } from '../support/atlas-attacker.ts';

/**
 * The public release alone, many more times than the server-level test can afford: random route
 * sets, the release, then everything an attacker knows about it — every atom's label, every total
 * (a sum of atoms), a route has at least one form (F_f ≤ F_* ≤ Σ_f F_f in every cell), a form's
 * transits are among its routes (T_f ≤ Σ F_f) — solved together. Stronger than "not pinned": every
 * withheld count must keep its whole range 1..k−1 (docs/security.md, "public").
 */

const COUNTRIES = ['MM', 'TH', 'KH', 'LA'];
const FORMS = ['ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage'];
const RUNS = Number(process.env.MOSAIC_RELEASE_RUNS ?? 600);

const routes = fc.array(
  fc.record({
    o: fc.constantFrom(...COUNTRIES),
    d: fc.constantFrom(...COUNTRIES),
    forms: fc.subarray(FORMS, { minLength: 1 }),
    transits: fc.subarray(COUNTRIES, { maxLength: 2 }),
    copies: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 25 })),
  }),
  { maxLength: 14 },
);
type Routes = typeof routes extends fc.Arbitrary<infer T> ? T : never;

function inputOf(set: Routes, k: number): ReleaseInput {
  const flows = new Map<string, number>();
  const transits = new Map<string, number>();
  for (const r of set)
    for (const form of [ANY_FORM, ...r.forms]) {
      const key = `${form}|${r.o}|${r.d}`;
      flows.set(key, (flows.get(key) ?? 0) + r.copies);
      if (form === ANY_FORM) continue;
      for (const t of r.transits) {
        const tk = `${form}|${t}`;
        transits.set(tk, (transits.get(tk) ?? 0) + r.copies);
      }
    }
  return {
    k,
    flows: [...flows].map(([key, n]) => {
      const [form, origin, destination] = key.split('|') as [string, string, string];
      return { form, origin, destination, n };
    }),
    transits: [...transits].map(([key, n]) => {
      const [form, place] = key.split('|') as [string, string];
      return { form, place, n };
    }),
  };
}

/** What an attacker knows from the release: labels, derived totals, and how counts relate. */
function factsOf(rel: Release): Facts {
  const f: Facts = { k: rel.k, bounds: new Map(), constraints: [], queries: 0 };
  const cellVar = (form: string, key: string) => `cell|${form}|${key}`;
  const pairs = new Set<string>();
  for (const [form, m] of rel.cells) {
    for (const [key, fig] of m) {
      f.bounds.set(cellVar(form, key), [fig.lo, fig.hi]);
      pairs.add(key);
    }
    // Derived totals as published: rows, columns, grand total.
    const by = (side: 0 | 1) => {
      const g = new Map<string, string[]>();
      for (const key of m.keys()) {
        const id = key.split('>')[side]!;
        g.set(id, [...(g.get(id) ?? []), key]);
      }
      return g;
    };
    for (const [side, name] of [
      [0, 'row'],
      [1, 'col'],
    ] as const)
      for (const [id, keys] of by(side)) {
        const total = `${name}|${form}|${id}`;
        const s = sumFigures(keys.map((key) => m.get(key)!));
        f.bounds.set(total, [s.lo, s.hi]);
        f.constraints.push({
          op: '=',
          terms: [[total, 1], ...keys.map((key): [string, number] => [cellVar(form, key), -1])],
        });
      }
    const all = sumFigures(m.values());
    f.bounds.set(`tot|${form}`, [all.lo, all.hi]);
    f.constraints.push({
      op: '=',
      terms: [
        [`tot|${form}`, 1],
        ...[...m.keys()].map((key): [string, number] => [cellVar(form, key), -1]),
      ],
    });
  }
  for (const key of pairs) {
    const any = cellVar(ANY_FORM, key);
    const forms = FORMS.map((x) => cellVar(x, key));
    for (const v of [any, ...forms]) if (!f.bounds.has(v)) f.bounds.set(v, [0, 0]);
    for (const v of forms)
      f.constraints.push({
        op: '>=',
        terms: [
          [any, 1],
          [v, -1],
        ],
      });
    f.constraints.push({
      op: '>=',
      terms: [...forms.map((v): [string, number] => [v, 1]), [any, -1]],
    });
  }
  for (const [form, m] of rel.transits)
    for (const [place, fig] of m) {
      const t = `trn|${form}|${place}`;
      f.bounds.set(t, [fig.lo, fig.hi]);
      f.constraints.push({
        op: '>=',
        terms: [
          [`tot|${form}`, 1],
          [t, -1],
        ],
      });
    }
  return f;
}

describe('public release (domain/analysis/release.ts)', () => {
  it('publishes exactly from k up, withholds below, and widens only the any-form and transit figures', () => {
    const rel = publishRelease({
      k: 11,
      flows: [
        { form: ANY_FORM, origin: 'MM', destination: 'TH', n: 32 },
        { form: 'SexualExploitation', origin: 'MM', destination: 'TH', n: 22 },
        { form: 'ForcedLabour', origin: 'MM', destination: 'TH', n: 10 },
      ],
      transits: [],
    });
    // 32 exactly would give ForcedLabour ≥ 32 − 22 = 10: pinned. Published: from 23 (= 1 + 22).
    expect(rel.cells.get(ANY_FORM)!.get('MM>TH')).toEqual({ lo: 23, hi: 32 });
    expect(rel.cells.get('ForcedLabour')!.get('MM>TH')).toEqual({ lo: 1, hi: 10 });
    expect(rel.cells.get('SexualExploitation')!.get('MM>TH')).toEqual({ lo: 22, hi: 22 });
  });

  it('an attacker who knows every relation between the figures keeps every withheld count at 1..k−1 (property)', () => {
    let withheld = 0;
    let ranges = 0;
    fc.assert(
      fc.property(routes, fc.constantFrom(3, 5, 11), (set, k) => {
        const rel = publishRelease(inputOf(set, k));
        const facts = factsOf(rel);
        const { bounds } = solve(facts);
        for (const [v, [lo, hi]] of facts.bounds) {
          if (lo === hi) continue;
          if (lo === 1 && hi === k - 1) {
            withheld++;
            expect(bounds.get(v), v).toEqual([1, k - 1]);
          } else ranges++;
        }
        // And the truth is inside every bound (the attacker's facts are right).
        for (const c of inputOf(set, k).flows) {
          const [lo, hi] = bounds.get(`cell|${c.form}|${c.origin}>${c.destination}`)!;
          expect(c.n).toBeGreaterThanOrEqual(lo);
          expect(c.n).toBeLessThanOrEqual(hi);
        }
      }),
      { numRuns: RUNS, seed: 20261205 },
    );
    console.info(`[public release] ${RUNS} runs, ${withheld} withheld counts, ${ranges} ranges`);
    expect(withheld).toBeGreaterThan(RUNS);
    expect(ranges).toBeGreaterThan(0);
  });
});
