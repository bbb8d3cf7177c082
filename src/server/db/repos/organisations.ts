import { randomUUID } from 'node:crypto';
import type { Expression, ExpressionBuilder, SqlBool, Transaction } from 'kysely';
import type { Db } from '../index.ts';
import { FACETS, type Database, type Facet, type OrganisationTable } from '../schema.ts';
import type { Scope } from '../scopes.ts';
import {
  FORMS_OF_EXPLOITATION,
  isCode,
  KINDS_OF_WORK,
  LANGUAGES,
  POPULATIONS,
  SUPPORT_SERVICES,
  type FormOfExploitation,
  type KindOfWork,
  type Language,
  type OrganisationType,
  type Population,
  type SupportService,
  type Visibility,
} from '../../../domain/taxonomy/codes.ts';
import { ofCoalition, touched } from './scoped.ts';
import { containsText } from './like.ts';

export { FACETS, type Facet } from '../schema.ts';

/** An organisation's list-valued fields, each with its codes' type. */
export interface OrganisationFacets {
  kindsOfWork: KindOfWork[];
  supportServices: SupportService[];
  forms: FormOfExploitation[];
  populations: Population[];
  languages: Language[];
  countries: string[];
  provinces: string[];
}

export interface OrganisationRecord {
  id: string;
  coalitionId: string;
  name: string;
  type: OrganisationType;
  website: string | null;
  publicContact: string | null;
  description: string;
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
  version: number;
  facets: OrganisationFacets;
}

export type OrganisationFields = Omit<
  OrganisationRecord,
  'id' | 'coalitionId' | 'createdAt' | 'updatedAt' | 'version'
>;

export interface ListFilter {
  q?: string | undefined;
  country?: string | undefined;
  kindOfWork?: string | undefined;
  form?: string | undefined;
  type?: OrganisationType | undefined;
  limit: number;
  offset: number;
}

/** What decides whether an organisation's name may be shown beside another record. */
export interface OrganisationRef {
  id: string;
  name: string;
  coalitionId: string;
  visibility: Visibility;
}

/**
 * The reporting organisation of a route or challenge, joined as `o`: what the policy needs to
 * decide whether to name it (`shownOrganisation` in api/organisations/service.ts).
 */
export const REPORTER_COLUMNS = [
  'o.name as organisation_name',
  'o.coalition_id as organisation_coalition_id',
  'o.visibility as organisation_visibility',
] as const;

export interface ReporterRow {
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_coalition_id: string | null;
  organisation_visibility: Visibility | null;
}

export function reporterOf(r: ReporterRow): OrganisationRef | null {
  return r.organisation_id &&
    r.organisation_name !== null &&
    r.organisation_coalition_id !== null &&
    r.organisation_visibility !== null
    ? {
        id: r.organisation_id,
        name: r.organisation_name,
        coalitionId: r.organisation_coalition_id,
        visibility: r.organisation_visibility,
      }
    : null;
}

/** Who is reading, reduced to what the SQL needs: the policy's scopes (see auth/policy.ts). */
export interface ReadAudience {
  scopes: Scope[];
  coalitionId: string | null;
  organisationId: string | null;
}

type OrgEb = ExpressionBuilder<Database, 'organisations'>;

function audienceFilter(eb: OrgEb, a: ReadAudience): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  for (const scope of a.scopes) {
    if (scope === 'public') ors.push(eb('visibility', '=', 'public'));
    else if (a.coalitionId === null) continue;
    else if (scope === 'coalitionAll') ors.push(eb('coalition_id', '=', a.coalitionId));
    else if (scope === 'coalitionShared')
      ors.push(
        eb.and([eb('coalition_id', '=', a.coalitionId), eb('visibility', '!=', 'organisation')]),
      );
    else if (scope === 'ownOrganisation' && a.organisationId !== null)
      ors.push(eb.and([eb('coalition_id', '=', a.coalitionId), eb('id', '=', a.organisationId)]));
  }
  return ors.length ? eb.or(ors) : eb.lit(false);
}

function hasFacet(eb: OrgEb, facet: Facet, code: string): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('organisation_facets as f')
      .select('f.code')
      .whereRef('f.organisation_id', '=', 'organisations.id')
      .where('f.facet', '=', facet)
      .where('f.code', '=', code),
  );
}

