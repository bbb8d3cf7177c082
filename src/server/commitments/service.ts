/**
 * Commitments and roadmaps (issue 14): the one place that records, changes and reads them, called
 * by the REST routes (api/commitments) and the `mosaic followup` command. Who may see or change one
 * is the policy table's (`commitment`, and `followup` for the coordinators' list and digest); where
 * one stands on a day (due, overdue, not updated for 30/60/90 days) is domain/analysis/commitments.ts,
 * computed on read with the server's clock, never stored.
 */
import { randomUUID } from 'node:crypto';
import type {
  Commitment,
  CommitmentCreate,
  CommitmentDetail,
  CommitmentLinkInput,
  CommitmentPatch,
  CommitmentQuery,
  CommitmentStatus,
  FollowUpItem,
  FollowUpList,
  Progress,
  ProgressCounts,
  TimelineStep,
} from '../../contract/commitments.ts';
import { dayOf, followUpReasons, standing } from '../../domain/analysis/commitments.ts';
import { can, readScopes, type Actor } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { audit } from '../db/repos/accounts.ts';
import { findCard } from '../db/repos/cards.ts';
import * as repo from '../db/repos/commitments.ts';
import { findEvent, listEvents } from '../db/repos/events.ts';
import { listCoalitionFactors } from '../db/repos/factors.ts';
import { isCoalitionOrganisation } from '../db/repos/organisations.ts';
import { ofEvent } from '../db/repos/scoped.ts';
import type { CommitmentLinkTable, CommitmentTable } from '../db/schema-commitments.ts';
import { eventAccess } from '../events/service.ts';
import {
  forbidden,
  invalid,
  notFound,
  unauthenticated,
  type FieldProblem,
} from '../http/errors.ts';
import { isProblem, resolveLink } from './links.ts';

type User = Extract<Actor, { kind: 'user' }>;

export const access = (r: {
  coalition_id: string;
  owner_organisation_id: string;
  visibility: CommitmentTable['visibility'];
}) => ({
  coalitionId: r.coalition_id,
  owningOrganisationId: r.owner_organisation_id,
  visibility: r.visibility,
});

const user = (actor: Actor): User => {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
};

/** Group labels of events, looked up once per answer. */
type GroupLabels = Map<string, Map<string, string>>;

async function groupLabelsOf(db: Db, eventIds: Iterable<string | null>): Promise<GroupLabels> {
  const out: GroupLabels = new Map();
  for (const id of new Set(eventIds)) {
    if (!id || out.has(id)) continue;
    const e = await findEvent(db, id);
    const groups = e ? e.expertiseGroups : [];
    out.set(id, new Map(groups.map((g) => [g.key, g.label])));
  }
  return out;
}

function present(
  r: repo.CommitmentRecord,
  links: CommitmentLinkTable[],
  labels: GroupLabels,
  actor: Actor,
  now: Date,
): Commitment {
  const s = standing(
    {
      status: r.status,
      targetDate: r.target_date,
      progressAt: r.progress_at,
      timeZone: r.event_time_zone,
    },
    now,
  );
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    eventId: r.event_id,
    groupKey: r.group_key,
    groupLabel: (r.event_id && r.group_key && labels.get(r.event_id)?.get(r.group_key)) || null,
    owner: { id: r.owner_organisation_id, name: r.owner_name },
    second:
      r.second_organisation_id && r.second_name !== null
        ? { id: r.second_organisation_id, name: r.second_name }
        : null,
    targetDate: r.target_date,
    status: r.status,
    visibility: r.visibility,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    progressAt: r.progress_at,
    state: s,
    links: links.map((l) => ({
      kind: l.kind,
      ref: l.ref,
      eventId: l.event_id,
      label: l.label,
      source: l.source === 1,
    })),
    can: {
      update: can(actor, 'update', 'commitment', access(r)),
      delete: can(actor, 'delete', 'commitment', access(r)),
    },
  };
}

async function presentAll(
  ctx: Pick<AppContext, 'db' | 'now'>,
  actor: User,
  rows: repo.CommitmentRecord[],
): Promise<Commitment[]> {
  const links = await repo.linksOf(
    ctx.db,
    actor.coalitionId,
    rows.map((r) => r.id),
  );
  const byId = new Map<string, CommitmentLinkTable[]>();
  for (const l of links) byId.set(l.commitment_id, [...(byId.get(l.commitment_id) ?? []), l]);
  const labels = await groupLabelsOf(
    ctx.db,
    rows.map((r) => r.event_id),
  );
  const now = ctx.now();
  return rows.map((r) => present(r, byId.get(r.id) ?? [], labels, actor, now));
}

