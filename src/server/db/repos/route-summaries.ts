import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { StopRole } from '../schema-atlas.ts';

/** What the summary tables need to know about a route. */
export interface SummaryInput {
  visibility: string;
  organisationId: string | null;
  forms: readonly string[];
  stops: readonly { role: Role; placeId: string; country: string; province: string | null }[];
}

export interface FlowKey {
  level: string;
  form: string;
  origin: string;
  destination: string;
  visibility: string;
  organisation_id: string;
}
export type Role = StopRole;
export interface PlaceKey {
  level: string;
  form: string;
  place_id: string;
  visibility: string;
  organisation_id: string;
  /** The roles this route plays at the place (each counted once, however many stops). */
  roles: Role[];
}

/**
 * The organisation column of a summary row: only organisation-only routes need it (a reader sees
 * them only if they belong to that organisation); every other route is counted under '' so the
 * tables stay small. See readers in atlas-queries.ts.
 */
function bucketOrg(r: SummaryInput): string {
  return r.visibility === 'organisation' ? (r.organisationId ?? '') : '';
}

const levelId = (
  level: 'country' | 'province' | 'city',
  s: SummaryInput['stops'][number],
): string | null =>
  level === 'country'
    ? s.country
    : level === 'province'
      ? s.province
      : s.placeId.includes(':')
        ? s.placeId
        : null;

/**
 * The summary rows a route contributes to (each +1 on insert, −1 on delete). Every route is
 * counted twice: in its own audience bucket (visibility, and organisation for organisation-only
 * routes), and in the `*` bucket that readers of the whole coalition (coordinators, admins) read,
 * so that their query touches one bucket instead of summing every organisation's.
 */
export function summaryKeys(r: SummaryInput): { flows: FlowKey[]; places: PlaceKey[] } {
  const buckets = [
    { visibility: r.visibility, organisation_id: bucketOrg(r) },
    { visibility: '*', organisation_id: '' },
  ];
  const forms = [...r.forms, '*'];
  const src = r.stops[0]!;
  const dst = r.stops[r.stops.length - 1]!;
  const flows: FlowKey[] = [];
  for (const level of ['country', 'province', 'city'] as const) {
    // A stop known only at a coarser level (a country as source) rolls up to that level's id.
    const origin = levelId(level, src) ?? src.province ?? src.country;
    const destination = levelId(level, dst) ?? dst.province ?? dst.country;
    for (const form of forms)
      for (const b of buckets) flows.push({ level, form, origin, destination, ...b });
  }
  // Per place of each level: the roles the route plays there (a route counts once per place
  // and role, e.g. a route starting and ending in the same province is one source and one
  // destination there).
  const roles = new Map<string, { level: string; id: string; roles: Set<Role> }>();
  for (const s of r.stops) {
    for (const level of ['country', 'province', 'city'] as const) {
      const id = levelId(level, s);
      if (!id) continue;
      const k = `${level}|${id}`;
      let e = roles.get(k);
      if (!e) roles.set(k, (e = { level, id, roles: new Set() }));
      e.roles.add(s.role);
    }
  }
  const places: PlaceKey[] = [];
  for (const e of roles.values())
    for (const form of forms)
      for (const b of buckets)
        places.push({ level: e.level, form, place_id: e.id, roles: [...e.roles], ...b });
  return { flows, places };
}

const FLOW_PK = [
  'coalition_id',
  'level',
  'form',
  'origin',
  'destination',
  'visibility',
  'organisation_id',
] as const;
const PLACE_PK = [
  'coalition_id',
  'level',
  'visibility',
  'organisation_id',
  'place_id',
  'form',
] as const;

interface PlaceRow extends Omit<PlaceKey, 'roles'> {
  source: number;
  transit: number;
  destination: number;
}

/** The summary row key of a place count (without the counts). */
export function placeRowKey(p: Omit<PlaceKey, 'roles'>): string {
  return [p.level, p.visibility, p.organisation_id, p.place_id, p.form].join('|');
}