export async function listOrganisations(
  db: Db,
  audience: ReadAudience,
  filter: ListFilter,
): Promise<{ items: OrganisationRecord[]; total: number }> {
  const base = db.selectFrom('organisations').where((eb) => {
    const conds: Expression<SqlBool>[] = [audienceFilter(eb, audience)];
    if (filter.q) {
      conds.push(
        eb.or([
          containsText(eb.ref('name'), filter.q),
          containsText(eb.ref('description'), filter.q),
        ]),
      );
    }
    if (filter.country) conds.push(hasFacet(eb, 'countries', filter.country));
    if (filter.kindOfWork) conds.push(hasFacet(eb, 'kindsOfWork', filter.kindOfWork));
    if (filter.form) conds.push(hasFacet(eb, 'forms', filter.form));
    if (filter.type) conds.push(eb('type', '=', filter.type));
    return eb.and(conds);
  });
  const countRow = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: await withFacets(db, rows), total: Number(countRow.n) };
}

export async function findOrganisation(
  db: Db,
  id: string,
): Promise<OrganisationRecord | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [rec] = await withFacets(db, [row]);
  return rec;
}

async function withFacets(db: Db, rows: OrganisationTable[]): Promise<OrganisationRecord[]> {
  if (rows.length === 0) return [];
  const facetRows = await db
    .selectFrom('organisation_facets')
    .selectAll()
    .where(
      'organisation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('organisation_id')
    .orderBy('facet')
    .orderBy('position')
    .execute();
  const byOrg = new Map<string, OrganisationFacets>();
  for (const r of rows) byOrg.set(r.id, emptyFacets());
  for (const f of facetRows) {
    const facets = byOrg.get(f.organisation_id);
    if (facets) addFacet(facets, f.facet, f.code);
  }
  return rows.map((r) => ({
    id: r.id,
    coalitionId: r.coalition_id,
    name: r.name,
    type: r.type,
    website: r.website,
    publicContact: r.public_contact,
    description: r.description,
    visibility: r.visibility,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
    facets: byOrg.get(r.id) ?? emptyFacets(),
  }));
}

function emptyFacets(): OrganisationFacets {
  return {
    kindsOfWork: [],
    supportServices: [],
    forms: [],
    populations: [],
    languages: [],
    countries: [],
    provinces: [],
  };
}

/** One stored facet row into the record (codes were checked when written; others are skipped). */
function addFacet(facets: OrganisationFacets, facet: Facet, code: string): void {
  switch (facet) {
    case 'kindsOfWork':
      if (isCode(KINDS_OF_WORK, code)) facets.kindsOfWork.push(code);
      return;
    case 'supportServices':
      if (isCode(SUPPORT_SERVICES, code)) facets.supportServices.push(code);
      return;
    case 'forms':
      if (isCode(FORMS_OF_EXPLOITATION, code)) facets.forms.push(code);
      return;
    case 'populations':
      if (isCode(POPULATIONS, code)) facets.populations.push(code);
      return;
    case 'languages':
      if (isCode(LANGUAGES, code)) facets.languages.push(code);
      return;
    case 'countries':
    case 'provinces':
      facets[facet].push(code);
  }
}

async function writeFacets(
  trx: Transaction<Database>,
  id: string,
  facets: Partial<OrganisationFacets>,
): Promise<void> {
  for (const facet of FACETS) {
    const codes = facets[facet];
    if (codes === undefined) continue;
    await trx
      .deleteFrom('organisation_facets')
      .where('organisation_id', '=', id)
      .where('facet', '=', facet)
      .execute();
    if (codes.length === 0) continue;
    await trx
      .insertInto('organisation_facets')
      .values(codes.map((code, position) => ({ organisation_id: id, facet, code, position })))
      .execute();
  }
}

export async function insertOrganisation(
  trx: Transaction<Database>,
  coalitionId: string,
  fields: OrganisationFields,
  now: string,
  id: string = randomUUID(),
): Promise<string> {
  await insertOrganisations(trx, coalitionId, [fields], now, [id]);
  return id;
}

/**
 * Many organisations at once (an import): rows and facets in batches, inside the caller's
 * transaction. Returns the new ids in input order.
 */
export async function insertOrganisations(
  trx: Transaction<Database>,
  coalitionId: string,
  list: readonly OrganisationFields[],
  now: string,
  ids: readonly string[] = list.map(() => randomUUID()),
  /** Called after each batch with how many are written (an import's progress, a pause). */
  onBatch?: (written: number) => Promise<void>,
  batch = 500,
): Promise<readonly string[]> {
  for (let i = 0; i < list.length; i += batch) {
    const part = list.slice(i, i + batch);
    await trx
      .insertInto('organisations')
      .values(
        part.map((fields, j) => ({
          id: ids[i + j]!,
          coalition_id: coalitionId,
          name: fields.name,
          type: fields.type,
          website: fields.website,
          public_contact: fields.publicContact,
          description: fields.description,
          visibility: fields.visibility,
          created_at: now,
          updated_at: now,
          version: 1,
        })),
      )
      .execute();
    const facets = part.flatMap((fields, j) =>
      FACETS.flatMap((facet) =>
        fields.facets[facet].map((code, position) => ({
          organisation_id: ids[i + j]!,
          facet,
          code,
          position,
        })),
      ),
    );
    for (let k = 0; k < facets.length; k += batch)
      await trx
        .insertInto('organisation_facets')
        .values(facets.slice(k, k + batch))
        .execute();
    await onBatch?.(i + part.length);
  }
  return ids;
}

/** The coalition's organisation names (an import refuses a second organisation of a name). */
export async function organisationNames(db: Db, coalitionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisations')
    .select('name')
    .where('coalition_id', '=', coalitionId)
    .execute();
  return rows.map((r) => r.name);
}

export type OrganisationPatch = Partial<Omit<OrganisationFields, 'facets'>> & {
  facets?: Partial<OrganisationFacets>;
};

/** Whether the coalition had that organisation; its facets change only if it did. */
export async function updateOrganisation(
  trx: Transaction<Database>,
  coalitionId: string,
  id: string,
  patch: OrganisationPatch,
  now: string,
): Promise<boolean> {
  const r = await ofCoalition(trx, 'organisations', coalitionId)
    .update()
    .set((eb) => ({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.website !== undefined && { website: patch.website }),
      ...(patch.publicContact !== undefined && { public_contact: patch.publicContact }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.visibility !== undefined && { visibility: patch.visibility }),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .executeTakeFirst();
  if (touched(r) === 0) return false;
  if (patch.facets) await writeFacets(trx, id, patch.facets);
  return true;
}

/** Whether the coalition had that organisation; nothing else changes if it did not. */
export async function deleteOrganisation(
  trx: Transaction<Database>,
  coalitionId: string,
  id: string,
): Promise<boolean> {
  const r = await ofCoalition(trx, 'organisations', coalitionId)
    .delete()
    .where('id', '=', id)
    .executeTakeFirst();
  if (touched(r) === 0) return false;
  await ofCoalition(trx, 'memberships', coalitionId)
    .update()
    .set({ organisation_id: null })
    .where('organisation_id', '=', id)
    .execute();
  await trx.deleteFrom('organisation_facets').where('organisation_id', '=', id).execute();
  return true;
}

/** Whether `id` names an organisation of the coalition (a route or challenge may name it). */
export async function isCoalitionOrganisation(
  db: Db,
  coalitionId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** How names are compared: Unicode-normalised, case and spacing ignored ("ABC  Aid" = "abc aid"). */
export const organisationNameKey = (s: string) =>
  s.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/** The coalition's organisations' ids by their exact names (the demo seed names its owners). */
export async function organisationIdsByName(
  db: Db,
  coalitionId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .execute();
  return new Map(rows.map((o) => [o.name, o.id]));
}

/** The coalition's organisations with each country they work in, by name (the demo seed's). */
export function organisationCountries(
  db: Db,
  coalitionId: string,
): Promise<{ id: string; code: string }[]> {
  return db
    .selectFrom('organisations as o')
    .innerJoin('organisation_facets as f', 'f.organisation_id', 'o.id')
    .select(['o.id', 'f.code'])
    .where('o.coalition_id', '=', coalitionId)
    .where('f.facet', '=', 'countries')
    .orderBy('o.name')
    .execute();
}

/**
 * The coalition's organisation called `name` (as a participant's roster row writes it), if exactly
 * one matches: what a route added from a phone is attributed to.
 */
export async function organisationNamed(
  db: Db,
  coalitionId: string,
  name: string,
): Promise<string | null> {
  const key = organisationNameKey(name);
  if (!key) return null;
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .execute();
  const hits = rows.filter((r) => organisationNameKey(r.name) === key);
  return hits.length === 1 ? hits[0]!.id : null;
}
