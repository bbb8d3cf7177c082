import isoCountries from 'i18n-iso-countries';
import type {
  AtlasMap,
  Count,
  FlowMatrix,
  Gap,
  GapList,
  GapsQuery,
} from '../../../contract/atlas.ts';
import {
  DEFAULT_WEIGHTS,
  GAP_RULE,
  orderByPressure,
  rankOrdered,
  type GapWeights,
  type OrgCoverage,
} from '../../../domain/analysis/gaps.ts';
import { getCountry, getPlace } from '../../../domain/geo/index.ts';
import {
  FORMS_OF_EXPLOITATION,
  isCode,
  KINDS_OF_WORK,
  type KindOfWork,
} from '../../../domain/taxonomy/codes.ts';
import type { AppContext } from '../../context.ts';
import {
  audienceKey,
  countRoutes,
  flowCounts,
  mapRoutes,
  placeCounts,
} from '../../db/repos/atlas-queries.ts';
import type { AtlasAnswerCache } from './answer-cache.ts';
import type { RouteFilter } from '../../db/repos/routes.ts';
import { coalitionOrganisations } from '../../db/repos/atlas-organisations.ts';
import { placeItem } from '../gazetteer/present.ts';
import type { AtlasReader } from './audience.ts';
import { countOf, publicFlowMatrix, publicGapRows, publicMap } from './public-answers.ts';
import { publicRelease } from './public-release.ts';

const nameOf = (id: string) => getPlace(id)?.name ?? id;

/** Everything an aggregate answer depends on besides the routes themselves. */
function answerKey(what: string, r: AtlasReader, level: string, f: RouteFilter): string {
  return [
    what,
    audienceKey(r.audience),
    r.isPublic ? `public:${r.k}` : 'full',
    level,
    JSON.stringify(f),
  ].join('|');
}

export async function flowMatrix(
  ctx: AppContext,
  cache: AtlasAnswerCache,
  r: AtlasReader,
  level: 'country' | 'province',
  f: RouteFilter,
  shape: { top?: number | undefined; cells?: 'all' | 'none' } = {},
): Promise<FlowMatrix> {
  const size = (m: FlowMatrix) => m.cells.length + m.origins.length + m.destinations.length;
  const whole = () =>
    cache.get(ctx.db, r.audience.coalitionId, answerKey('flows', r, level, f), size, () =>
      computeFlowMatrix(ctx, cache, r, level, f),
    );
  const { top, cells = 'all' } = shape;
  if (top === undefined && cells === 'all') return whole();
  return cache.get(
    ctx.db,
    r.audience.coalitionId,
    answerKey(`flows-top${top ?? ''}-${cells}`, r, level, f),
    size,
    async () => {
      const m = top === undefined ? await whole() : topOfMatrix(await whole(), top);
      return cells === 'all'
        ? m
        : { ...m, cells: [], omitted: { ...m.omitted, cells: m.omitted.cells + m.cells.length } };
    },
  );
}

/**
 * The `top` origins and destinations by routes, with the cells between them. Applied after
 * suppression, so a public answer withholds exactly what the whole table withholds; row, column
 * and grand totals are the whole table's.
 */
export function topOfMatrix(m: FlowMatrix, top: number): FlowMatrix {
  const origins = m.origins.slice(0, top);
  const destinations = m.destinations.slice(0, top);
  const o = new Set(origins.map((n) => n.id));
  const d = new Set(destinations.map((n) => n.id));
  const cells = m.cells.filter((c) => o.has(c.origin) && d.has(c.destination));
  const pick = (totals: Record<string, Count>, keep: Set<string>) =>
    Object.fromEntries(Object.entries(totals).filter(([id]) => keep.has(id)));
  return {
    ...m,
    origins,
    destinations,
    cells,
    originTotals: pick(m.originTotals, o),
    destinationTotals: pick(m.destinationTotals, d),
    omitted: {
      origins: m.omitted.origins + m.origins.length - origins.length,
      destinations: m.omitted.destinations + m.destinations.length - destinations.length,
      cells: m.omitted.cells + m.cells.length - cells.length,
    },
  };
}