/** The event (readable by the actor) and group a commitment names; a group needs its event. */
async function eventAndGroup(
  db: Db,
  actor: User,
  eventId: string | null,
  groupKey: string | null,
): Promise<void> {
  if (eventId === null) {
    if (groupKey !== null)
      throw invalid([{ field: 'groupKey', code: 'required', message: 'a group needs its event' }]);
    return;
  }
  const e = await findEvent(db, eventId);
  if (!e || e.coalitionId !== actor.coalitionId || !can(actor, 'read', 'event', eventAccess(e)))
    throw invalid([{ field: 'eventId', message: 'is not an event of this coalition' }]);
  if (groupKey === null) return;
  const groups = e.expertiseGroups;
  if (!groups.some((g) => g.key === groupKey))
    throw invalid([
      {
        field: 'groupKey',
        code: 'unknown_group',
        params: { options: groups.map((g) => g.key) },
        message: `is not an expertise group of this event (${groups.map((g) => g.key).join(', ')})`,
      },
    ]);
}

async function organisations(
  db: Db,
  actor: User,
  owner: string,
  second: string | null,
): Promise<void> {
  const bad: FieldProblem[] = [];
  if (!(await isCoalitionOrganisation(db, actor.coalitionId, owner)))
    bad.push({
      field: 'ownerOrganisationId',
      code: 'unknown_organisation',
      message: 'is not an organisation of this coalition',
    });
  if (second !== null) {
    if (second === owner)
      bad.push({
        field: 'secondOrganisationId',
        code: 'same_as_other',
        params: { other: 'ownerOrganisationId' },
        message: 'must differ from ownerOrganisationId',
      });
    else if (!(await isCoalitionOrganisation(db, actor.coalitionId, second)))
      bad.push({
        field: 'secondOrganisationId',
        code: 'unknown_organisation',
        message: 'is not an organisation of this coalition',
      });
  }
  if (bad.length) throw invalid(bad);
}

async function resolveLinks(
  db: Db,
  actor: User,
  eventId: string | null,
  inputs: readonly CommitmentLinkInput[],
  fieldPrefix: string,
) {
  const out = [];
  const bad: FieldProblem[] = [];
  for (const [i, input] of inputs.entries()) {
    const r = await resolveLink(db, actor, eventId, input);
    if (isProblem(r)) bad.push({ field: `${fieldPrefix}${i}.${r.field}`, message: r.message });
    else out.push(r);
  }
  if (bad.length) throw invalid(bad);
  return out;
}

/** One audit line for a change to a commitment, in the change's transaction. */
const auditCommitment = (
  trx: Parameters<typeof audit>[0],
  u: User,
  action: 'create' | 'update' | 'delete',
  id: string,
  at: string,
) =>
  audit(
    trx,
    { coalitionId: u.coalitionId, userId: u.userId, action, resource: 'commitment', recordId: id },
    at,
  );

const displayName = async (db: Db, userId: string) =>
  (await repo.userNames(db, [userId])).get(userId) ?? '';

export async function createCommitment(
  ctx: AppContext,
  actor: Actor,
  input: CommitmentCreate,
): Promise<CommitmentDetail> {
  const u = user(actor);
  const target = {
    coalition_id: u.coalitionId,
    owner_organisation_id: input.ownerOrganisationId,
    visibility: input.visibility,
  };
  if (!can(u, 'create', 'commitment', access(target))) throw forbidden();
  await organisations(ctx.db, u, input.ownerOrganisationId, input.secondOrganisationId);
  await eventAndGroup(ctx.db, u, input.eventId, input.groupKey);
  const links = await resolveLinks(ctx.db, u, input.eventId, input.links, 'links.');
  const at = ctx.now().toISOString();
  const id = randomUUID();
  const name = await displayName(ctx.db, u.userId);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCommitment(trx, {
      id,
      coalition_id: u.coalitionId,
      event_id: input.eventId,
      group_key: input.groupKey,
      title: input.title,
      description: input.description,
      owner_organisation_id: input.ownerOrganisationId,
      second_organisation_id: input.secondOrganisationId,
      target_date: input.targetDate,
      status: input.status,
      visibility: input.visibility,
      created_by: u.userId,
      created_at: at,
      updated_at: at,
      progress_at: at,
    });
    if (input.status !== 'planned')
      await repo.insertUpdate(trx, {
        id: randomUUID(),
        coalition_id: u.coalitionId,
        commitment_id: id,
        status: input.status,
        note: '',
        by_user_id: u.userId,
        by_name: name,
        at,
      });
    await repo.insertLinks(
      trx,
      links.map((l, i) => ({
        coalition_id: u.coalitionId,
        commitment_id: id,
        kind: l.kind,
        ref: l.ref,
        event_id: l.eventId,
        label: l.label,
        source: i === 0 ? 1 : 0,
        created_at: at,
      })),
    );
    await auditCommitment(trx, u, 'create', id, at);
  });
  return readCommitment(ctx, actor, id);
}

