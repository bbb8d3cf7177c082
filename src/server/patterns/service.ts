/**
 * Experience patterns (issue 13, spectrum of exploitation): the one place that stores, reads and
 * removes them, called by the REST routes (api/patterns) and the live room's `addPattern` intent.
 * Every decision about who may see or change one is the policy table's (`pattern` resource);
 * where a pattern sits on the spectrum is the rule's (domain/analysis/spectrum.ts), computed on
 * read with its reasons, never stored.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NoteWarning } from '../../contract/atlas.ts';
import type { EventIssue } from '../../contract/events.ts';
import type {
  Distribution,
  DistributionRow,
  Pattern,
  PatternCreate,
  PatternImportResult,
  PatternQuery,
  PublicDistribution,
} from '../../contract/patterns.ts';
import { findPersonalData } from '../../core/notes.ts';
import { readPatternTable } from '../../domain/analysis/pattern-rows.ts';
import { presentCount } from '../../domain/analysis/release.ts';
import {
  publishSpectrum,
  type PublishedSpectrumRow,
} from '../../domain/analysis/spectrum-release.ts';
import {
  classifyPattern,
  SPECTRUM_LEVELS,
  SPECTRUM_RULE_VERSION,
  type SpectrumLevel,
  type SpectrumResult,
} from '../../domain/analysis/spectrum.ts';
import { readTable } from '../../domain/import/table.ts';
import { DEFAULT_CAFE_ISSUES, defaultIssueName } from '../../domain/taxonomy/index.ts';
import type { Visibility } from '../../domain/taxonomy/codes.ts';
import { can, readScopes, type Actor } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { audit, readerCoalition } from '../db/repos/accounts.ts';
import { findEvent } from '../db/repos/events.ts';
import { isCoalitionOrganisation } from '../db/repos/organisations.ts';
import * as repo from '../db/repos/patterns.ts';
import type { Database } from '../db/schema.ts';
import { fromJson, toJson } from '../db/json.ts';
import type { ExperiencePatternTable } from '../db/schema-patterns.ts';
import { eventAccess } from '../events/service.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../http/errors.ts';

type User = Extract<Actor, { kind: 'user' }>;

export const access = (r: {
  coalition_id: string;
  organisation_id: string | null;
  visibility: Visibility;
}) => ({
  coalitionId: r.coalition_id,
  owningOrganisationId: r.organisation_id,
  visibility: r.visibility,
});

export function classifyRecord(r: ExperiencePatternTable): SpectrumResult {
  return classifyPattern({
    paid: r.paid,
    canLeave: r.can_leave === 1,
    indicators: fromJson(r.indicators),
    recruitment: r.recruitment,
    moved: r.moved === 1,
  });
}

const WARNING_TEXT: Record<NoteWarning['kind'], string> = {
  phone: 'looks like a phone number',
  email: 'looks like an e-mail address',
  name: 'looks like a personal name',
};

/** A pattern describes no one: what in its notes could identify a person is pointed out. */
export function notesWarnings(notes: string): NoteWarning[] {
  return findPersonalData(notes).map((f) => ({
    kind: f.kind,
    excerpt: f.excerpt,
    message: `"${f.excerpt}" ${WARNING_TEXT[f.kind]}. A pattern describes no one: please remove it.`,
  }));
}

export function present(r: repo.PatternRecord, actor: Actor): Pattern {
  const result = classifyRecord(r);
  const orgVisible =
    r.organisation_id !== null &&
    r.organisation_name !== null &&
    can(actor, 'read', 'organisation', {
      coalitionId: r.coalition_id,
      owningOrganisationId: r.organisation_id,
      visibility: r.organisation_visibility ?? 'organisation',
    });
  return {
    id: r.id,
    form: r.form,
    sector: r.sector,
    population: r.population,
    indicators: fromJson(r.indicators),
    paid: r.paid,
    canLeave: r.can_leave === 1,
    recruitment: r.recruitment,
    moved: r.moved === 1,
    notes: r.notes,
    visibility: r.visibility,
    organisation: orgVisible ? { id: r.organisation_id!, name: r.organisation_name! } : null,
    eventId: r.event_id,
    issueKey: r.issue_key,
    source: r.source,
    createdAt: r.created_at,
    level: result.level,
    reasons: result.reasons,
    rule: result.rule,
    can: { delete: can(actor, 'delete', 'pattern', access(r)) },
    warnings: notesWarnings(r.notes),
  };
}

/**
 * The owning organisation: a member enters as their own organisation, always; coordinators and
 * admins may name any organisation of the coalition (or none: the coalition's own).
 */
