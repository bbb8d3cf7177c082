import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import {
  routeAudienceFilter,
  routeFilter,
  type AtlasAudience,
  type RouteFilter,
} from './routes.ts';

export type FlowLevel = 'country' | 'province' | 'city';

/**
 * Readers of flows and place counts. With no filter other than the form they read the summary
 * tables (a few thousand rows, kept in step by every write); with other filters (sector,
 * population, confidence, period, place) they aggregate the routes themselves through indexes.
 */
export function summaryServable(a: AtlasAudience, f: RouteFilter): boolean {
  const extra =
    f.sector ||
    f.population ||
    f.confidence?.length ||
    f.yearFrom !== undefined ||
    f.yearTo !== undefined ||
    f.place ||
    f.organisationId ||
    // the summaries do not know which routes wait for validation
    f.pending;
  if (extra) return false;
  const member = a.readerCoalitionId === a.coalitionId;
  // Own organisation's coalition-visible routes are counted under '' (not per organisation), so a
  // reader with `ownOrganisation` but without `coalitionShared` cannot be answered from summaries.
  if (member && a.scopes.includes('ownOrganisation'))
    return a.scopes.includes('coalitionShared') || a.scopes.includes('coalitionAll');
  return true;
}

type SumEb =
  | ExpressionBuilder<Database, 'atlas_flow_counts'>
  | ExpressionBuilder<Database, 'atlas_place_counts'>;

/** The scopes that count for this coalition: outside one's own coalition, only `public`. */
function countedScopes(a: AtlasAudience): AtlasAudience['scopes'] {
  const member = a.readerCoalitionId === a.coalitionId;
  return member ? a.scopes : a.scopes.filter((s) => s === 'public');
}

/**
 * Whether the reader reads exactly one summary bucket (the whole coalition's `*`, or the public
 * bucket alone): its rows are already one per key, so no regrouping is needed.
 */
function singleBucket(a: AtlasAudience): boolean {
  const scopes = countedScopes(a);
  const own = scopes.includes('ownOrganisation') && a.organisationId !== null;
  return scopes.includes('coalitionAll') || (!scopes.includes('coalitionShared') && !own);
}

/** The policy scopes as a WHERE clause on the summary tables' buckets (route-summaries.ts). */
function summaryAudience(eb: SumEb, a: AtlasAudience): Expression<SqlBool> {
  // Both summary tables have the bucket columns read here (coalition_id, visibility,
  // organisation_id) with the same types; Kysely cannot express "either table's builder".
  const e = eb as ExpressionBuilder<Database, 'atlas_flow_counts'>;
  const scopes = countedScopes(a);
  const inCoalition = e('coalition_id', '=', a.coalitionId);
  const bucket = (visibility: string) =>
    e.and([inCoalition, e('visibility', '=', visibility), e('organisation_id', '=', '')]);
  // The whole coalition: the `*` bucket alone (never mixed with the others: it double-counts them).
  if (scopes.includes('coalitionAll')) return bucket('*');
  const own = scopes.includes('ownOrganisation') && a.organisationId !== null;
  if (!scopes.includes('coalitionShared') && !own)
    return scopes.includes('public') ? bucket('public') : e.lit(false);
  const ors: Expression<SqlBool>[] = [];
  if (scopes.includes('coalitionShared')) ors.push(e('visibility', 'in', ['coalition', 'public']));
  else if (scopes.includes('public')) ors.push(e('visibility', '=', 'public'));
  if (own)
    ors.push(
      e.and([e('visibility', '=', 'organisation'), e('organisation_id', '=', a.organisationId)]),
    );
  return e.and([inCoalition, e.or(ors)]);
}

/** A key for everything `summaryAudience` depends on: answers for equal keys are equal. */
export function audienceKey(a: AtlasAudience): string {
  const member = a.readerCoalitionId === a.coalitionId;
  const scopes = countedScopes(a).slice().sort();
  return `${a.coalitionId}|${member ? 'm' : 'o'}|${scopes.join(',')}|${a.organisationId ?? ''}`;
}

export interface FlowCount {
  origin: string;
  destination: string;
  n: number;
}