async function readable(ctx: AppContext, actor: Actor, id: string): Promise<repo.CommitmentRecord> {
  const rec = await repo.findCommitment(ctx.db, id);
  if (!rec || !can(actor, 'read', 'commitment', access(rec))) throw notFound('commitment');
  return rec;
}

/** What the actor may change: 404 when they cannot read it, 403 when they read but may not. */
async function changeable(ctx: AppContext, actor: Actor, id: string, action: 'update' | 'delete') {
  const rec = await readable(ctx, actor, id);
  const u = user(actor);
  if (!can(u, action, 'commitment', access(rec))) throw forbidden();
  return { rec, u };
}

export async function readCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<CommitmentDetail> {
  const rec = await readable(ctx, actor, id);
  const u = user(actor);
  const [c] = await presentAll(ctx, u, [rec]);
  const updates = await repo.updatesOf(ctx.db, u.coalitionId, id);
  return {
    ...c!,
    updates: updates.map((x) => ({
      id: x.id,
      status: x.status,
      note: x.note,
      by: x.by_name,
      at: x.at,
    })),
    timeline: await timeline(ctx.db, u, rec, c!, updates),
  };
}

/**
 * The commitment's story, oldest first: where it came from (the card, learning or gap it was
 * promoted from, as it reads now), the theme or factor that source was grouped under, the
 * commitment itself (who, when), then every status update and link added later, in time order.
 */
async function timeline(
  db: Db,
  actor: User,
  rec: repo.CommitmentRecord,
  c: Commitment,
  updates: { status: string; note: string; by_name: string; at: string }[],
): Promise<TimelineStep[]> {
  const head: TimelineStep[] = [];
  const factors = new Map(
    (await listCoalitionFactors(db, actor.coalitionId)).map((f) => [f.factor_id, f.label]),
  );
  for (const l of c.links) {
    if (!l.source) continue;
    if (l.kind === 'card' && l.eventId) {
      const card = await findCard(db, l.eventId, l.ref);
      head.push({
        kind: 'source',
        what: 'card',
        text: card && !card.deleted ? card.text : l.label,
        by: null,
        at: card?.createdAt ?? null,
      });
      const current = await ofEvent(db, 'card_factor_current', l.eventId)
        .select()
        .select('factor_id')
        .where('card_id', '=', l.ref)
        .executeTakeFirst();
      const label = current?.factor_id ? factors.get(current.factor_id) : undefined;
      if (label) head.push({ kind: 'theme', what: 'factor', text: label, by: null, at: null });
    } else if (l.kind === 'learning' && l.eventId) {
      const learning = await ofEvent(db, 'learnings', l.eventId)
        .select()
        .select(['text', 'theme_id', 'created_at'])
        .where('id', '=', l.ref)
        .executeTakeFirst();
      head.push({
        kind: 'source',
        what: 'learning',
        text: learning?.text ?? l.label,
        by: null,
        at: learning?.created_at ?? null,
      });
      const theme = learning?.theme_id
        ? await ofEvent(db, 'learning_themes', l.eventId)
            .select()
            .select('label')
            .where('id', '=', learning.theme_id)
            .executeTakeFirst()
        : undefined;
      if (theme) head.push({ kind: 'theme', what: 'theme', text: theme.label, by: null, at: null });
    } else if (l.kind === 'factor' || l.kind === 'issue')
      head.push({ kind: 'theme', what: l.kind, text: l.label, by: null, at: null });
    else head.push({ kind: 'source', what: l.kind, text: l.label, by: null, at: null });
  }
  const by = rec.created_by
    ? (await repo.userNames(db, [rec.created_by])).get(rec.created_by)
    : null;
  head.push({
    kind: 'commitment',
    what: 'created',
    text: rec.title,
    by: by ?? null,
    at: rec.created_at,
  });
  const links = await repo.linksOf(db, actor.coalitionId, [rec.id]);
  const linkAt = new Map(links.map((l) => [`${l.kind}|${l.ref}`, l.created_at]));
  const linked = c.links
    .filter((l) => !l.source)
    .map((l): TimelineStep => ({
      kind: 'link',
      what: l.kind,
      text: l.label,
      by: null,
      at: linkAt.get(`${l.kind}|${l.ref}`) ?? null,
    }));
  const steps: TimelineStep[] = [
    ...linked,
    ...updates.map((x): TimelineStep => ({
      kind: 'update',
      what: x.status,
      text: x.note,
      by: x.by_name,
      at: x.at,
    })),
  ].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return [...head, ...steps];
}

