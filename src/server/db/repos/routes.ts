import { randomUUID } from 'node:crypto';
import type { Expression, ExpressionBuilder, SqlBool, Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { RouteTable } from '../schema-atlas.ts';
import type { Scope } from '../scopes.ts';
import { applySummary, type SummaryInput } from './route-summaries.ts';
import { ofCoalition, touched } from './scoped.ts';
import {
  REPORTER_COLUMNS,
  reporterOf,
  type OrganisationRef,
  type ReporterRow,
} from './organisations.ts';

export interface StopRecord {
  role: 'source' | 'transit' | 'destination';
  placeId: string;
  country: string;
  province: string | null;
  borderCrossing: boolean;
}

export interface RouteRecord {
  id: string;
  coalitionId: string;
  organisationId: string | null;
  /** The reporting organisation as the policy needs it to decide whether to name it. */
  organisation: OrganisationRef | null;
  stops: StopRecord[];
  forms: string[];
  sectors: string[];
  populations: string[];
  yearFrom: number | null;
  yearTo: number | null;
  confidence: string;
  basis: string;
  notes: string;
  visibility: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type RouteFields = Omit<
  RouteRecord,
  'id' | 'coalitionId' | 'organisation' | 'createdAt' | 'updatedAt' | 'version'
>;

/** Who reads, reduced to what SQL needs; `coalitionId` is the coalition whose atlas is shown. */
export interface AtlasAudience {
  coalitionId: string;
  scopes: Scope[];
  /** The reader's own coalition and organisation (null for anonymous visitors). */
  readerCoalitionId: string | null;
  organisationId: string | null;
}

export interface RouteFilter {
  form?: string | undefined;
  sector?: string | undefined;
  population?: string | undefined;
  confidence?: string[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  place?: string | undefined;
  organisationId?: string | undefined;
}

type RouteEb = ExpressionBuilder<Database, 'routes'>;

/** The policy scopes as a WHERE clause on `routes` (see auth/policy.ts `readScopes`). */
export function routeAudienceFilter(eb: RouteEb, a: AtlasAudience): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  const member = a.readerCoalitionId === a.coalitionId;
  for (const scope of a.scopes) {
    if (scope === 'public') ors.push(eb('routes.visibility', '=', 'public'));
    else if (!member) continue;
    else if (scope === 'coalitionAll') ors.push(eb.lit(true));
    else if (scope === 'coalitionShared') ors.push(eb('routes.visibility', '!=', 'organisation'));
    else if (scope === 'ownOrganisation' && a.organisationId !== null)
      ors.push(eb('routes.organisation_id', '=', a.organisationId));
  }
  return eb.and([
    eb('routes.coalition_id', '=', a.coalitionId),
    ors.length ? eb.or(ors) : eb.lit(false),
  ]);
}

export function routeFilter(eb: RouteEb, f: RouteFilter): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [];
  const facet = (name: string, code: string) =>
    eb.exists(
      eb
        .selectFrom('route_facets as rf')
        .select('rf.code')
        .whereRef('rf.route_id', '=', 'routes.id')
        .where('rf.facet', '=', name)
        .where('rf.code', '=', code),
    );
  if (f.form) conds.push(facet('form', f.form));
  if (f.sector) conds.push(facet('sector', f.sector));
  if (f.population) conds.push(facet('population', f.population));
  if (f.confidence?.length) conds.push(eb('routes.confidence', 'in', f.confidence));
  // Periods overlap: a route seen 2018–2021 matches a filter from 2020.
  if (f.yearFrom !== undefined)
    conds.push(eb.or([eb('routes.year_to', 'is', null), eb('routes.year_to', '>=', f.yearFrom)]));
  if (f.yearTo !== undefined)
    conds.push(eb.or([eb('routes.year_from', 'is', null), eb('routes.year_from', '<=', f.yearTo)]));
  if (f.organisationId) conds.push(eb('routes.organisation_id', '=', f.organisationId));
  if (f.place) {
    const p = f.place;
    conds.push(
      eb.exists(
        eb
          .selectFrom('route_stops as rs')
          .select('rs.route_id')
          .whereRef('rs.route_id', '=', 'routes.id')
          .where((e) =>
            e.or([e('rs.place_id', '=', p), e('rs.country', '=', p), e('rs.province', '=', p)]),
          ),
      ),
    );
  }
  return eb.and(conds);
}

function summaryOf(
  r: Pick<RouteRecord, 'visibility' | 'organisationId' | 'forms' | 'stops'>,
): SummaryInput {
  return {
    visibility: r.visibility,
    organisationId: r.organisationId,
    forms: r.forms,
    stops: r.stops,
  };
}

async function writeChildren(
  trx: Transaction<Database>,
  id: string,
  f: RouteFields,
): Promise<void> {
  await trx
    .insertInto('route_stops')
    .values(
      f.stops.map((s, position) => ({
        route_id: id,
        position,
        role: s.role,
        place_id: s.placeId,
        country: s.country,
        province: s.province,
        border_crossing: s.borderCrossing ? 1 : 0,
      })),
    )
    .execute();
  const facets = [
    ...f.forms.map((code) => ({ route_id: id, facet: 'form', code })),
    ...f.sectors.map((code) => ({ route_id: id, facet: 'sector', code })),
    ...f.populations.map((code) => ({ route_id: id, facet: 'population', code })),
  ];
  if (facets.length) await trx.insertInto('route_facets').values(facets).execute();
}

export async function insertRoutes(
  trx: Transaction<Database>,
  coalitionId: string,
  routes: RouteFields[],
  createdBy: string | null,
  at: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of routes) {
    const id = randomUUID();
    ids.push(id);
    await trx
      .insertInto('routes')
      .values({
        id,
        coalition_id: coalitionId,
        organisation_id: f.organisationId,
        source_place: f.stops[0]!.placeId,
        destination_place: f.stops[f.stops.length - 1]!.placeId,
        confidence: f.confidence,
        basis: f.basis,
        year_from: f.yearFrom,
        year_to: f.yearTo,
        notes: f.notes,
        visibility: f.visibility,
        created_by: createdBy,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await writeChildren(trx, id, f);
  }
  await applySummary(trx, coalitionId, routes.map(summaryOf), 1);
  return ids;
}

/** `old` as read in this coalition: the route row is changed only there (then its children). */
export async function replaceRoute(
  trx: Transaction<Database>,
  old: RouteRecord,
  f: RouteFields,
  at: string,
): Promise<void> {
  const r = await ofCoalition(trx, 'routes', old.coalitionId)
    .update()
    .set({
      organisation_id: f.organisationId,
      source_place: f.stops[0]!.placeId,
      destination_place: f.stops[f.stops.length - 1]!.placeId,
      confidence: f.confidence,
      basis: f.basis,
      year_from: f.yearFrom,
      year_to: f.yearTo,
      notes: f.notes,
      visibility: f.visibility,
      updated_at: at,
      version: old.version + 1,
    })
    .where('id', '=', old.id)
    .executeTakeFirst();
  if (touched(r) === 0) throw new Error(`route ${old.id} is not in coalition ${old.coalitionId}`);
  await applySummary(trx, old.coalitionId, [summaryOf(old)], -1);
  await trx.deleteFrom('route_stops').where('route_id', '=', old.id).execute();
  await trx.deleteFrom('route_facets').where('route_id', '=', old.id).execute();
  await writeChildren(trx, old.id, f);
  await applySummary(trx, old.coalitionId, [summaryOf(f)], 1);
}

export async function deleteRoute(trx: Transaction<Database>, old: RouteRecord): Promise<void> {
  const r = await ofCoalition(trx, 'routes', old.coalitionId)
    .delete()
    .where('id', '=', old.id)
    .executeTakeFirst();
  if (touched(r) === 0) throw new Error(`route ${old.id} is not in coalition ${old.coalitionId}`);
  await applySummary(trx, old.coalitionId, [summaryOf(old)], -1);
  await trx.deleteFrom('route_stops').where('route_id', '=', old.id).execute();
  await trx.deleteFrom('route_facets').where('route_id', '=', old.id).execute();
}

type RouteRow = RouteTable & ReporterRow;

async function hydrate(db: Db, rows: RouteRow[]): Promise<RouteRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [stops, facets] = await Promise.all([
    db
      .selectFrom('route_stops')
      .selectAll()
      .where('route_id', 'in', ids)
      .orderBy('route_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('route_facets')
      .selectAll()
      .where('route_id', 'in', ids)
      .orderBy('route_id')
      .orderBy('facet')
      .orderBy('code')
      .execute(),
  ]);
  const byId = new Map<string, RouteRecord>();
  for (const r of rows)
    byId.set(r.id, {
      id: r.id,
      coalitionId: r.coalition_id,
      organisationId: r.organisation_id,
      organisation: reporterOf(r),
      stops: [],
      forms: [],
      sectors: [],
      populations: [],
      yearFrom: r.year_from === null ? null : Number(r.year_from),
      yearTo: r.year_to === null ? null : Number(r.year_to),
      confidence: r.confidence,
      basis: r.basis,
      notes: r.notes,
      visibility: r.visibility,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: Number(r.version),
    });
  for (const s of stops)
    byId.get(s.route_id)?.stops.push({
      role: s.role as StopRecord['role'],
      placeId: s.place_id,
      country: s.country,
      province: s.province,
      borderCrossing: Number(s.border_crossing) === 1,
    });
  for (const f of facets) {
    const rec = byId.get(f.route_id);
    if (!rec) continue;
    if (f.facet === 'form') rec.forms.push(f.code);
    else if (f.facet === 'sector') rec.sectors.push(f.code);
    else if (f.facet === 'population') rec.populations.push(f.code);
  }
  return rows.map((r) => byId.get(r.id)!);
}

function selectRoutes(db: Db) {
  return db
    .selectFrom('routes')
    .leftJoin('organisations as o', 'o.id', 'routes.organisation_id')
    .selectAll('routes')
    .select(REPORTER_COLUMNS);
}

export async function findRoute(db: Db, id: string): Promise<RouteRecord | undefined> {
  const row = await selectRoutes(db).where('routes.id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

export async function listRoutes(
  db: Db,
  audience: AtlasAudience,
  filter: RouteFilter,
  page: { limit: number; offset: number },
): Promise<RouteRecord[]> {
  const where = (eb: RouteEb) =>
    eb.and([routeAudienceFilter(eb, audience), routeFilter(eb, filter)]);
  const rows = await selectRoutes(db)
    .where(where)
    .orderBy('routes.created_at', 'desc')
    .orderBy('routes.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return hydrate(db, rows);
}