async function owningOrganisation(
  db: Db,
  actor: User,
  requested: string | null | undefined,
): Promise<string | null> {
  if (actor.role === 'member' || actor.role === 'viewer') {
    if (!actor.organisationId) throw forbidden();
    if (requested && requested !== actor.organisationId)
      throw invalid([
        {
          field: 'organisationId',
          code: 'own_organisation_only',
          message: 'members enter patterns as their own organisation',
        },
      ]);
    return actor.organisationId;
  }
  const id = requested === undefined ? actor.organisationId : requested;
  if (id === null) return null;
  if (!(await isCoalitionOrganisation(db, actor.coalitionId, id)))
    throw invalid([
      {
        field: 'organisationId',
        code: 'unknown_organisation',
        message: 'is not an organisation of this coalition',
      },
    ]);
  return id;
}

/** The event a pattern names must be one the actor reads; its issue, one of the event's. */
async function eventAndIssue(
  db: Db,
  actor: User,
  eventId: string | null,
  issueKey: string | null,
): Promise<{ eventId: string | null; issueKey: string | null; issues: EventIssue[] }> {
  if (eventId === null) {
    if (issueKey !== null)
      throw invalid([{ field: 'issueKey', code: 'required', message: 'an issue needs its event' }]);
    return { eventId, issueKey, issues: [] };
  }
  const e = await findEvent(db, eventId);
  if (!e || !can(actor, 'read', 'event', eventAccess(e)))
    throw invalid([{ field: 'eventId', message: 'is not an event of this coalition' }]);
  const issues = e.issues;
  if (issueKey !== null && !issues.some((i) => i.key === issueKey))
    throw invalid([
      {
        field: 'issueKey',
        code: 'invalid_option',
        params: { options: issues.map((i) => i.key) },
        message: `is not an issue of this event (${issues.map((i) => i.key).join(', ')})`,
      },
    ]);
  return { eventId, issueKey, issues };
}

type Facts = Omit<Pick<PatternCreate, FactKey>, 'indicators'> & { indicators: readonly number[] };
type FactKey =
  | 'form'
  | 'sector'
  | 'population'
  | 'indicators'
  | 'paid'
  | 'canLeave'
  | 'recruitment'
  | 'moved'
  | 'notes';

/** A row as stored: indicators ascending, each once; booleans 0/1. */
export function rowOf(
  id: string,
  f: Facts,
  where: {
    coalitionId: string;
    organisationId: string | null;
    visibility: Visibility;
    eventId: string | null;
    issueKey: string | null;
    source: Pattern['source'];
    enteredBy: string | null;
    participantId: string | null;
    at: string;
  },
): ExperiencePatternTable {
  return {
    id,
    coalition_id: where.coalitionId,
    organisation_id: where.organisationId,
    visibility: where.visibility,
    event_id: where.eventId,
    issue_key: where.issueKey,
    form: f.form,
    sector: f.sector,
    population: f.population,
    indicators: toJson([...new Set(f.indicators)].sort((a, b) => a - b)),
    paid: f.paid,
    can_leave: f.canLeave ? 1 : 0,
    recruitment: f.recruitment,
    moved: f.moved ? 1 : 0,
    notes: f.notes,
    source: where.source,
    entered_by: where.enteredBy,
    participant_id: where.participantId,
    created_at: where.at,
  };
}

export async function createPattern(
  ctx: AppContext,
  actor: Actor,
  input: PatternCreate,
): Promise<repo.PatternRecord> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const organisationId = await owningOrganisation(ctx.db, actor, input.organisationId);
  const target = {
    coalition_id: actor.coalitionId,
    organisation_id: organisationId,
    visibility: input.visibility,
  };
  if (!can(actor, 'create', 'pattern', access(target))) throw forbidden();
  const where = await eventAndIssue(ctx.db, actor, input.eventId, input.issueKey);
  const at = ctx.now().toISOString();
  const id = randomUUID();
  const row = rowOf(id, input, {
    coalitionId: actor.coalitionId,
    organisationId,
    visibility: input.visibility,
    eventId: where.eventId,
    issueKey: where.issueKey,
    source: 'form',
    enteredBy: actor.userId,
    participantId: null,
    at,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPatterns(trx, [row]);
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'create',
        resource: 'pattern',
        recordId: id,
      },
      at,
    );
  });
  return (await repo.findPattern(ctx.db, id))!;
}