async function computeFlowMatrix(
  ctx: AppContext,
  cache: AtlasAnswerCache,
  r: AtlasReader,
  level: 'country' | 'province',
  f: RouteFilter,
): Promise<FlowMatrix> {
  // Public: derived from the public release alone (by country, by form), never from the routes.
  if (r.isPublic)
    return publicFlowMatrix(await publicRelease(ctx, cache, r.audience.coalitionId, r.k), f.form);
  const counts = await flowCounts(ctx.db, r.audience, level, f);
  const node = (id: string) => ({ id, name: nameOf(id), countryCode: id.slice(0, 2) });
  const sum = (key: 'origin' | 'destination') => {
    const m = new Map<string, number>();
    for (const c of counts) m.set(c[key], (m.get(c[key]) ?? 0) + c.n);
    return m;
  };
  const rowTotals = sum('origin');
  const colTotals = sum('destination');
  const byTotal = (m: Map<string, number>) =>
    [...m.keys()].sort((a, b) => m.get(b)! - m.get(a)! || a.localeCompare(b)).map(node);
  return {
    level,
    view: 'coalition',
    k: r.k,
    origins: byTotal(rowTotals),
    destinations: byTotal(colTotals),
    cells: counts.map((c) => ({ origin: c.origin, destination: c.destination, n: c.n })),
    originTotals: Object.fromEntries(rowTotals),
    destinationTotals: Object.fromEntries(colTotals),
    total: counts.reduce((s, c) => s + c.n, 0),
    suppressedCells: 0,
    omitted: { origins: 0, destinations: 0, cells: 0 },
  };
}

export function weightsOf(q: GapsQuery): GapWeights {
  return {
    source: q.wSource,
    transit: q.wTransit,
    destination: q.wDestination,
    kinds: {
      prevention: q.wPrevention,
      protection: q.wProtection,
      prosecution: q.wProsecution,
      policy: q.wPolicy,
      research: q.wResearch,
      coordination: q.wCoordination,
    },
  };
}

const ROLE_WORDS = {
  source: 'start here',
  transit: 'pass through',
  destination: 'end here',
} as const;
const KIND_WORDS: Record<KindOfWork, string> = {
  prevention: 'prevention',
  protection: 'protection services',
  prosecution: 'prosecution or law enforcement',
  policy: 'policy or advocacy',
  research: 'research',
  coordination: 'coordination',
};

function summarise(g: Omit<Gap, 'summary'>, k: number): string {
  const parts = (['source', 'transit', 'destination'] as const)
    .filter((role) => g[role] !== 0)
    .map((role) => {
      const n = g[role];
      const words =
        n === null ? `fewer than ${k}` : typeof n === 'number' ? String(n) : `${n.lo}–${n.hi}`;
      return `${words} route${n === 1 ? '' : 's'} ${ROLE_WORDS[role]}`;
    });
  const missing = g.missing.length
    ? `no organisation offers ${g.missing.map((m) => KIND_WORDS[m]).join(', ')}`
    : `${g.organisations} organisation${g.organisations === 1 ? '' : 's'} work here`;
  return `${g.place.name} — ${g.form.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: ${parts.join(', ')}; ${missing}.`;
}