export async function listCommitments(
  ctx: AppContext,
  actor: Actor,
  q: CommitmentQuery,
): Promise<{ items: Commitment[]; total: number }> {
  const u = user(actor);
  const rows = await repo.listCommitments(ctx.db, audienceOf(u, 'commitment'), q);
  const page = rows.slice(q.offset, q.offset + q.limit);
  return { items: await presentAll(ctx, u, page), total: rows.length };
}

function audienceOf(actor: User, resource: 'commitment'): repo.CommitmentAudience {
  return {
    coalitionId: actor.coalitionId,
    organisationId: actor.organisationId,
    scopes: readScopes(actor, resource),
  };
}

export async function patchCommitment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: CommitmentPatch,
): Promise<CommitmentDetail> {
  const { rec, u } = await changeable(ctx, actor, id, 'update');
  if (Object.keys(patch).length === 0)
    throw invalid([{ field: 'body', code: 'no_change', message: 'names no field to change' }]);
  const owner = patch.ownerOrganisationId ?? rec.owner_organisation_id;
  const second =
    patch.secondOrganisationId === undefined
      ? rec.second_organisation_id
      : patch.secondOrganisationId;
  const visibility = patch.visibility ?? rec.visibility;
  // The record after the change must be one the actor may still change (a member cannot hand
  // a commitment to another organisation).
  if (
    !can(u, 'update', 'commitment', {
      coalitionId: rec.coalition_id,
      owningOrganisationId: owner,
      visibility,
    })
  )
    throw forbidden();
  await organisations(ctx.db, u, owner, second);
  const groupKey = patch.groupKey === undefined ? rec.group_key : patch.groupKey;
  if (patch.groupKey !== undefined) await eventAndGroup(ctx.db, u, rec.event_id, groupKey);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.updateCommitment(trx, u.coalitionId, id, {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.targetDate !== undefined && { target_date: patch.targetDate }),
      owner_organisation_id: owner,
      second_organisation_id: second,
      group_key: groupKey,
      visibility,
      updated_at: at,
    });
    if (n === 0) throw notFound('commitment');
    await auditCommitment(trx, u, 'update', id, at);
  });
  return readCommitment(ctx, actor, id);
}

/** A status update with a short progress note: who and when go on the timeline. */
export async function addUpdate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { status: CommitmentStatus; note: string },
): Promise<CommitmentDetail> {
  const { u } = await changeable(ctx, actor, id, 'update');
  const at = ctx.now().toISOString();
  const name = await displayName(ctx.db, u.userId);
  await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.updateCommitment(trx, u.coalitionId, id, {
      status: input.status,
      updated_at: at,
      progress_at: at,
    });
    if (n === 0) throw notFound('commitment');
    await repo.insertUpdate(trx, {
      id: randomUUID(),
      coalition_id: u.coalitionId,
      commitment_id: id,
      status: input.status,
      note: input.note,
      by_user_id: u.userId,
      by_name: name,
      at,
    });
    await auditCommitment(trx, u, 'update', id, at);
  });
  return readCommitment(ctx, actor, id);
}

/** Links a commitment to more of what it answers (a gap, a factor, an issue, a card, a learning). */
export async function addLinks(
  ctx: AppContext,
  actor: Actor,
  id: string,
  inputs: CommitmentLinkInput[],
): Promise<CommitmentDetail> {
  const { rec, u } = await changeable(ctx, actor, id, 'update');
  const links = await resolveLinks(ctx.db, u, rec.event_id, inputs, 'links.');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLinks(
      trx,
      links.map((l) => ({
        coalition_id: u.coalitionId,
        commitment_id: id,
        kind: l.kind,
        ref: l.ref,
        event_id: l.eventId,
        label: l.label,
        source: 0,
        created_at: at,
      })),
    );
    await repo.updateCommitment(trx, u.coalitionId, id, { updated_at: at });
    await auditCommitment(trx, u, 'update', id, at);
  });
  return readCommitment(ctx, actor, id);
}

export async function deleteCommitment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { u } = await changeable(ctx, actor, id, 'delete');
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deleteCommitment(trx, u.coalitionId, id)) === 0) throw notFound('commitment');
    await auditCommitment(trx, u, 'delete', id, at);
  });
}

