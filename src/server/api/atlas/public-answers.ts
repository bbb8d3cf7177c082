import isoCountries from 'i18n-iso-countries';
import type { AtlasMap, Count, FlowMatrix } from '../../../contract/atlas.ts';
import {
  ANY_FORM,
  cellKey,
  estimate,
  isExact,
  isWithheld,
  sumFigures,
  type Figure,
  type Release,
} from '../../../domain/analysis/release.ts';
import { getCountry, getPlace } from '../../../domain/geo/index.ts';
import { splitOnce } from '../../../domain/text/split.ts';
import { FORMS_OF_EXPLOITATION, isCode } from '../../../domain/taxonomy/codes.ts';
import { placeItem } from '../gazetteer/present.ts';

/**
 * Every public answer, derived from the public release only (domain/analysis/release.ts): no
 * function here sees a route or a count that is not published. Totals are sums of published
 * figures, orders and cut-offs are computed from published figures.
 */

/** A published figure as the contract's count: exact, `null` (withheld) or a range. */
export function countOf(f: Figure, k: number): Count {
  if (isExact(f)) return f.lo;
  return isWithheld(f, k) ? null : { lo: f.lo, hi: f.hi };
}

export interface PublicCell {
  origin: string;
  destination: string;
  figure: Figure;
}

/** The release's country → country figures for a form (`undefined`: any form). */
export function publicCells(rel: Release, form: string | undefined): PublicCell[] {
  return [...(rel.cells.get(form ?? ANY_FORM) ?? [])].map(([key, figure]) => {
    const [origin, destination] = splitOnce(key, '>');
    return { origin, destination, figure };
  });
}

function marginals(cells: PublicCell[], key: 'origin' | 'destination', skipSelf = false) {
  const parts = new Map<string, Figure[]>();
  for (const c of cells) {
    if (skipSelf && c.origin === c.destination) continue;
    const list = parts.get(c[key]) ?? [];
    list.push(c.figure);
    parts.set(c[key], list);
  }
  return new Map([...parts].map(([id, list]) => [id, sumFigures(list)]));
}

const byEstimate = (m: Map<string, Figure>) =>
  [...m.keys()].sort((a, b) => estimate(m.get(b)!) - estimate(m.get(a)!) || a.localeCompare(b));

export function publicFlowMatrix(rel: Release, form: string | undefined): FlowMatrix {
  const { k } = rel;
  const cells = publicCells(rel, form);
  const rows = marginals(cells, 'origin');
  const cols = marginals(cells, 'destination');
  const node = (id: string) => ({
    id,
    name: getPlace(id)?.name ?? id,
    countryCode: id.slice(0, 2),
  });
  const counts = (m: Map<string, Figure>) =>
    Object.fromEntries([...m].map(([id, f]) => [id, countOf(f, k)]));
  return {
    level: 'country',
    view: 'public',
    k,
    origins: byEstimate(rows).map(node),
    destinations: byEstimate(cols).map(node),
    cells: cells.map((c) => ({
      origin: c.origin,
      destination: c.destination,
      n: countOf(c.figure, k),
    })),
    originTotals: counts(rows),
    destinationTotals: counts(cols),
    total: countOf(sumFigures(cells.map((c) => c.figure)), k),
    suppressedCells: cells.filter((c) => isWithheld(c.figure, k)).length,
    omitted: { origins: 0, destinations: 0, cells: 0 },
  };
}

/**
 * The public map: country → country flows of at least k routes (a drawn line says its count is
 * not small), each with the forms published for that pair; no transit places (they would be a
 * table of their own, outside the release); regions' outflow and inflow as sums of published cells.
 */
export function publicMap(
  rel: Release,
  form: string | undefined,
): Pick<AtlasMap, 'routes' | 'flows' | 'regions'> {
  const { k } = rel;
  const cells = publicCells(rel, form);
  const drawn = cells
    .filter((c) => c.figure.lo >= k && c.origin !== c.destination)
    .sort((a, b) => estimate(b.figure) - estimate(a.figure))
    .slice(0, 400);
  const formsOf = (c: PublicCell) =>
    [...rel.cells]
      .filter(([f]) => f !== ANY_FORM && (form === undefined || f === form))
      .map(([f, m]) => ({ form: f, figure: m.get(cellKey(c.origin, c.destination)) }))
      .filter((x): x is { form: string; figure: Figure } => !!x.figure && isExact(x.figure))
      .sort((a, b) => b.figure.lo - a.figure.lo)
      .flatMap((x) =>
        isCode(FORMS_OF_EXPLOITATION, x.form) ? [{ form: x.form, n: x.figure.lo }] : [],
      );
  const out = marginals(cells, 'origin', true);
  const inn = marginals(cells, 'destination', true);
  const countries = [...new Set([...out.keys(), ...inn.keys()])].sort();
  const none: Figure = { lo: 0, hi: 0 };
  return {
    routes: countOf(sumFigures(cells.map((c) => c.figure)), k),
    flows: drawn.map((c) => ({
      source: countryItem(c.origin),
      destination: countryItem(c.destination),
      n: countOf(c.figure, k),
      via: [],
      forms: formsOf(c),
    })),
    regions: countries.map((country) => ({
      country,
      numeric: isoCountries.alpha2ToNumeric(country) ?? '',
      name: getCountry(country)?.name ?? country,
      outflow: countOf(out.get(country) ?? none, k),
      inflow: countOf(inn.get(country) ?? none, k),
    })),
  };
}

/**
 * A country as a map flow's end. Without its names in a hundred languages (`otherNames`, for
 * search): 400 flows would otherwise carry ~80,000 of them to every phone.
 */
function countryItem(id: string) {
  return { ...placeItem(id), otherNames: [] };
}

export interface PublicGapRow {
  placeId: string;
  form: string;
  /** Estimates from the published figures: what ranking and `minRoutes` use. */
  source: number;
  transit: number;
  destination: number;
  figures: { source: Figure; transit: Figure; destination: Figure };
}

/** Countries × forms with published routes starting, passing through or ending there. */
export function publicGapRows(rel: Release, form: string | undefined): PublicGapRow[] {
  const rows: PublicGapRow[] = [];
  const none: Figure = { lo: 0, hi: 0 };
  for (const f of rel.cells.keys()) {
    if (f === ANY_FORM || (form !== undefined && f !== form)) continue;
    const cells = publicCells(rel, f);
    const starting = marginals(cells, 'origin');
    const ending = marginals(cells, 'destination');
    const passing = rel.transits.get(f) ?? new Map<string, Figure>();
    const places = new Set([...starting.keys(), ...ending.keys(), ...passing.keys()]);
    for (const placeId of places) {
      const figures = {
        source: starting.get(placeId) ?? none,
        transit: passing.get(placeId) ?? none,
        destination: ending.get(placeId) ?? none,
      };
      rows.push({
        placeId,
        form: f,
        source: estimate(figures.source),
        transit: estimate(figures.transit),
        destination: estimate(figures.destination),
        figures,
      });
    }
  }
  return rows;
}