export async function gapList(
  ctx: AppContext,
  cache: AtlasAnswerCache,
  r: AtlasReader,
  q: GapsQuery,
  f: RouteFilter,
): Promise<GapList> {
  const weights = weightsOf(q);
  // The counts, and their order by pressure under these role weights, depend on routes only:
  // cached until the next route write. Who works where is read on every request, so an edited
  // organisation shows at once.
  const roleWeights = `${q.minRoutes}|${weights.source},${weights.transit},${weights.destination}`;
  const [{ ordered, counts }, orgs] = await Promise.all([
    cache.get(
      ctx.db,
      r.audience.coalitionId,
      answerKey(`gap-order|${roleWeights}`, r, r.isPublic ? 'country' : q.level, f),
      (x) => x.ordered.length,
      async () => {
        if (r.isPublic) {
          // Public: countries only, from the public release; `minRoutes`, scores and order use
          // published figures only, so none of them can leak more. `minRoutes` compares the
          // published lower ends (a listed item has at least that many routes, as for members);
          // scores count a range as its middle.
          const rel = await publicRelease(ctx, cache, r.audience.coalitionId, r.k);
          const rows = publicGapRows(rel, f.form).filter(
            (e) =>
              e.figures.source.lo + e.figures.transit.lo + e.figures.destination.lo >= q.minRoutes,
          );
          const shown = new Map(
            rows.map((e) => [
              `${e.placeId}|${e.form}`,
              {
                source: countOf(e.figures.source, r.k),
                transit: countOf(e.figures.transit, r.k),
                destination: countOf(e.figures.destination, r.k),
              },
            ]),
          );
          return { ordered: orderByPressure(rows, weights), counts: shown };
        }
        const all = await cache.get(
          ctx.db,
          r.audience.coalitionId,
          answerKey('places', r, q.level, f),
          (rows) => rows.length,
          () => placeCounts(ctx.db, r.audience, q.level, f),
        );
        const rows = all.filter((e) => e.source + e.transit + e.destination >= q.minRoutes);
        return {
          ordered: orderByPressure(rows, weights),
          counts: new Map<string, Pick<Gap, 'source' | 'transit' | 'destination'>>(
            all.map((e) => [`${e.placeId}|${e.form}`, e]),
          ),
        };
      },
    ),
    coalitionOrganisations(ctx.db, r.audience.coalitionId, r.isPublic),
  ]);
  const ranked = rankOrdered(
    ordered,
    (id) => {
      const p = getPlace(id);
      return p
        ? { countryCode: p.countryCode, provinceCode: p.kind === 'country' ? null : p.provinceCode }
        : undefined;
    },
    orgs,
    weights,
    q.limit,
  );
  // Gaps are per form of exploitation (the summaries' `*` row counts any form and is no gap).
  const items: Gap[] = ranked.flatMap((g) => {
    const form = g.form;
    if (!isCode(FORMS_OF_EXPLOITATION, form)) return [];
    const p = getPlace(g.placeId);
    const o = counts.get(`${g.placeId}|${g.form}`)!;
    const base = {
      place: {
        id: g.placeId,
        name: p?.name ?? g.placeId,
        kind: p?.kind ?? 'point',
        countryCode: p?.countryCode ?? '',
      },
      form,
      source: o.source,
      transit: o.transit,
      destination: o.destination,
      organisations: g.organisations,
      coverage: g.coverage,
      missing: g.missing,
      score: g.score,
    };
    return [{ ...base, summary: summarise(base, r.k) }];
  });
  return {
    view: r.isPublic ? 'public' : 'coalition',
    k: r.k,
    rule: GAP_RULE,
    weights: {
      wSource: weights.source,
      wTransit: weights.transit,
      wDestination: weights.destination,
      ...Object.fromEntries(
        KINDS_OF_WORK.map((kw) => [`w${kw[0]!.toUpperCase()}${kw.slice(1)}`, weights.kinds[kw]]),
      ),
    },
    items,
  };
}

export { DEFAULT_WEIGHTS };

/** Aggregated flows for the map: one curve per source → destination place, with its transits. */
export async function atlasMap(
  ctx: AppContext,
  cache: AtlasAnswerCache,
  r: AtlasReader,
  f: RouteFilter,
  kind: KindOfWork | undefined,
  version: number,
): Promise<AtlasMap> {
  // What depends on routes only is cached until the next route write; footprints (organisations)
  // are read on every request. Public: derived from the public release, whose digest is the
  // version (it changes only when a public figure does).
  const release = r.isPublic ? await publicRelease(ctx, cache, r.audience.coalitionId, r.k) : null;
  const [drawn, orgs] = await Promise.all([
    release
      ? cache.get(
          ctx.db,
          r.audience.coalitionId,
          answerKey('public-map', r, 'country', f),
          (m) => m.flows.length * 4 + m.regions.length,
          async () => publicMap(release, f.form),
        )
      : cache.get(
          ctx.db,
          r.audience.coalitionId,
          answerKey('map', r, 'city', f),
          (m) => m.flows.length * 4 + m.regions.length,
          () => mapFlows(ctx, r, f),
        ),
    coalitionOrganisations(ctx.db, r.audience.coalitionId, r.isPublic),
  ]);
  return {
    version: release ? release.version : version,
    view: r.isPublic ? 'public' : 'coalition',
    k: r.k,
    ...drawn,
    footprints: footprints(orgs, kind, f.form),
  };
}