export async function readablePattern(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<repo.PatternRecord> {
  const rec = await repo.findPattern(ctx.db, id);
  if (!rec || !can(actor, 'read', 'pattern', access(rec))) throw notFound('pattern');
  return rec;
}

export async function deletePattern(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const rec = await readablePattern(ctx, actor, id);
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'delete', 'pattern', access(rec))) throw forbidden();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.deletePattern(trx, actor.coalitionId, id)) === 0) throw notFound('pattern');
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'delete',
        resource: 'pattern',
        recordId: id,
      },
      at,
    );
  });
}

function audienceOf(actor: User): repo.PatternAudience {
  return {
    coalitionId: actor.coalitionId,
    organisationId: actor.organisationId,
    scopes: readScopes(actor, 'pattern'),
  };
}

export async function listPatterns(
  ctx: AppContext,
  actor: Actor,
  q: PatternQuery,
): Promise<{ items: Pattern[]; total: number }> {
  if (actor.kind === 'anonymous') return { items: [], total: 0 };
  const rows = await repo.listPatterns(ctx.db, audienceOf(actor), q);
  // The level is the rule's, computed on read: filtered here, then paged.
  const all = rows.map((r) => present(r, actor)).filter((p) => !q.level || p.level === q.level);
  return { items: all.slice(q.offset, q.offset + q.limit), total: all.length };
}

const zeroCounts = (): Record<SpectrumLevel, number> => ({
  decent_work: 0,
  labour_rights_violation: 0,
  serious_exploitation: 0,
  forced_labour: 0,
  trafficking: 0,
});