const zero = (): ProgressCounts => ({
  total: 0,
  planned: 0,
  inProgress: 0,
  done: 0,
  dropped: 0,
  overdue: 0,
  stale90: 0,
});

function count(c: ProgressCounts, r: repo.CommitmentRecord, now: Date): void {
  const s = standing(
    {
      status: r.status,
      targetDate: r.target_date,
      progressAt: r.progress_at,
      timeZone: r.event_time_zone,
    },
    now,
  );
  c.total++;
  if (r.status === 'planned') c.planned++;
  else if (r.status === 'in_progress') c.inProgress++;
  else if (r.status === 'done') c.done++;
  else if (r.status === 'dropped') c.dropped++;
  if (s.overdue) c.overdue++;
  if (s.stale === 90) c.stale90++;
}

/**
 * Progress across groups and events (the coalition page) and per owner organisation, over the
 * commitments the actor may read: done, overdue, not updated for 90 days.
 */
export async function progress(ctx: AppContext, actor: Actor): Promise<Progress> {
  const u = user(actor);
  const rows = await repo.listCommitments(ctx.db, audienceOf(u, 'commitment'), {});
  const now = ctx.now();
  const events = new Map((await listEvents(ctx.db, u.coalitionId)).map((e) => [e.id, e]));
  const labels = await groupLabelsOf(ctx.db, events.keys());
  const all = zero();
  const byGroup = new Map<string, Progress['byGroup'][number]>();
  const byOrg = new Map<string, Progress['byOrganisation'][number]>();
  for (const r of rows) {
    count(all, r, now);
    const gk = `${r.event_id ?? ''}|${r.group_key ?? ''}`;
    let g = byGroup.get(gk);
    if (!g)
      byGroup.set(
        gk,
        (g = {
          ...zero(),
          eventId: r.event_id,
          eventName: (r.event_id && events.get(r.event_id)?.name) || null,
          groupKey: r.group_key,
          groupLabel:
            (r.event_id && r.group_key && labels.get(r.event_id)?.get(r.group_key)) || null,
        }),
      );
    count(g, r, now);
    let o = byOrg.get(r.owner_organisation_id);
    if (!o)
      byOrg.set(
        r.owner_organisation_id,
        (o = { ...zero(), organisation: { id: r.owner_organisation_id, name: r.owner_name } }),
      );
    count(o, r, now);
  }
  const eventStart = (id: string | null) => (id && events.get(id)?.startsOn) || '';
  return {
    today: dayOf(now),
    all,
    byGroup: [...byGroup.values()].sort(
      (a, b) =>
        eventStart(b.eventId).localeCompare(eventStart(a.eventId)) ||
        (a.groupLabel ?? '').localeCompare(b.groupLabel ?? ''),
    ),
    byOrganisation: [...byOrg.values()].sort((a, b) =>
      a.organisation.name.localeCompare(b.organisation.name),
    ),
  };
}

/**
 * The coordinators' follow-up list: open commitments due today or overdue, or not updated for 30,
 * 60 or 90 days — most overdue first.
 */
export async function followUp(ctx: AppContext, actor: Actor): Promise<FollowUpList> {
  const u = user(actor);
  if (
    !can(u, 'read', 'followup', {
      coalitionId: u.coalitionId,
      owningOrganisationId: null,
      visibility: 'coalition',
    })
  )
    throw forbidden();
  return followUpOf(ctx.db, u.coalitionId, ctx.now(), u);
}

/** The follow-up list of a coalition (also the CLI's, which has no signed-in actor). */
export async function followUpOf(
  db: Db,
  coalitionId: string,
  now: Date,
  actor: User | null,
): Promise<FollowUpList> {
  const rows = await repo.listCommitments(
    db,
    { coalitionId, organisationId: null, scopes: ['coalitionAll'] },
    { open: true },
  );
  const reader: User = actor ?? {
    kind: 'user',
    userId: '',
    coalitionId,
    role: 'coordinator',
    organisationId: null,
  };
  const items = await presentAll({ db, now: () => now }, reader, rows);
  const out: FollowUpItem[] = items
    .map((c) => ({ ...c, reasons: followUpReasons(c.state) }))
    .filter((c) => c.reasons.length > 0)
    .sort(
      (a, b) =>
        a.targetDate.localeCompare(b.targetDate) ||
        b.state.daysSinceUpdate - a.state.daysSinceUpdate,
    );
  return { today: dayOf(now), items: out };
}
