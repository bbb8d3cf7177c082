/**
 * A session's plan history (issue 12): every write of a plan records a version — who, when, why,
 * and how many rounds had been held — in the same transaction as the plan, so the history is
 * exactly what the phones were shown. A version's not-yet-held rounds can be restored; held
 * rounds never change.
 */
import type { Transaction } from 'kysely';
import type { EventDetail, PlannedRound, ScheduleQuality } from '../../contract/events.ts';
import type { PlanReason, PlanVersion } from '../../contract/plans.ts';
import type { AppContext } from '../context.ts';
import { findSession, listParticipants, listTables, savePlan } from '../db/repos/events.ts';
import {
  findPlanVersion,
  insertPlanVersion,
  lastPlanVersion,
  listPlanVersions,
  userNames,
} from '../db/repos/plans.ts';
import type { SessionRecord } from '../db/repos/events.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { commitEventChange } from './changes.ts';
import type { Rooms } from './rooms.ts';
import { lastHeldRound } from './rules.ts';
import { fromJson, toJson } from '../db/json.ts';
import type { PlanVersionTable } from '../db/schema-plans.ts';

/** Why a plan changed and who changed it (null: the server, e.g. seating a walk-in). */
export interface PlanWhy {
  reason: PlanReason;
  by: string | null;
  /** Rounds 0..heldThrough had started (-1: none). */
  heldThrough: number;
  restoredFrom?: number;
}

/** A user id from a live client's key (`user:<id>`); participants' keys give null. */
export const userOfClientKey = (clientKey: string): string | null =>
  clientKey.startsWith('user:') ? clientKey.slice(5) : null;

/**
 * Writes a session's plan (null: cleared) and records it as the next version. The first time a
 * session's plan changes, the plan it had (made before history was kept) is recorded first, so it
 * can be restored too.
 */
export async function writePlan(
  trx: Transaction<Database>,
  at: string,
  session: Pick<SessionRecord, 'id' | 'eventId' | 'plan' | 'quality'>,
  plan: PlannedRound[] | null,
  quality: ScheduleQuality | null,
  why: PlanWhy,
): Promise<number> {
  const eventId = session.eventId;
  let version = await lastPlanVersion(trx, eventId, session.id);
  const row = (v: number) => ({
    event_id: eventId,
    session_id: session.id,
    version: v,
    held_through: why.heldThrough,
    restored_from: null,
    user_id: why.by,
    visibility: 'coalition' as const,
    owning_organisation_id: null,
    created_at: at,
  });
  if (version === 0 && session.plan !== null)
    await insertPlanVersion(trx, {
      ...row(++version),
      plan: toJson(session.plan),
      quality: session.quality && toJson(session.quality),
      reason: 'initial',
      user_id: null,
      held_through: -1,
    });
  await savePlan(trx, eventId, session.id, plan, plan && quality);
  await insertPlanVersion(trx, {
    ...row(++version),
    plan: plan && toJson(plan),
    quality: plan && quality && toJson(quality),
    reason: why.reason,
    restored_from: why.restoredFrom ?? null,
  });
  return version;
}

/** The session's plan versions, newest first, as the console lists them. */
export async function planVersions(
  ctx: AppContext,
  eventId: string,
  sessionId: string,
): Promise<PlanVersion[]> {
  if (!(await findSession(ctx.db, eventId, sessionId))) throw notFound('session');
  const rows = await listPlanVersions(ctx.db, eventId, sessionId);
  const names = await userNames(
    ctx.db,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return rows.map((r, i) => ({
    version: Number(r.version),
    at: r.created_at,
    reason: r.reason,
    by: (r.user_id && names.get(r.user_id)) ?? null,
    heldThrough: Number(r.held_through),
    restoredFrom: r.restored_from === null ? null : Number(r.restored_from),
    hasPlan: r.plan !== null,
    repeatedPairs: r.quality === null ? null : (fromJson(r.quality).repeatedPairs ?? null),
    current: i === 0,
  }));
}

const notRestorable = (message: string, params: Record<string, string | number>) =>
  new HttpError(409, { error: 'plan_not_restorable', message, params });

/**
 * Restores a version's rounds that have not been held yet; the held rounds stay exactly as they
 * were. Checked and written in the room's queue, so a round that starts meanwhile is seen.
 */
export async function restorePlanVersion(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  sessionId: string,
  version: number,
  by: string | null,
): Promise<{ event: EventDetail; version: number }> {
  const room = await rooms.loaded(eventId);
  return room.perform(async (tx) => {
    const s = await findSession(tx.db, eventId, sessionId);
    if (!s) throw notFound('session');
    const v = await findPlanVersion(tx.db, eventId, sessionId, version);
    if (!v) throw notFound('plan version');
    const wanted = v.plan === null ? null : fromJson(v.plan);
    if (!wanted) throw notRestorable('That version has no plan (it was cleared).', { version });
    const rounds = s.rounds;
    if (wanted.length !== rounds)
      throw notRestorable(
        `That version has ${wanted.length} rounds; the session now has ${rounds}.`,
        { version },
      );
    const held = lastHeldRound(room.state, s.id);
    if (held >= rounds - 1)
      throw new HttpError(409, {
        error: 'rounds_all_held',
        message: `Every round of "${s.title}" has been held; its plan can no longer change.`,
        params: { session: s.title },
      });
    const current = s.plan ?? [];
    const plan = [...current.slice(0, held + 1), ...wanted.slice(held + 1)];
    // What the restored rounds name must still exist: a table or a person removed since is not
    // brought back silently.
    const [tables, people] = await Promise.all([
      listTables(tx.db, eventId),
      listParticipants(tx.db, eventId),
    ]);
    const tableIds = new Set(tables.map((t) => t.id));
    const personIds = new Set(people.map((p) => p.id));
    const later = wanted.slice(held + 1).flatMap((r) => r.groups);
    const usesTables = s.kind !== 'networking';
    if (usesTables && later.some((g) => g.tableId !== null && !tableIds.has(g.tableId)))
      throw notRestorable('That version seats people at a table that has been removed since.', {
        version,
        missing: 'table',
      });
    if (later.some((g) => g.participantIds.some((id) => !personIds.has(id))))
      throw notRestorable('That version seats someone who has been removed since.', {
        version,
        missing: 'participant',
      });
    let made = 0;
    const { event } = await commitEventChange(ctx, tx, eventId, undefined, async (trx) => {
      made = await writePlan(trx, ctx.now().toISOString(), s, plan, qualityOfVersion(v), {
        reason: 'restored',
        by,
        heldThrough: held,
        restoredFrom: version,
      });
    });
    return { event, version: made };
  });
}

const qualityOfVersion = (v: PlanVersionTable): ScheduleQuality | null =>
  v.quality === null ? null : fromJson(v.quality);