/** How many readable patterns sit at each level, per form and per issue (most patterns first). */
export async function distribution(
  ctx: AppContext,
  actor: Actor,
  eventId: string | undefined,
): Promise<Distribution> {
  const empty: Distribution = {
    rule: SPECTRUM_RULE_VERSION,
    levels: [...SPECTRUM_LEVELS],
    total: 0,
    byForm: [],
    byIssue: [],
  };
  if (actor.kind === 'anonymous') throw unauthenticated();
  const rows = await repo.listPatterns(ctx.db, audienceOf(actor), { eventId });
  const labels = new Map<string, string>(DEFAULT_CAFE_ISSUES.map((i) => [i.key, i.label]));
  // An event's own names for its issues win over the defaults.
  const eventIds = [...new Set(rows.map((r) => r.event_id).filter((x): x is string => !!x))];
  for (const id of eventIds) {
    const e = await findEvent(ctx.db, id);
    if (e && e.coalitionId === actor.coalitionId)
      for (const i of e.issues) labels.set(i.key, i.label);
  }
  const byForm = new Map<string, DistributionRow>();
  const byIssue = new Map<string, DistributionRow>();
  const add = (
    m: Map<string, DistributionRow>,
    key: string,
    label: string | null,
    l: SpectrumLevel,
  ) => {
    let row = m.get(key);
    if (!row) m.set(key, (row = { key, label, total: 0, counts: zeroCounts() }));
    row.total++;
    row.counts[l]++;
  };
  for (const r of rows) {
    const { level } = classifyRecord(r);
    add(byForm, r.form, null, level);
    if (r.issue_key) add(byIssue, r.issue_key, labels.get(r.issue_key) ?? null, level);
  }
  const sorted = (m: Map<string, DistributionRow>) =>
    [...m.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { ...empty, total: rows.length, byForm: sorted(byForm), byIssue: sorted(byIssue) };
}

/**
 * The public distribution of one coalition (its slug; else the reader's or the first): only the
 * patterns it made public (`visibility: public`), published by the atlas's small-count rule —
 * atoms form × issue × level, withheld from 1 to k−1, every other figure a sum of atoms
 * (domain/analysis/spectrum-release.ts). Issues carry the default café issues' names only, in
 * `language` (English where a name has no translation).
 */
export async function publicDistribution(
  ctx: AppContext,
  actor: Actor,
  slug: string | undefined,
  language = 'en',
): Promise<PublicDistribution> {
  const coalition = await readerCoalition(ctx.db, actor, slug);
  if (!coalition) throw notFound('coalition');
  const k = coalition.suppressionK;
  const rows = await repo.listPatterns(
    ctx.db,
    { coalitionId: coalition.id, organisationId: null, scopes: ['public'] },
    {},
  );
  const p = publishSpectrum(
    rows.map((r) => ({ form: r.form, issue: r.issue_key, level: classifyRecord(r).level, n: 1 })),
    k,
  );
  const row = (r: PublishedSpectrumRow, label: string | null) => ({
    key: r.key,
    label,
    total: presentCount(r.total, k),
    counts: {
      decent_work: presentCount(r.counts.decent_work, k),
      labour_rights_violation: presentCount(r.counts.labour_rights_violation, k),
      serious_exploitation: presentCount(r.counts.serious_exploitation, k),
      forced_labour: presentCount(r.counts.forced_labour, k),
      trafficking: presentCount(r.counts.trafficking, k),
    },
  });
  return {
    rule: SPECTRUM_RULE_VERSION,
    levels: [...SPECTRUM_LEVELS],
    k,
    total: presentCount(p.total, k),
    byForm: p.byForm.map((r) => row(r, null)),
    byIssue: p.byIssue.map((r) => row(r, defaultIssueName(r.key, language))),
  };
}

/**
 * Imports patterns from a CSV (or pasted spreadsheet): every problem names its line and column;
 * all or nothing. Notes that look like a name or a phone number are imported and pointed out.
 */
export async function importPatterns(
  ctx: AppContext,
  actor: Actor,
  req: { csv: string; dryRun: boolean; visibility: Visibility; eventId: string | null },
): Promise<PatternImportResult> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const organisationId = await owningOrganisation(ctx.db, actor, undefined);
  const target = {
    coalition_id: actor.coalitionId,
    organisation_id: organisationId,
    visibility: req.visibility,
  };
  if (!can(actor, 'create', 'pattern', access(target))) throw forbidden();
  const { issues } = await eventAndIssue(ctx.db, actor, req.eventId, null);
  const table = await readTable({ text: req.csv }, { maxRows: 10_000 });
  const strip = <T extends { line: number | null; column: string | null; value: string | null }>(
    p: T & { code: string; message: string },
  ) => ({ code: p.code, line: p.line, column: p.column, value: p.value, message: p.message });
  if (!table.ok)
    return {
      dryRun: req.dryRun,
      ok: false,
      lines: 0,
      imported: 0,
      errors: [strip(table.problem)],
      warnings: [],
    };
  const read = readPatternTable(table.table, findPersonalData);
  const errors = read.errors.map(strip);
  if (read.lines > 10_000)
    errors.unshift({
      code: 'too_many_rows',
      line: null,
      column: null,
      value: null,
      message: 'at most 10,000 patterns at once',
    });
  for (const r of read.rows)
    if (r.issue !== null && !issues.some((i) => i.key === r.issue))
      errors.push({
        code: 'value_invalid',
        line: r.line,
        column: 'issue',
        value: r.issue,
        message:
          req.eventId === null
            ? `line ${r.line}, column issue: an issue needs an event: choose the event the patterns were told at`
            : `line ${r.line}, column issue: "${r.issue}" is not an issue of this event (${issues.map((i) => i.key).join(', ')})`,
      });
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const ok = errors.length === 0;
  let imported = 0;
  if (ok && !req.dryRun && read.rows.length) {
    const at = ctx.now().toISOString();
    const rows = read.rows.map((r) =>
      rowOf(randomUUID(), r, {
        coalitionId: actor.coalitionId,
        organisationId,
        visibility: req.visibility,
        eventId: req.eventId,
        issueKey: r.issue,
        source: 'import',
        enteredBy: actor.userId,
        participantId: null,
        at,
      }),
    );
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertPatterns(trx, rows);
      await audit(
        trx,
        {
          coalitionId: actor.coalitionId,
          userId: actor.userId,
          action: 'import',
          resource: 'pattern',
          recordId: null,
        },
        at,
      );
    });
    imported = rows.length;
  }
  return {
    dryRun: req.dryRun,
    ok,
    lines: read.lines,
    imported,
    errors: errors.slice(0, 500),
    warnings: read.warnings.slice(0, 500),
  };
}

/**
 * A pattern a phone sent from the café (the live `addPattern` intent), written in the room's
 * transaction with the intent's idempotency record. The coalition's visibility (a table speaks
 * to the coalition); owned by the organisation of whoever entered it — the participant's
 * organisation matched by name, like a phone's route, or the facilitator's membership — and by
 * the coalition alone when that names none.
 */
export async function insertRoomPattern(
  trx: Kysely<Database>,
  event: { id: string; coalitionId: string },
  who: { participantId: string | null; enteredBy: string | null; organisationId: string | null },
  id: string,
  issueKey: string | null,
  facts: Facts,
  at: string,
): Promise<void> {
  const { participantId, enteredBy } = who;
  await repo.insertPatterns(trx, [
    rowOf(id, facts, {
      coalitionId: event.coalitionId,
      organisationId: who.organisationId,
      visibility: 'coalition',
      eventId: event.id,
      issueKey,
      source: 'phone',
      enteredBy,
      participantId,
      at,
    }),
  ]);
}

export { findPattern } from '../db/repos/patterns.ts';
