import type { NoteWarning, Route, RouteCreate, RouteUpdate } from '../../../contract/atlas.ts';
import { findPersonalData } from '../../../domain/analysis/notes.ts';
import { getPlace } from '../../../domain/geo/index.ts';
import { can, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { audit } from '../../db/repos/accounts.ts';
import * as repo from '../../db/repos/routes.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../http/errors.ts';
import { placeItem } from '../gazetteer/present.ts';
import { shownOrganisation } from '../organisations/service.ts';

type Field = { field: string; message: string };

const WARNING_TEXT: Record<NoteWarning['kind'], string> = {
  phone: 'looks like a phone number',
  email: 'looks like an e-mail address',
  name: 'looks like a personal name',
};

/** Routes are patterns: anything in the notes that could identify a person is pointed out. */
export function noteWarnings(notes: string): NoteWarning[] {
  return findPersonalData(notes).map((f) => ({
    kind: f.kind,
    excerpt: f.excerpt,
    message: `"${f.excerpt}" ${WARNING_TEXT[f.kind]}. Routes describe patterns, never a person: please remove it.`,
  }));
}

export function access(r: Pick<repo.RouteRecord, 'coalitionId' | 'organisationId' | 'visibility'>) {
  return {
    coalitionId: r.coalitionId,
    owningOrganisationId: r.organisationId,
    visibility: r.visibility as 'organisation' | 'coalition' | 'public',
  };
}

export function present(r: repo.RouteRecord, actor: Actor): Route {
  return {
    id: r.id,
    stops: r.stops.map((s) => ({
      role: s.role,
      borderCrossing: s.borderCrossing,
      place: placeItem(s.placeId),
    })),
    forms: r.forms as Route['forms'],
    sectors: r.sectors as Route['sectors'],
    populations: r.populations as Route['populations'],
    yearFrom: r.yearFrom,
    yearTo: r.yearTo,
    confidence: r.confidence as Route['confidence'],
    basis: r.basis as Route['basis'],
    notes: r.notes,
    visibility: r.visibility as Route['visibility'],
    organisation: shownOrganisation(actor, r.organisation),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    can: {
      update: can(actor, 'update', 'route', access(r)),
      delete: can(actor, 'delete', 'route', access(r)),
    },
    warnings: noteWarnings(r.notes),
  };
}

/** Resolves every place against the gazetteer; errors name the field (`transits.1.place`). */
export function resolveFields(
  input: Omit<RouteCreate, 'organisationId'>,
  organisationId: string | null,
  fieldPrefix = '',
): { fields?: repo.RouteFields; errors: Field[] } {
  const errors: Field[] = [];
  const stop = (id: string, role: repo.StopRecord['role'], border: boolean, field: string) => {
    const p = getPlace(id);
    if (!p) {
      errors.push({ field: fieldPrefix + field, message: `"${id}" is not a known place` });
      return null;
    }
    return {
      role,
      placeId: p.id,
      country: p.countryCode,
      province: p.provinceCode,
      borderCrossing: border,
    };
  };
  const stops = [
    stop(input.source, 'source', false, 'source'),
    ...input.transits.map((t, i) =>
      stop(t.place, 'transit', t.borderCrossing, `transits.${i}.place`),
    ),
    stop(input.destination, 'destination', false, 'destination'),
  ];
  if (input.source === input.destination)
    errors.push({ field: `${fieldPrefix}destination`, message: 'must differ from the source' });
  if (input.yearFrom !== null && input.yearTo !== null && input.yearFrom > input.yearTo)
    errors.push({ field: `${fieldPrefix}yearTo`, message: 'must not be before yearFrom' });
  if (errors.length) return { errors };
  return {
    errors,
    fields: {
      organisationId,
      stops: stops.filter((s): s is repo.StopRecord => s !== null),
      forms: input.forms,
      sectors: input.sectors,
      populations: input.populations,
      yearFrom: input.yearFrom,
      yearTo: input.yearTo,
      confidence: input.confidence,
      basis: input.basis,
      notes: input.notes,
      visibility: input.visibility,
    },
  };
}

/**
 * The reporting organisation: a member reports as their own organisation, always; coordinators
 * and admins may name any organisation of the coalition (or none: reported by the coalition).
 */
export async function reportingOrganisation(
  ctx: AppContext,
  actor: Extract<Actor, { kind: 'user' }>,
  requested: string | null | undefined,
  field = 'organisationId',
): Promise<string | null> {
  if (actor.role === 'member' || actor.role === 'viewer') {
    if (!actor.organisationId) throw forbidden();
    if (requested && requested !== actor.organisationId)
      throw invalid([{ field, message: 'members report routes as their own organisation' }]);
    return actor.organisationId;
  }
  const id = requested === undefined ? actor.organisationId : requested;
  if (id === null) return null;
  const org = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', id)
    .where('coalition_id', '=', actor.coalitionId)
    .executeTakeFirst();
  if (!org) throw invalid([{ field, message: 'is not an organisation of this coalition' }]);
  return id;
}

export async function readableRoute(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<repo.RouteRecord> {
  const rec = await repo.findRoute(ctx.db, id);
  if (!rec || !can(actor, 'read', 'route', access(rec))) throw notFound('route');
  return rec;
}

export async function createRoute(
  ctx: AppContext,
  actor: Actor,
  input: RouteCreate,
): Promise<repo.RouteRecord> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const organisationId = await reportingOrganisation(ctx, actor, input.organisationId);
  const target = { coalitionId: actor.coalitionId, organisationId, visibility: input.visibility };
  if (!can(actor, 'create', 'route', access(target))) throw forbidden();
  const { fields, errors } = resolveFields(input, organisationId);
  if (!fields) throw invalid(errors);
  const at = ctx.now().toISOString();
  const [id] = await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertRoutes(trx, actor.coalitionId, [fields], actor.userId, at);
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'create',
        resource: 'route',
        recordId: ids[0]!,
      },
      at,
    );
    return ids;
  });
  return (await repo.findRoute(ctx.db, id!))!;
}

