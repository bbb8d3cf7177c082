import { randomUUID } from 'node:crypto';
import type { Expression, ExpressionBuilder, SqlBool, Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { RouteFacet, RouteTable, StopRole } from '../schema-atlas.ts';
import type { Basis, Confidence } from '../../../contract/atlas.ts';
import {
  FORMS_OF_EXPLOITATION,
  LABOUR_SECTORS,
  POPULATIONS,
  type FormOfExploitation,
  type LabourSector,
  type Population,
  type Visibility,
} from '../../../domain/taxonomy/codes.ts';
import type { Scope } from '../scopes.ts';
import { applySummary, lockAtlas, type SummaryInput } from './route-summaries.ts';
import { ofCoalition, touched } from './scoped.ts';
import {
  REPORTER_COLUMNS,
  reporterOf,
  type OrganisationRef,
  type ReporterRow,
} from './organisations.ts';

export interface StopRecord {
  role: StopRole;
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
  forms: FormOfExploitation[];
  sectors: LabourSector[];
  populations: Population[];
  yearFrom: number | null;
  yearTo: number | null;
  confidence: Confidence;
  basis: Basis;
  notes: string;
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Added from a phone during a mapping session: the event and participant (for validation). */
  reportedIn: { eventId: string; participantId: string | null } | null;
  /** Waits for a coordinator to validate it (routes added from phones). */
  pendingReview: boolean;
}

export type RouteFields = Omit<
  RouteRecord,
  | 'id'
  | 'coalitionId'
  | 'organisation'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'reportedIn'
  | 'pendingReview'
>;

/** A route added from a phone: its id (derived from the phone's key) and where it came from. */
export interface PhoneProvenance {
  id: string;
  eventId: string;
  participantId: string;
}

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
  confidence?: Confidence[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  place?: string | undefined;
  organisationId?: string | undefined;
  /** Only routes waiting for a coordinator's validation. */
  pending?: boolean | undefined;
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
  const facet = (name: RouteFacet, code: string) =>
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
  if (f.pending) conds.push(eb('routes.pending_review', '=', 1));
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

/** The columns of a `routes` row that its fields decide (one insert, a batch, an update). */
function routeColumns(f: RouteFields) {
  return {
    organisation_id: f.organisationId,
    source_place: f.stops[0]!.placeId,
    destination_place: f.stops[f.stops.length - 1]!.placeId,
    confidence: f.confidence,
    basis: f.basis,
    year_from: f.yearFrom,
    year_to: f.yearTo,
    notes: f.notes,
    visibility: f.visibility,
  };
}

/** Rows of the routes' stops and facets (children of `routes`), for one route or many. */
function childRows(id: string, f: RouteFields) {
  return {
    stops: f.stops.map((s, position) => ({
      route_id: id,
      position,
      role: s.role,
      place_id: s.placeId,
      country: s.country,
      province: s.province,
      border_crossing: s.borderCrossing ? 1 : 0,
    })),
    facets: [
      ...f.forms.map((code) => ({ route_id: id, facet: 'form' as const, code })),
      ...f.sectors.map((code) => ({ route_id: id, facet: 'sector' as const, code })),
      ...f.populations.map((code) => ({ route_id: id, facet: 'population' as const, code })),
    ],
  };
}

async function writeChildren(
  trx: Transaction<Database>,
  id: string,
  f: RouteFields,
): Promise<void> {
  const { stops, facets } = childRows(id, f);
  await trx.insertInto('route_stops').values(stops).execute();
  if (facets.length) await trx.insertInto('route_facets').values(facets).execute();
}

/** Rows per statement when many routes are written at once (an import): well under both backends' parameter limits. */
const ROUTE_BATCH = 500;

/**
 * Adds routes with their stops and facets, and their counts to the atlas summary, in statements
 * of a few hundred rows each: an import of 100,000 routes is about a thousand statements, not
 * 300,000 (issue 14: 46 s on SQLite one route at a time).
 */
export async function insertRoutes(
  trx: Transaction<Database>,
  coalitionId: string,
  routes: RouteFields[],
  createdBy: string | null,
  at: string,
  /** One route added from a phone during a mapping session: pending a coordinator's review. */
  fromPhone?: PhoneProvenance,
  /** Called after each batch with how many routes are written (an import's progress, a pause). */
  onBatch?: (written: number) => Promise<void>,
): Promise<string[]> {
  const ids = routes.map(() => (fromPhone && routes.length === 1 ? fromPhone.id : randomUUID()));
  for (let i = 0; i < routes.length; i += ROUTE_BATCH) {
    const part = routes.slice(i, i + ROUTE_BATCH);
    await trx
      .insertInto('routes')
      .values(
        part.map((f, j) => ({
          id: ids[i + j]!,
          coalition_id: coalitionId,
          ...routeColumns(f),
          created_by: createdBy,
          created_at: at,
          updated_at: at,
          version: 1,
          event_id: fromPhone?.eventId ?? null,
          participant_id: fromPhone?.participantId ?? null,
          pending_review: fromPhone ? 1 : 0,
        })),
      )
      .execute();
    const children = part.map((f, j) => childRows(ids[i + j]!, f));
    const stops = children.flatMap((c) => c.stops);
    const facets = children.flatMap((c) => c.facets);
    for (let k = 0; k < stops.length; k += ROUTE_BATCH)
      await trx
        .insertInto('route_stops')
        .values(stops.slice(k, k + ROUTE_BATCH))
        .execute();
    for (let k = 0; k < facets.length; k += ROUTE_BATCH)
      await trx
        .insertInto('route_facets')
        .values(facets.slice(k, k + ROUTE_BATCH))
        .execute();
    await onBatch?.(i + part.length);
  }
  await applySummary(
    trx,
    coalitionId,
    routes.map((r) => ({ route: summaryOf(r), delta: 1 })),
  );
  return ids;
}

/**
 * The route as it stands inside a write transaction, locked until the transaction ends
 * (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's one writer at a time serialises without it). A
 * change computed from this record, and the summary rows it subtracts, cannot be overtaken by
 * another write of the same route (issue 11, point 4). Undefined when there is no such route.
 */
export async function lockRoute(
  trx: Transaction<Database>,
  id: string,
  backend: 'sqlite' | 'postgres',
): Promise<RouteRecord | undefined> {
  if (backend === 'postgres') {
    const locked = await trx
      .selectFrom('routes')
      .select('coalition_id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
    // Every atlas write of the coalition takes the same lock next, before any summary row:
    // summary rows are then always locked in one order (no deadlock between two routes' writes).
    await lockAtlas(trx, locked.coalition_id);
  }
  return findRoute(trx, id);
}

/** Thrown inside a write transaction when the row changed since it was read (rolled back). */
export class StaleRoute extends Error {
  constructor(readonly currentVersion: number) {
    super(`route changed meanwhile (now version ${currentVersion})`);
  }
}

/**
 * `old` as read in this transaction by `lockRoute`: the route row is changed only there (then its
 * children), only if it still has `old.version`, and the summaries move by the difference between
 * `old` and `f` in one step.
 */
export async function replaceRoute(
  trx: Transaction<Database>,
  old: RouteRecord,
  f: RouteFields,
  at: string,
): Promise<number> {
  const version = old.version + 1;
  const r = await ofCoalition(trx, 'routes', old.coalitionId)
    .update()
    .set({
      ...routeColumns(f),
      updated_at: at,
      version,
    })
    .where('id', '=', old.id)
    .where('version', '=', old.version)
    .executeTakeFirst();
  if (touched(r) === 0) throw new StaleRoute(old.version);
  await trx.deleteFrom('route_stops').where('route_id', '=', old.id).execute();
  await trx.deleteFrom('route_facets').where('route_id', '=', old.id).execute();
  await writeChildren(trx, old.id, f);
  await applySummary(trx, old.coalitionId, [
    { route: summaryOf(old), delta: -1 },
    { route: summaryOf(f), delta: 1 },
  ]);
  return version;
}

/** A coordinator validated a route added from a phone (`old` as read by `lockRoute`). */
export async function markReviewed(
  trx: Transaction<Database>,
  old: Pick<RouteRecord, 'id' | 'coalitionId'>,
): Promise<void> {
  await ofCoalition(trx, 'routes', old.coalitionId)
    .update()
    .set({ pending_review: 0 })
    .where('id', '=', old.id)
    .execute();
}

/** `old` as read in this transaction by `lockRoute`. */
export async function deleteRoute(trx: Transaction<Database>, old: RouteRecord): Promise<void> {
  const r = await ofCoalition(trx, 'routes', old.coalitionId)
    .delete()
    .where('id', '=', old.id)
    .where('version', '=', old.version)
    .executeTakeFirst();
  if (touched(r) === 0) throw new StaleRoute(old.version);
  await applySummary(trx, old.coalitionId, [{ route: summaryOf(old), delta: -1 }]);
  await trx.deleteFrom('route_stops').where('route_id', '=', old.id).execute();
  await trx.deleteFrom('route_facets').where('route_id', '=', old.id).execute();
}

/**
 * Before an organisation is removed: its routes stay, reported by no organisation (what the
 * foreign key's SET NULL would leave), and the summary rows of its organisation-only routes move
 * to the bucket of routes without an organisation, so the summaries keep matching the rows.
 */
export async function detachOrganisation(
  trx: Transaction<Database>,
  coalitionId: string,
  organisationId: string,
  at: string,
): Promise<void> {
  await lockAtlas(trx, coalitionId);
  const rows = await selectRoutes(trx)
    .where('routes.coalition_id', '=', coalitionId)
    .where('routes.organisation_id', '=', organisationId)
    .execute();
  if (!rows.length) return;
  const owned = (await hydrate(trx, rows)).filter((r) => r.visibility === 'organisation');
  await ofCoalition(trx, 'routes', coalitionId)
    .update()
    .set((eb) => ({ organisation_id: null, updated_at: at, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .execute();
  if (owned.length)
    await applySummary(
      trx,
      coalitionId,
      owned.flatMap((r) => [
        { route: summaryOf(r), delta: -1 as const },
        { route: summaryOf({ ...r, organisationId: null }), delta: 1 as const },
      ]),
    );
}

type RouteRow = RouteTable & ReporterRow;

const FORMS: ReadonlySet<string> = new Set(FORMS_OF_EXPLOITATION);
const SECTORS: ReadonlySet<string> = new Set(LABOUR_SECTORS);
const POPULATION_SET: ReadonlySet<string> = new Set(POPULATIONS);
const isForm = (c: string): c is FormOfExploitation => FORMS.has(c);
const isSector = (c: string): c is LabourSector => SECTORS.has(c);
const isPopulation = (c: string): c is Population => POPULATION_SET.has(c);

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
      reportedIn: r.event_id ? { eventId: r.event_id, participantId: r.participant_id } : null,
      pendingReview: Number(r.pending_review) === 1,
    });
  for (const s of stops)
    byId.get(s.route_id)?.stops.push({
      role: s.role,
      placeId: s.place_id,
      country: s.country,
      province: s.province,
      borderCrossing: Number(s.border_crossing) === 1,
    });
  for (const f of facets) {
    const rec = byId.get(f.route_id);
    if (!rec) continue;
    const c = f.code;
    if (f.facet === 'form' && isForm(c)) rec.forms.push(c);
    else if (f.facet === 'sector' && isSector(c)) rec.sectors.push(c);
    else if (f.facet === 'population' && isPopulation(c)) rec.populations.push(c);
    // A code no longer in the vocabulary (removed since it was stored) is not shown.
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