export async function flowCounts(
  db: Db,
  a: AtlasAudience,
  level: FlowLevel,
  f: RouteFilter,
): Promise<FlowCount[]> {
  if (summaryServable(a, f)) {
    const base = db
      .selectFrom('atlas_flow_counts')
      .where('level', '=', level)
      .where('form', '=', f.form ?? '*');
    const scoped = base.where((eb) => summaryAudience(eb, a));
    const rows = singleBucket(a)
      ? await scoped.select(['origin', 'destination', 'n']).where('n', '>', 0).execute()
      : await scoped
          .select(['origin', 'destination', (eb) => eb.fn.sum<number>('n').as('n')])
          .groupBy(['origin', 'destination'])
          .having((eb) => eb.fn.sum('n'), '>', 0)
          .execute();
    return rows.map((r) => ({ origin: r.origin, destination: r.destination, n: Number(r.n) }));
  }
  const col = (alias: 's' | 'd') =>
    level === 'country'
      ? sql<string>`${sql.ref(`${alias}.country`)}`
      : level === 'province'
        ? sql<string>`coalesce(${sql.ref(`${alias}.province`)}, ${sql.ref(`${alias}.country`)})`
        : sql<string>`${sql.ref(`${alias}.place_id`)}`;
  const rows = await db
    .selectFrom('routes')
    .innerJoin('route_stops as s', (j) =>
      j.onRef('s.route_id', '=', 'routes.id').on('s.role', '=', 'source'),
    )
    .innerJoin('route_stops as d', (j) =>
      j.onRef('d.route_id', '=', 'routes.id').on('d.role', '=', 'destination'),
    )
    .where((eb) => eb.and([routeAudienceFilter(eb, a), routeFilter(eb, f)]))
    .select([
      col('s').as('origin'),
      col('d').as('destination'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([col('s'), col('d')])
    .execute();
  return rows.map((r) => ({ origin: r.origin, destination: r.destination, n: Number(r.n) }));
}

export interface PlaceRoleCount {
  placeId: string;
  form: string;
  source: number;
  transit: number;
  destination: number;
}

/** Routes touching each place of a level, per form (every form when `f.form` is unset), by role. */
export async function placeCounts(
  db: Db,
  a: AtlasAudience,
  level: FlowLevel,
  f: RouteFilter,
): Promise<PlaceRoleCount[]> {
  const present = (r: {
    place_id: string;
    form: string;
    source: number | string;
    transit: number | string;
    destination: number | string;
  }): PlaceRoleCount => ({
    placeId: r.place_id,
    form: r.form,
    source: Number(r.source),
    transit: Number(r.transit),
    destination: Number(r.destination),
  });
  if (summaryServable(a, f)) {
    let base = db.selectFrom('atlas_place_counts').where('level', '=', level);
    base = f.form ? base.where('form', '=', f.form) : base.where('form', '!=', '*');
    const scoped = base.where((eb) => summaryAudience(eb, a));
    const rows = singleBucket(a)
      ? await scoped
          .select(['place_id', 'form', 'source', 'transit', 'destination'])
          .where((eb) =>
            eb.or([eb('source', '>', 0), eb('transit', '>', 0), eb('destination', '>', 0)]),
          )
          .execute()
      : await scoped
          .select([
            'place_id',
            'form',
            (eb) => eb.fn.sum<number>('source').as('source'),
            (eb) => eb.fn.sum<number>('transit').as('transit'),
            (eb) => eb.fn.sum<number>('destination').as('destination'),
          ])
          .groupBy(['place_id', 'form']) // the key's order within a bucket
          .having(
            (eb) =>
              eb(eb(eb.fn.sum('source'), '+', eb.fn.sum('transit')), '+', eb.fn.sum('destination')),
            '>',
            0,
          )
          .execute();
    return rows.map(present);
  }
  const col =
    level === 'country'
      ? sql<string>`s.country`
      : level === 'province'
        ? sql<string>`s.province`
        : sql<string>`s.place_id`;
  const byRole = (role: string) =>
    sql<number>`count(DISTINCT CASE WHEN s.role = ${role} THEN routes.id END)`;
  const rows = await db
    .selectFrom('routes')
    .innerJoin('route_stops as s', 's.route_id', 'routes.id')
    .innerJoin('route_facets as rf', (j) =>
      j.onRef('rf.route_id', '=', 'routes.id').on('rf.facet', '=', 'form'),
    )
    .where((eb) => eb.and([routeAudienceFilter(eb, a), routeFilter(eb, f)]))
    .where(col, 'is not', null)
    .$if(level === 'city', (q) => q.where('s.place_id', 'like', '%:%'))
    .$if(f.form !== undefined, (q) => q.where('rf.code', '=', f.form!))
    .select([
      col.as('place_id'),
      'rf.code as form',
      byRole('source').as('source'),
      byRole('transit').as('transit'),
      byRole('destination').as('destination'),
    ])
    .groupBy([col, 'rf.code'])
    .execute();
  return rows.map(present);
}

/**
 * Distinct routes visible to the audience under the filter. From the summaries when they can
 * answer: every route has exactly one country-level flow row per form and in the `*` form, so
 * their sum is the number of routes (a million-row count becomes a few hundred rows' sum).
 */
export async function countRoutes(db: Db, a: AtlasAudience, f: RouteFilter): Promise<number> {
  if (summaryServable(a, f)) {
    const row = await db
      .selectFrom('atlas_flow_counts')
      .where('level', '=', 'country')
      .where('form', '=', f.form ?? '*')
      .where((eb) => summaryAudience(eb, a))
      .select((eb) => eb.fn.sum<number>('n').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
  const row = await db
    .selectFrom('routes')
    .where((eb) => eb.and([routeAudienceFilter(eb, a), routeFilter(eb, f)]))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MapRouteRow {
  id: string;
  stops: { role: string; placeId: string; borderCrossing: boolean }[];
  forms: string[];
}

/** Routes for the map (source, transits, destination, forms), capped: the map draws aggregates. */
export async function mapRoutes(
  db: Db,
  a: AtlasAudience,
  f: RouteFilter,
  cap: number,
): Promise<MapRouteRow[]> {
  const ids = (
    await db
      .selectFrom('routes')
      .where((eb) => eb.and([routeAudienceFilter(eb, a), routeFilter(eb, f)]))
      .select('routes.id')
      .orderBy('routes.created_at', 'desc')
      .limit(cap)
      .execute()
  ).map((r) => r.id);
  const out = new Map<string, MapRouteRow>(ids.map((id) => [id, { id, stops: [], forms: [] }]));
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [stops, forms] = await Promise.all([
      db
        .selectFrom('route_stops')
        .select(['route_id', 'role', 'place_id', 'border_crossing'])
        .where('route_id', 'in', chunk)
        .orderBy('route_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('route_facets')
        .select(['route_id', 'code'])
        .where('facet', '=', 'form')
        .where('route_id', 'in', chunk)
        .execute(),
    ]);
    for (const s of stops)
      out.get(s.route_id)?.stops.push({
        role: s.role,
        placeId: s.place_id,
        borderCrossing: Number(s.border_crossing) === 1,
      });
    for (const fr of forms) out.get(fr.route_id)?.forms.push(fr.code);
  }
  return [...out.values()];
}

/**
 * What the public release is computed from (domain/analysis/release.ts): the public bucket's
 * country-level flows, per form and for any form, and its country-level transit counts per form.
 * Two reads of one bucket each, whatever the number of routes.
 */
export async function publicCountryCounts(
  db: Db,
  coalitionId: string,
): Promise<{
  flows: { form: string; origin: string; destination: string; n: number }[];
  transits: { form: string; place: string; n: number }[];
}> {
  const [flows, places] = await Promise.all([
    db
      .selectFrom('atlas_flow_counts')
      .select(['form', 'origin', 'destination', 'n'])
      .where('coalition_id', '=', coalitionId)
      .where('level', '=', 'country')
      .where('visibility', '=', 'public')
      .where('organisation_id', '=', '')
      .where('n', '>', 0)
      .execute(),
    db
      .selectFrom('atlas_place_counts')
      .select(['form', 'place_id', 'transit'])
      .where('coalition_id', '=', coalitionId)
      .where('level', '=', 'country')
      .where('visibility', '=', 'public')
      .where('organisation_id', '=', '')
      .where('form', '!=', '*')
      .where('transit', '>', 0)
      .execute(),
  ]);
  return {
    flows: flows.map((r) => ({ ...r, n: Number(r.n) })),
    transits: places.map((r) => ({ form: r.form, place: r.place_id, n: Number(r.transit) })),
  };
}