async function mapFlows(
  ctx: AppContext,
  r: AtlasReader,
  f: RouteFilter,
): Promise<Pick<AtlasMap, 'routes' | 'flows' | 'regions'>> {
  const routes = await mapRoutes(ctx.db, r.audience, f, 20_000);
  const flows = new Map<
    string,
    {
      s: string;
      d: string;
      n: number;
      via: Map<string, { n: number; border: boolean }>;
      forms: Map<string, number>;
    }
  >();
  for (const rt of routes) {
    const s = rt.stops[0];
    const d = rt.stops[rt.stops.length - 1];
    if (!s || !d) continue;
    const key = `${s.placeId}>${d.placeId}`;
    let fl = flows.get(key);
    if (!fl)
      flows.set(key, (fl = { s: s.placeId, d: d.placeId, n: 0, via: new Map(), forms: new Map() }));
    fl.n++;
    for (const t of rt.stops.slice(1, -1)) {
      const v = fl.via.get(t.placeId) ?? { n: 0, border: false };
      v.n++;
      v.border ||= t.borderCrossing;
      fl.via.set(t.placeId, v);
    }
    for (const form of rt.forms) fl.forms.set(form, (fl.forms.get(form) ?? 0) + 1);
  }
  // Coalition readers only (the public map comes from the public release).
  const list = [...flows.values()].sort((a, b) => b.n - a.n).slice(0, 400);
  const countryFlows = await flowCounts(ctx.db, r.audience, 'country', f);
  const regions = new Map<string, { outflow: number; inflow: number }>();
  for (const c of countryFlows) {
    if (c.origin === c.destination) continue;
    const o = regions.get(c.origin) ?? { outflow: 0, inflow: 0 };
    o.outflow += c.n;
    regions.set(c.origin, o);
    const d = regions.get(c.destination) ?? { outflow: 0, inflow: 0 };
    d.inflow += c.n;
    regions.set(c.destination, d);
  }
  const total = await countRoutes(ctx.db, r.audience, f);
  return {
    routes: total,
    flows: list.map((fl) => ({
      source: placeItem(fl.s),
      destination: placeItem(fl.d),
      n: fl.n,
      via: [...fl.via]
        .sort((a, b) => b[1].n - a[1].n)
        .slice(0, 5)
        .map(([id, v]) => ({ place: placeItem(id), borderCrossing: v.border, n: v.n })),
      forms: [...fl.forms]
        .sort((a, b) => b[1] - a[1])
        .flatMap(([form, n]) => (isCode(FORMS_OF_EXPLOITATION, form) ? [{ form, n }] : [])),
    })),
    regions: [...regions]
      .map(([country, v]) => ({
        country,
        numeric: isoCountries.alpha2ToNumeric(country) ?? '',
        name: getCountry(country)?.name ?? country,
        outflow: v.outflow,
        inflow: v.inflow,
      }))
      .filter((x) => x.outflow + x.inflow > 0),
  };
}

function footprints(orgs: OrgCoverage[], kind: KindOfWork | undefined, form: string | undefined) {
  const by = new Map<string, { organisations: number; byKind: Record<string, number> }>();
  for (const o of orgs) {
    if (kind && !o.kindsOfWork.includes(kind)) continue;
    if (form && o.forms.length && !o.forms.includes(form)) continue;
    for (const c of o.countries) {
      const e = by.get(c) ?? { organisations: 0, byKind: {} };
      e.organisations++;
      for (const kw of o.kindsOfWork) e.byKind[kw] = (e.byKind[kw] ?? 0) + 1;
      by.set(c, e);
    }
  }
  return [...by]
    .map(([country, e]) => {
      const c = getCountry(country);
      return c ? { country, name: c.name, lat: c.latitude, lon: c.longitude, ...e } : null;
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
}
