import { KINDS_OF_WORK, type KindOfWork } from '../taxonomy/codes.ts';

/**
 * Gaps: where routes are reported but few or no organisations work, by form of exploitation and
 * by kind of work. The rule, in words (shown to users beside the list):
 *
 *   pressure(place, form) = wSource·(routes starting there) + wTransit·(routes passing through)
 *                         + wDestination·(routes ending there)
 *   need(place, form)     = Σ over kinds of work K of wK / (1 + organisations doing K there)
 *                           ÷ Σ wK   (1 when nobody works there, → 0 as coverage grows)
 *   score                 = pressure × need
 *
 * An organisation "works there" when it lists the place's country and, where it lists provinces
 * of that country, the place's province; and it lists the form, or lists no form at all.
 */
export interface PlaceRoleCounts {
  placeId: string;
  form: string;
  source: number;
  transit: number;
  destination: number;
}

export interface OrgCoverage {
  countries: string[];
  provinces: string[];
  forms: string[];
  kindsOfWork: string[];
}

export interface GapWeights {
  source: number;
  transit: number;
  destination: number;
  kinds: Record<KindOfWork, number>;
}

export const DEFAULT_WEIGHTS: GapWeights = {
  source: 1,
  transit: 0.5,
  destination: 1,
  kinds: {
    prevention: 1,
    protection: 1,
    prosecution: 1,
    policy: 0.5,
    research: 0.25,
    coordination: 0.25,
  },
};

export interface PlaceInfo {
  countryCode: string;
  provinceCode: string | null;
}

export interface GapResult extends PlaceRoleCounts {
  organisations: number;
  coverage: { kind: KindOfWork; organisations: number }[];
  missing: KindOfWork[];
  score: number;
}

export function worksIn(org: OrgCoverage, place: PlaceInfo, form: string): boolean {
  if (!org.countries.includes(place.countryCode)) return false;
  if (org.forms.length > 0 && !org.forms.includes(form)) return false;
  if (!place.provinceCode) return true;
  const inCountry = org.provinces.filter((p) => p.startsWith(`${place.countryCode}-`));
  return inCountry.length === 0 || inCountry.includes(place.provinceCode);
}

/** Rows with any pressure, by falling pressure (what `rankOrdered` walks). */
export function orderByPressure<T extends PlaceRoleCounts>(
  counts: T[],
  w: Pick<GapWeights, 'source' | 'transit' | 'destination'>,
): { c: T; pressure: number }[] {
  return counts
    .map((c) => ({
      c,
      pressure: w.source * c.source + w.transit * c.transit + w.destination * c.destination,
    }))
    .filter((x) => x.pressure > 0)
    .sort((a, b) => b.pressure - a.pressure);
}

export function rankGaps(
  counts: PlaceRoleCounts[],
  placeOf: (id: string) => PlaceInfo | undefined,
  orgs: OrgCoverage[],
  w: GapWeights,
  limit: number,
): GapResult[] {
  return rankOrdered(orderByPressure(counts, w), placeOf, orgs, w, limit);
}

/** `rankGaps` over rows already ordered by `orderByPressure` with the same role weights. */
export function rankOrdered(
  ordered: { c: PlaceRoleCounts; pressure: number }[],
  placeOf: (id: string) => PlaceInfo | undefined,
  orgs: OrgCoverage[],
  w: GapWeights,
  limit: number,
): GapResult[] {
  const kindWeightSum = KINDS_OF_WORK.reduce((s, k) => s + w.kinds[k], 0) || 1;
  // Only organisations listing a place's country can work there: index them by country once.
  const byCountry = new Map<string, OrgCoverage[]>();
  for (const o of orgs)
    for (const c of o.countries) {
      const list = byCountry.get(c);
      if (list) list.push(o);
      else byCountry.set(c, [o]);
    }
  const out: GapResult[] = [];
  // need ≤ 1, so score ≤ pressure: visiting rows by falling pressure, we can stop as soon as the
  // pressure cannot beat the `limit`-th best score found so far.
  const best: number[] = [];
  for (const { c, pressure } of ordered) {
    if (best.length >= limit && pressure < best[limit - 1]!) break;
    const place = placeOf(c.placeId);
    if (!place) continue;
    const here = (byCountry.get(place.countryCode) ?? []).filter((o) => worksIn(o, place, c.form));
    const coverage = KINDS_OF_WORK.map((kind) => ({
      kind,
      organisations: here.filter((o) => o.kindsOfWork.includes(kind)).length,
    }));
    const need =
      coverage.reduce((s, cv) => s + w.kinds[cv.kind] / (1 + cv.organisations), 0) / kindWeightSum;
    const score = Math.round(pressure * need * 100) / 100;
    out.push({
      placeId: c.placeId,
      form: c.form,
      source: c.source,
      transit: c.transit,
      destination: c.destination,
      organisations: here.length,
      coverage,
      missing: coverage
        .filter((cv) => cv.organisations === 0 && w.kinds[cv.kind] > 0)
        .map((cv) => cv.kind),
      score,
    });
    best.push(score);
    best.sort((a, b) => b - a);
    if (best.length > limit) best.length = limit;
  }
  // Ties are broken by place, then form: the order must not depend on the order rows were read in
  // (PostgreSQL and SQLite return equal-pressure rows differently).
  out.sort(
    (a, b) =>
      b.score - a.score || a.placeId.localeCompare(b.placeId) || a.form.localeCompare(b.form),
  );
  return out.slice(0, limit);
}

export const GAP_RULE =
  'score = (wSource × routes starting here + wTransit × routes passing through + wDestination × routes ending here) × need, where need = Σ_kinds wKind / (1 + organisations doing that kind of work here for this form) ÷ Σ wKind. An organisation works here when it lists the country (and the province, if it lists provinces of that country) and the form (or no form).';
