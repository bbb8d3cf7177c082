import type {
  NoteWarning,
  Route,
  RouteCreate,
  RouteUpdate,
  VersionConflict,
} from '../../../contract/atlas.ts';
import { findPersonalData } from '../../../core/notes.ts';
import { can, mayValidateRoutes, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { audit } from '../../db/repos/accounts.ts';
import * as repo from '../../db/repos/routes.ts';
import type { Db } from '../../db/index.ts';
import { isCoalitionOrganisation } from '../../db/repos/organisations.ts';
import { forbidden, HttpError, invalid, notFound, unauthenticated } from '../../http/errors.ts';
import { placeItem } from '../gazetteer/present.ts';
import {
  personalDataProblems,
  refusePersonalData,
  resolveFields,
  WARNING_TEXT,
} from '../../atlas/route-rules.ts';
import { shownOrganisation } from '../organisations/service.ts';

export { personalDataProblems, refusePersonalData, resolveFields };

/** Routes are patterns: anything in the notes that could identify a person is pointed out. */
export function noteWarnings(notes: string): NoteWarning[] {
  return findPersonalData(notes).map((f) => ({
    kind: f.kind,
    excerpt: f.excerpt,
    message: `"${f.excerpt}" ${WARNING_TEXT[f.kind]}. Routes describe patterns, never a person: please remove it.`,
  }));
}

/** Audits a coordinator's confirmation of notes that look like personal data. */
async function auditConfirmation(
  trx: Db,
  actor: Extract<Actor, { kind: 'user' }>,
  notes: string,
  confirm: boolean | undefined,
  recordId: string,
  at: string,
): Promise<void> {
  if (!confirm || !findPersonalData(notes).length) return;
  await audit(
    trx,
    {
      coalitionId: actor.coalitionId,
      userId: actor.userId,
      action: 'confirm_notes',
      resource: 'route',
      recordId,
    },
    at,
  );
}

export function access(r: Pick<repo.RouteRecord, 'coalitionId' | 'organisationId' | 'visibility'>) {
  return {
    coalitionId: r.coalitionId,
    owningOrganisationId: r.organisationId,
    visibility: r.visibility,
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
    forms: r.forms,
    sectors: r.sectors,
    populations: r.populations,
    yearFrom: r.yearFrom,
    yearTo: r.yearTo,
    confidence: r.confidence,
    basis: r.basis,
    notes: r.notes,
    visibility: r.visibility,
    organisation: shownOrganisation(actor, r.organisation),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    can: {
      update: can(actor, 'update', 'route', access(r)),
      delete: can(actor, 'delete', 'route', access(r)),
      validate:
        r.pendingReview && mayValidateRoutes(actor) && can(actor, 'update', 'route', access(r)),
    },
    warnings: noteWarnings(r.notes),
    reportedIn: r.reportedIn && {
      eventId: r.reportedIn.eventId,
      // Who added it is for validation: coordinators and admins only.
      participantId: mayValidateRoutes(actor) ? r.reportedIn.participantId : null,
    },
    pendingReview: r.pendingReview,
  };
}

/**
 * The reporting organisation: a member reports as their own organisation, always; coordinators
 * and admins may name any organisation of the coalition (or none: reported by the coalition).
 */
export async function reportingOrganisation(
  db: Db,
  actor: Extract<Actor, { kind: 'user' }>,
  requested: string | null | undefined,
  field = 'organisationId',
): Promise<string | null> {
  if (actor.role === 'member' || actor.role === 'viewer') {
    if (!actor.organisationId) throw forbidden();
    if (requested && requested !== actor.organisationId)
      throw invalid([
        {
          field,
          code: 'own_organisation_only',
          message: 'members report routes as their own organisation',
        },
      ]);
    return actor.organisationId;
  }
  const id = requested === undefined ? actor.organisationId : requested;
  if (id === null) return null;
  if (!(await isCoalitionOrganisation(db, actor.coalitionId, id)))
    throw invalid([
      { field, code: 'unknown_organisation', message: 'is not an organisation of this coalition' },
    ]);
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
  const organisationId = await reportingOrganisation(ctx.db, actor, input.organisationId);
  const target = { coalitionId: actor.coalitionId, organisationId, visibility: input.visibility };
  if (!can(actor, 'create', 'route', access(target))) throw forbidden();
  const { fields, errors } = resolveFields(input, organisationId);
  if (!fields) throw invalid(errors);
  const pii = personalDataProblems(actor, input.notes, input.confirmNotes === true);
  if (pii.length) throw refusePersonalData(pii);
  const at = ctx.now().toISOString();
  const [id] = await ctx.db.transaction().execute(async (trx) => {
    const ids = await repo.insertRoutes(trx, actor.coalitionId, [fields], actor.userId, at);
    await auditConfirmation(trx, actor, input.notes, input.confirmNotes, ids[0]!, at);
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

const conflict = (expected: number, current: number) => {
  const body: VersionConflict = {
    error: 'version_conflict',
    message: `The route changed since you read it: you sent version ${expected}, it is now version ${current}. Read it again and redo your change.`,
    currentVersion: current,
  };
  return new HttpError(409, body);
};

/**
 * Changes some fields of a route. Everything is decided on the row as read inside the write
 * transaction and locked there (repos/routes.ts `lockRoute`): who may change it, the merged record,
 * the summary rows it leaves and enters. `expectedVersion` (the body's `version` or If-Match): a
 * route changed since is answered 409 and nothing changes.
 */
export async function updateRoute(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: RouteUpdate,
  expectedVersion?: number,
): Promise<repo.RouteRecord> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const rec = await repo.lockRoute(trx, id, ctx.backend);
    if (!rec || !can(actor, 'read', 'route', access(rec))) throw notFound('route');
    if (actor.kind === 'anonymous') throw unauthenticated();
    if (!can(actor, 'update', 'route', access(rec))) throw forbidden();
    const expected = patch.version ?? expectedVersion;
    if (expected !== undefined && expected !== rec.version) throw conflict(expected, rec.version);
    const organisationId =
      patch.organisationId === undefined
        ? rec.organisationId
        : await reportingOrganisation(trx, actor, patch.organisationId);
    const transits = rec.stops.filter((s) => s.role === 'transit');
    const merged = {
      source: patch.source ?? rec.stops[0]!.placeId,
      destination: patch.destination ?? rec.stops[rec.stops.length - 1]!.placeId,
      transits:
        patch.transits ??
        transits.map((t) => ({ place: t.placeId, borderCrossing: t.borderCrossing })),
      forms: patch.forms ?? rec.forms,
      sectors: patch.sectors ?? rec.sectors,
      populations: patch.populations ?? rec.populations,
      yearFrom: patch.yearFrom === undefined ? rec.yearFrom : patch.yearFrom,
      yearTo: patch.yearTo === undefined ? rec.yearTo : patch.yearTo,
      confidence: patch.confidence ?? rec.confidence,
      basis: patch.basis ?? rec.basis,
      notes: patch.notes ?? rec.notes,
      visibility: patch.visibility ?? rec.visibility,
    };
    // The record after the change must still be one the actor may hold (e.g. not moved to another
    // organisation's ownership).
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
    // Only new notes are checked: a change of other fields never trips over notes already saved
    // (e.g. confirmed by a coordinator earlier).
    if (patch.notes !== undefined && patch.notes !== rec.notes) {
      const pii = personalDataProblems(actor, patch.notes, patch.confirmNotes === true);
      if (pii.length) throw refusePersonalData(pii);
      await auditConfirmation(trx, actor, patch.notes, patch.confirmNotes, id, at);
    }
    if (patch.reviewed && !mayValidateRoutes(actor))
      throw invalid([
        {
          field: 'reviewed',
          code: 'coordinators_only',
          message: 'only a coordinator or admin may validate a route',
        },
      ]);
    await repo.replaceRoute(trx, rec, fields, at);
    if (patch.reviewed && rec.pendingReview) await repo.markReviewed(trx, rec);
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
    return (await repo.findRoute(trx, id))!;
  });
}

/**
 * Removes a route, decided on the row as read (and locked) inside the write transaction. With
 * `expectedVersion` (If-Match), a route changed since is answered 409 and stays.
 */
export async function deleteRoute(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<string> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const rec = await repo.lockRoute(trx, id, ctx.backend);
    // Removed by a concurrent request a moment ago: 404, as to anyone who looks now.
    if (!rec || !can(actor, 'read', 'route', access(rec))) throw notFound('route');
    if (actor.kind === 'anonymous') throw unauthenticated();
    if (!can(actor, 'delete', 'route', access(rec))) throw forbidden();
    if (expectedVersion !== undefined && expectedVersion !== rec.version)
      throw conflict(expectedVersion, rec.version);
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
    return rec.coalitionId;
  });
}
