import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KINDS_OF_WORK } from '../taxonomy/codes.ts';
import {
  DEFAULT_WEIGHTS,
  rankGaps,
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

/**
 * "Works there", written again from the rule in words (GAP_RULE), not imported from gaps.ts: an
 * oracle that shared the implementation's helper would agree with any bug in it.
 */
function worksThere(org: OrgCoverage, place: PlaceInfo, form: string): boolean {
  const country = place.countryCode;
  const listsCountry = org.countries.some((c) => c === country);
  const listsForm = org.forms.length === 0 || org.forms.some((f) => f === form);
  if (place.provinceCode === null) return listsCountry && listsForm;
  const itsProvinces = org.provinces.filter((p) => p.split('-')[0] === country);
  const listsProvince =
    itsProvinces.length === 0 || itsProvinces.some((p) => p === place.provinceCode);
  return listsCountry && listsForm && listsProvince;
}

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
      const here = orgs.filter((o) => worksThere(o, PLACES[c.placeId]!, c.form));
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
        const got = rankGaps(c, (id) => PLACES[id], o, w, n).map(
          (g) => `${g.placeId}/${g.form}:${g.score}`,
        );
        expect(got).toEqual(bruteForce(c, o, w, n).map((g) => `${g.placeId}/${g.form}:${g.score}`));
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

  it('scores a worked example computed by hand', () => {
    // Default weights: source 1, transit 0.5, destination 1; kinds 1+1+1+0.5+0.25+0.25 = 4.
    const counts = [
      // pressure 2 + 0.5·4 + 6 = 10; the organisation lists only TH-63 of Thailand: need 1
      { placeId: 'TH-10', form: 'ForcedLabour', source: 2, transit: 4, destination: 6 },
      // pressure 10; one organisation doing protection there: need (4 − 1 + 1/2) / 4 = 0.875
      { placeId: 'TH-63', form: 'ForcedLabour', source: 2, transit: 4, destination: 6 },
      // pressure 3; the Myanmar organisation lists only sexual exploitation: need 1
      { placeId: 'MM', form: 'ForcedLabour', source: 3, transit: 0, destination: 0 },
      // pressure 2; the Myanmar organisation (prevention) works country-wide there: need 0.875
      { placeId: 'MM', form: 'SexualExploitation', source: 0, transit: 0, destination: 2 },
      // pressure 0: not a gap at all
      { placeId: 'MM-06', form: 'ForcedLabour', source: 0, transit: 0, destination: 0 },
    ];
    const orgs = [
      {
        countries: ['TH', 'MY'],
        provinces: ['TH-63', 'MY-14'],
        forms: [],
        kindsOfWork: ['protection'],
      },
      {
        countries: ['MM'],
        provinces: ['MM-06'],
        forms: ['SexualExploitation'],
        kindsOfWork: ['prevention'],
      },
    ];
    const got = rankGaps(counts, (id) => PLACES[id], orgs, DEFAULT_WEIGHTS, 10).map((g) => [
      g.placeId,
      g.form,
      g.score,
      g.organisations,
    ]);
    expect(got).toEqual([
      ['TH-10', 'ForcedLabour', 10, 0],
      ['TH-63', 'ForcedLabour', 8.75, 1],
      ['MM', 'ForcedLabour', 3, 0],
      ['MM', 'SexualExploitation', 1.75, 1],
    ]);
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
