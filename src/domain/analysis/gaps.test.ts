import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KINDS_OF_WORK } from '../taxonomy/codes.ts';
import {
  DEFAULT_WEIGHTS,
  rankGaps,
  worksIn,
  type GapWeights,
  type OrgCoverage,
  type PlaceInfo,
  type PlaceRoleCounts,
} from './gaps.ts';

const PLACES: Record<string, PlaceInfo> = {
  TH: { countryCode: 'TH', provinceCode: null },
  'TH-10': { countryCode: 'TH', provinceCode: 'TH-10' },
  'TH-63': { countryCode: 'TH', provinceCode: 'TH-63' },
  MM: { countryCode: 'MM', provinceCode: null },
  'MM-06': { countryCode: 'MM', provinceCode: 'MM-06' },
  'city:1': { countryCode: 'MY', provinceCode: 'MY-14' },
};
const FORMS = ['ForcedLabour', 'SexualExploitation', 'ForcedMarriage'];

/** The rule as written in GAP_RULE, scored for every row, no shortcut. */
function bruteForce(
  counts: PlaceRoleCounts[],
  orgs: OrgCoverage[],
  w: GapWeights,
  limit: number,
): { placeId: string; form: string; score: number }[] {
  const sumW = KINDS_OF_WORK.reduce((s, k) => s + w.kinds[k], 0) || 1;
  return counts
    .map((c) => {
      const pressure = w.source * c.source + w.transit * c.transit + w.destination * c.destination;
      const here = orgs.filter((o) => worksIn(o, PLACES[c.placeId]!, c.form));
      const need =
        KINDS_OF_WORK.reduce(
          (s, k) => s + w.kinds[k] / (1 + here.filter((o) => o.kindsOfWork.includes(k)).length),
          0,
        ) / sumW;
      return {
        placeId: c.placeId,
        form: c.form,
        pressure,
        score: Math.round(pressure * need * 100) / 100,
      };
    })
    .filter((x) => x.pressure > 0)
    .sort(
      (a, b) =>
        b.score - a.score || a.placeId.localeCompare(b.placeId) || a.form.localeCompare(b.form),
    )
    .slice(0, limit)
    .map(({ placeId, form, score }) => ({ placeId, form, score }));
}

const count = fc.nat({ max: 40 });
const arbCounts = fc.uniqueArray(
  fc.record({
    placeId: fc.constantFrom(...Object.keys(PLACES)),
    form: fc.constantFrom(...FORMS),
    source: count,
    transit: count,
    destination: count,
  }),
  { selector: (c) => `${c.placeId}|${c.form}`, maxLength: 18 },
);
const arbOrgs = fc.array(
  fc.record({
    countries: fc.subarray(['TH', 'MM', 'MY']),
    provinces: fc.subarray(['TH-10', 'TH-63', 'MM-06', 'MY-14']),
    forms: fc.subarray(FORMS),
    kindsOfWork: fc.subarray([...KINDS_OF_WORK]),
  }),
  { maxLength: 8 },
);
const weight = fc.integer({ min: 0, max: 8 }).map((x) => x / 4);
const arbWeights: fc.Arbitrary<GapWeights> = fc.record({
  source: weight,
  transit: weight,
  destination: weight,
  kinds: fc.record(
    Object.fromEntries(KINDS_OF_WORK.map((k) => [k, weight])) as Record<
      (typeof KINDS_OF_WORK)[number],
      fc.Arbitrary<number>
    >,
  ),
});

describe('rankGaps', () => {
  it('equals scoring every row by the written rule (the early stop loses nothing)', () => {
    fc.assert(
      fc.property(arbCounts, arbOrgs, arbWeights, fc.integer({ min: 1, max: 6 }), (c, o, w, n) => {
        const got = rankGaps(c, (id) => PLACES[id], o, w, n).map((g) => g.score);
        expect(got).toEqual(bruteForce(c, o, w, n).map((g) => g.score));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same list whatever order the rows were read in (ties: place, then form)', () => {
    fc.assert(
      fc.property(arbCounts, arbOrgs, arbWeights, fc.integer({ min: 1, max: 6 }), (c, o, w, n) => {
        const key = (rows: PlaceRoleCounts[]) =>
          rankGaps(rows, (id) => PLACES[id], o, w, n).map(
            (g) => `${g.placeId}/${g.form}:${g.score}`,
          );
        expect(key([...c].reverse())).toEqual(key(c));
      }),
      { numRuns: 400 },
    );
  });

  it('puts an uncovered destination above a covered one with the same routes', () => {
    const counts = [
      { placeId: 'TH-10', form: 'ForcedLabour', source: 0, transit: 0, destination: 9 },
      { placeId: 'TH-63', form: 'ForcedLabour', source: 0, transit: 0, destination: 9 },
    ];
    const orgs = [
      { countries: ['TH'], provinces: ['TH-63'], forms: [], kindsOfWork: ['protection'] },
    ];
    const [first, second] = rankGaps(counts, (id) => PLACES[id], orgs, DEFAULT_WEIGHTS, 5);
    expect(first!.placeId).toBe('TH-10');
    expect(first!.missing).toContain('protection');
    expect(second!.missing).not.toContain('protection');
    expect(first!.score).toBeGreaterThan(second!.score);
  });
});
