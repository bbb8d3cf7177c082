import type {
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
} from '../../../contract/organisations.ts';
import { getProvince, isCountryCode } from '../../../domain/geo/index.ts';
import { can, readScopes, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { audit } from '../../db/repos/accounts.ts';
import { detachOrganisation } from '../../db/repos/routes.ts';
import * as repo from '../../db/repos/organisations.ts';
import {
  forbidden,
  invalid,
  notFound,
  unauthenticated,
  type FieldProblem,
} from '../../http/errors.ts';

type Field = FieldProblem;

/** Checks that need the gazetteer: codes that look right but do not exist, and provinces outside the listed countries. */
export function checkPlaces(
  countries: string[] | undefined,
  provinces: string[] | undefined,
  existingCountries: string[],
): Field[] {
  const errors: Field[] = [];
  countries?.forEach((c, i) => {
    if (!isCountryCode(c))
      errors.push({
        field: `countries.${i}`,
        code: 'unknown_country',
        params: { value: c },
        message: `"${c}" is not an ISO 3166-1 country code`,
      });
  });
  const allowed = new Set(countries ?? existingCountries);
  provinces?.forEach((p, i) => {
    const province = getProvince(p);
    if (!province)
      errors.push({
        field: `provinces.${i}`,
        code: 'unknown_province',
        params: { value: p },
        message: `"${p}" is not a known ISO 3166-2 province code`,
      });
    else if (!allowed.has(province.countryCode))
      errors.push({
        field: `provinces.${i}`,
        code: 'province_outside',
        params: { value: p, country: province.countryCode },
        message: `"${p}" is in ${province.countryCode}, which is not among the countries`,
      });
  });
  return errors;
}

function access(rec: repo.OrganisationRecord) {
  // An organisation record is owned by the organisation it describes.
  return { coalitionId: rec.coalitionId, owningOrganisationId: rec.id, visibility: rec.visibility };
}

export function present(rec: repo.OrganisationRecord, actor: Actor): Organisation {
  const f = rec.facets;
  return {
    id: rec.id,
    name: rec.name,
    type: rec.type,
    kindsOfWork: f.kindsOfWork,
    supportServices: f.supportServices,
    forms: f.forms,
    populations: f.populations,
    languages: f.languages,
    countries: f.countries,
    provinces: f.provinces,
    website: rec.website,
    publicContact: rec.publicContact,
    description: rec.description,
    visibility: rec.visibility,
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    can: {
      update: can(actor, 'update', 'organisation', access(rec)),
      delete: can(actor, 'delete', 'organisation', access(rec)),
    },
  };
}

/**
 * An organisation as embedded in another record's presentation (the organisation that reported a
 * route or recorded a challenge): named only to someone the policy lets read that organisation,
 * otherwise withheld (null), like a record they cannot see (issue 10, hole 6). A coalition-visible
 * route must not name an organisation-only organisation to the rest of the coalition.
 */
export function shownOrganisation(
  actor: Actor,
  org: repo.OrganisationRef | null,
): { id: string; name: string } | null {
  if (!org) return null;
  const visible = can(actor, 'read', 'organisation', {
    coalitionId: org.coalitionId,
    owningOrganisationId: org.id,
    visibility: org.visibility,
  });
  return visible ? { id: org.id, name: org.name } : null;
}

export function audienceOf(actor: Actor): repo.ReadAudience {
  return {
    scopes: readScopes(actor, 'organisation'),
    coalitionId: actor.kind === 'user' ? actor.coalitionId : null,
    organisationId: actor.kind === 'user' ? actor.organisationId : null,
  };
}

/** A record the actor may read, or 404: a record they may not see is indistinguishable from none. */
export async function readable(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<repo.OrganisationRecord> {
  const rec = await repo.findOrganisation(ctx.db, id);
  if (!rec || !can(actor, 'read', 'organisation', access(rec))) throw notFound('organisation');
  return rec;
}

export async function createOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: OrganisationCreate,
): Promise<repo.OrganisationRecord> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (
    !can(actor, 'create', 'organisation', {
      coalitionId: actor.coalitionId,
      owningOrganisationId: null,
      visibility: input.visibility,
    })
  )
    throw forbidden();
  const errors = checkPlaces(input.countries, input.provinces, []);
  if (errors.length) throw invalid(errors);
  const now = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertOrganisation(trx, actor.coalitionId, fieldsOf(input), now);
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'create',
        resource: 'organisation',
        recordId: newId,
      },
      now,
    );
    return newId;
  });
  return (await repo.findOrganisation(ctx.db, id))!;
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: OrganisationUpdate,
): Promise<repo.OrganisationRecord> {
  const rec = await readable(ctx, actor, id);
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'update', 'organisation', access(rec))) throw forbidden();
  const errors = checkPlaces(
    input.countries,
    input.provinces ?? (input.countries ? rec.facets.provinces : undefined),
    rec.facets.countries,
  );
  if (errors.length) throw invalid(errors);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Keyed by the actor's coalition too: a record of another coalition is never changed.
    if (!(await repo.updateOrganisation(trx, actor.coalitionId, id, patchOf(input), now)))
      throw notFound('organisation');
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'update',
        resource: 'organisation',
        recordId: id,
      },
      now,
    );
  });
  return (await repo.findOrganisation(ctx.db, id))!;
}

export async function deleteOrganisation(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const rec = await readable(ctx, actor, id);
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'delete', 'organisation', access(rec))) throw forbidden();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await detachOrganisation(trx, actor.coalitionId, id, now);
    if (!(await repo.deleteOrganisation(trx, actor.coalitionId, id)))
      throw notFound('organisation');
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'delete',
        resource: 'organisation',
        recordId: id,
      },
      now,
    );
  });
}

export function fieldsOf(input: OrganisationCreate): repo.OrganisationFields {
  const {
    kindsOfWork,
    supportServices,
    forms,
    populations,
    languages,
    countries,
    provinces,
    ...rest
  } = input;
  return {
    ...rest,
    facets: { kindsOfWork, supportServices, forms, populations, languages, countries, provinces },
  };
}

function patchOf(input: OrganisationUpdate): repo.OrganisationPatch {
  const {
    kindsOfWork,
    supportServices,
    forms,
    populations,
    languages,
    countries,
    provinces,
    ...rest
  } = input;
  // A facet left out (undefined) is left as it is (writeFacets skips it).
  const facets = {
    kindsOfWork,
    supportServices,
    forms,
    populations,
    languages,
    countries,
    provinces,
  };
  return { ...rest, facets };
}