export async function updateRoute(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: RouteUpdate,
): Promise<repo.RouteRecord> {
  const rec = await readableRoute(ctx, actor, id);
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'update', 'route', access(rec))) throw forbidden();
  const organisationId =
    patch.organisationId === undefined
      ? rec.organisationId
      : await reportingOrganisation(ctx, actor, patch.organisationId);
  const transits = rec.stops.filter((s) => s.role === 'transit');
  const merged = {
    source: patch.source ?? rec.stops[0]!.placeId,
    destination: patch.destination ?? rec.stops[rec.stops.length - 1]!.placeId,
    transits:
      patch.transits ??
      transits.map((t) => ({ place: t.placeId, borderCrossing: t.borderCrossing })),
    forms: patch.forms ?? (rec.forms as RouteCreate['forms']),
    sectors: patch.sectors ?? (rec.sectors as RouteCreate['sectors']),
    populations: patch.populations ?? (rec.populations as RouteCreate['populations']),
    yearFrom: patch.yearFrom === undefined ? rec.yearFrom : patch.yearFrom,
    yearTo: patch.yearTo === undefined ? rec.yearTo : patch.yearTo,
    confidence: patch.confidence ?? (rec.confidence as RouteCreate['confidence']),
    basis: patch.basis ?? (rec.basis as RouteCreate['basis']),
    notes: patch.notes ?? rec.notes,
    visibility: patch.visibility ?? (rec.visibility as RouteCreate['visibility']),
  };
  // The record after the change must still be one the actor may hold (e.g. not moved to another organisation's ownership).
  if (
    !can(
      actor,
      'update',
      'route',
      access({ ...rec, organisationId, visibility: merged.visibility }),
    )
  )
    throw forbidden();
  const { fields, errors } = resolveFields(merged, organisationId);
  if (!fields) throw invalid(errors);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceRoute(trx, rec, fields, at);
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'update',
        resource: 'route',
        recordId: id,
      },
      at,
    );
  });
  return (await repo.findRoute(ctx.db, id))!;
}

export async function deleteRoute(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  const rec = await readableRoute(ctx, actor, id);
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'delete', 'route', access(rec))) throw forbidden();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteRoute(trx, rec);
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'delete',
        resource: 'route',
        recordId: id,
      },
      at,
    );
  });
  return rec.coalitionId;
}