/** Route and challenge writes so far in a coalition's atlas (0 before the first): cached answers' key. */
export async function atlasVersion(db: Kysely<Database>, coalitionId: string): Promise<number> {
  const row = await db
    .selectFrom('atlas_versions')
    .select('version')
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}

/**
 * Adds `delta` × each route's keys to the summary tables, as one change (a route's old form −1 and
 * its new form +1 net out where they share keys); call inside the write transaction. The
 * coalition's atlas version is bumped first: its row is the lock every atlas write of the coalition
 * takes before any summary row, so two writes never wait on each other's summary rows in opposite
 * orders (PostgreSQL).
 */
export async function applySummary(
  trx: Transaction<Database>,
  coalitionId: string,
  changes: readonly { route: SummaryInput; delta: 1 | -1 }[],
): Promise<void> {
  await bumpAtlasVersion(trx, coalitionId);
  const flows = new Map<string, FlowKey & { n: number }>();
  const places = new Map<string, PlaceRow>();
  for (const { route: r, delta } of changes) {
    const keys = summaryKeys(r);
    for (const f of keys.flows) {
      const k = Object.values(f).join('|');
      const cur = flows.get(k);
      if (cur) cur.n += delta;
      else flows.set(k, { ...f, n: delta });
    }
    for (const { roles, ...p } of keys.places) {
      const k = placeRowKey(p);
      let cur = places.get(k);
      if (!cur) places.set(k, (cur = { ...p, source: 0, transit: 0, destination: 0 }));
      for (const role of roles) cur[role] += delta;
    }
  }
  const flowRows = [...flows.values()]
    .filter((f) => f.n !== 0)
    .map((f) => ({ coalition_id: coalitionId, ...f }));
  const placeRows = [...places.values()]
    .filter((p) => p.source !== 0 || p.transit !== 0 || p.destination !== 0)
    .map((p) => ({ coalition_id: coalitionId, ...p }));
  for (let i = 0; i < flowRows.length; i += 400)
    await trx
      .insertInto('atlas_flow_counts')
      .values(flowRows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.columns([...FLOW_PK]).doUpdateSet((eb) => ({
          n: eb('atlas_flow_counts.n', '+', eb.ref('excluded.n')),
        })),
      )
      .execute();
  for (let i = 0; i < placeRows.length; i += 400)
    await trx
      .insertInto('atlas_place_counts')
      .values(placeRows.slice(i, i + 400))
      .onConflict((oc) =>
        oc.columns([...PLACE_PK]).doUpdateSet((eb) => ({
          source: eb('atlas_place_counts.source', '+', eb.ref('excluded.source')),
          transit: eb('atlas_place_counts.transit', '+', eb.ref('excluded.transit')),
          destination: eb('atlas_place_counts.destination', '+', eb.ref('excluded.destination')),
        })),
      )
      .execute();
  // Rows that fall to 0 stay: they add nothing to sums, and sweeping them would scan the table.
}

/**
 * Takes the coalition's atlas lock for the rest of the transaction (by bumping its atlas version,
 * which the write is about to change anyway): see `applySummary`.
 */
export const lockAtlas = (trx: Transaction<Database>, coalitionId: string) =>
  bumpAtlasVersion(trx, coalitionId);

/**
 * Marks the coalition's atlas as changed (cached answers and the public release are recomputed);
 * call inside every transaction that writes routes or challenges.
 */
export async function bumpAtlasVersion(
  trx: Transaction<Database>,
  coalitionId: string,
): Promise<void> {
  await trx
    .insertInto('atlas_versions')
    .values({ coalition_id: coalitionId, version: 1 })
    .onConflict((oc) =>
      oc.column('coalition_id').doUpdateSet((eb) => ({
        version: eb('atlas_versions.version', '+', 1),
      })),
    )
    .execute();
}
