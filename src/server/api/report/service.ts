/**
 * The event report (issue 14): the data of `/events/:id/report`, for members and for the public.
 * Participation and sheets are below; spectrum, learnings and roadmaps in sections.ts. A section
 * added later is one more function and one more key of the answer — see docs/report.md.
 */
import type { Card } from '../../../contract/cards.ts';
import type {
  ReportAnswer,
  ReportIssue,
  ReportParticipation,
  ReportPublication,
  ReportView,
} from '../../../contract/report.ts';
import { countParticipation } from '../../../domain/analysis/participation.ts';
import { toCsv } from '../../../domain/csv/write.ts';
import { DEFAULT_FACTORS } from '../../../domain/factors/vocabulary.ts';
import { issueName } from '../../../domain/taxonomy/issue-labels.ts';
import type { FactorLanguage } from '../../../contract/factors.ts';
import { can, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { audit, findCoalition } from '../../db/repos/accounts.ts';
import { listCards, listHandovers } from '../../db/repos/cards.ts';
import { findEvent, listParticipants, listTables } from '../../db/repos/events.ts';
import { listCoalitionFactors } from '../../db/repos/factors.ts';
import {
  currentFactors,
  overlapIsPublic,
  reportPublication,
  setReportPublication,
} from '../../db/repos/report.ts';
import type { EventReportTable } from '../../db/schema-report.ts';
import type { EventRecord } from '../../db/repos/events.ts';
import { eventFor } from '../../events/service.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { fromJson } from '../../db/json.ts';
import { presentCard } from '../../events/present.ts';
import { SHEET_CSV_HEAD, sheetCsvRow } from '../sheets/csv.ts';
import { learnings, presentFigure, roadmaps, spectrum } from './sections.ts';

export { presentFigure };

async function participation(
  ctx: AppContext,
  e: EventRecord,
  k: number | null,
): Promise<ReportParticipation> {
  const people = (await listParticipants(ctx.db, e.id)).filter((p) => p.status !== 'absent');
  const p = countParticipation(
    people.map((x) => ({ organisation: x.organisation, sector: x.sector, country: x.country })),
    k,
  );
  return {
    total: presentFigure(p.total, k),
    organisations: p.organisations,
    sectors: p.sectors.map((s) => ({
      code: s.code,
      n: presentFigure(s.n, k),
    })),
    countries: p.countries.map((c) => ({ code: c.code, n: presentFigure(c.n, k) })),
  };
}

/** The coalition's factors, each labelled in `language` (English where it has no translation). */
async function factorLabels(ctx: AppContext, coalitionId: string, language: FactorLanguage) {
  const rows = await listCoalitionFactors(ctx.db, coalitionId);
  const list = rows.length
    ? rows.map((f) => ({
        id: f.factor_id,
        kind: f.kind,
        label: f.label,
        labels: fromJson(f.labels),
      }))
    : DEFAULT_FACTORS.map((f) => ({ id: f.id, kind: f.kind, label: f.label, labels: f.labels }));
  return new Map(
    list.map((f) => [
      f.id,
      {
        id: f.id,
        kind: f.kind,
        label: (language === 'en' ? null : f.labels?.[language]) || f.label,
      },
    ]),
  );
}

type FactorLabels = Awaited<ReturnType<typeof factorLabels>>;

const liveCards = async (ctx: AppContext, eventId: string): Promise<Card[]> =>
  (await listCards(ctx.db, eventId)).filter((c) => !c.deleted).map(presentCard);

/**
 * The café sheets by issue. Members: every card's text (never its author), the confirmed factors
 * counted, the hand-over note. Public: the issues only — a per-event card count is not a sum of
 * the overlap's published atoms and could pin one of them down, so counts stay in the overlap
 * section, which publishes them by its own rule.
 */
async function sheets(
  ctx: AppContext,
  e: EventRecord,
  view: ReportView,
  language: FactorLanguage,
  labels: FactorLabels,
): Promise<ReportIssue[]> {
  const issues = e.issues.map((i) => ({ ...i, label: issueName(i, language) }));
  if (view === 'public')
    return issues.map((i) => ({
      key: i.key,
      label: i.label,
      forms: i.forms,
      cards: null,
      factors: [],
      items: [],
      handover: null,
    }));
  const [cards, factorOf, notes] = await Promise.all([
    liveCards(ctx, e.id),
    currentFactors(ctx.db, e.id),
    listHandovers(ctx.db, e.id),
  ]);
  return issues.map((i) => {
    const mine = cards.filter((c) => c.issueKey === i.key);
    const tally = new Map<string, number>();
    for (const c of mine) {
      const f = factorOf.get(c.id);
      if (f) tally.set(f, (tally.get(f) ?? 0) + 1);
    }
    return {
      key: i.key,
      label: i.label,
      forms: i.forms,
      cards: mine.length,
      factors: [...tally]
        .map(([id, n]) => {
          const f = labels.get(id);
          return { id, label: f?.label ?? id, kind: f?.kind ?? '', n };
        })
        .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)),
      items: mine.map((c) => ({
        kind: c.kind,
        level: c.level,
        text: c.text,
        factor: factorOf.get(c.id) ?? null,
      })),
      handover: notes.find((n) => n.issueKey === i.key)?.text ?? null,
    };
  });
}

/** The report of an event the actor may read (404 otherwise), in the version asked for. */
export async function buildReport(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
  view: ReportView,
  lang?: FactorLanguage,
): Promise<ReportAnswer> {
  const e = await eventFor(ctx, actor, eventId, 'read');
  return assemble(ctx, actor, e, view, lang);
}

/** The report's row in the policy table: the coalition's, its visibility its publication. */
const reportAccess = (e: EventRecord, p: EventReportTable | undefined) => ({
  coalitionId: e.coalitionId,
  owningOrganisationId: null,
  visibility: p?.visibility ?? ('coalition' as const),
});

function publicationOf(
  actor: Actor,
  e: EventRecord,
  p: EventReportTable | undefined,
): ReportPublication {
  return {
    published: p?.visibility === 'public',
    publishedAt: p?.published_at ?? null,
    publicUrl: `/reports/${e.id}`,
    canPublish: can(actor, 'update', 'report', reportAccess(e, p)),
  };
}

/**
 * The public version at its public address, for anyone, once a coordinator has published it;
 * 404 otherwise (never published, unpublished, or no such event). Built as an anonymous reader
 * whoever asks, so a member reads there exactly what the public does.
 */
export async function publishedReport(
  ctx: AppContext,
  eventId: string,
  lang?: FactorLanguage,
): Promise<ReportAnswer> {
  const e = await findEvent(ctx.db, eventId);
  if (!e) throw notFound('report');
  const p = await reportPublication(ctx.db, e.id);
  if (p?.visibility !== 'public' || !can(ANONYMOUS, 'read', 'report', reportAccess(e, p)))
    throw notFound('report');
  return assemble(ctx, ANONYMOUS, e, 'public', lang);
}

/** Publishes the event's public report or takes it back (coordinators and admins). */
export async function publishReport(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
  published: boolean,
): Promise<ReportPublication> {
  const e = await eventFor(ctx, actor, eventId, 'read');
  const before = await reportPublication(ctx.db, e.id);
  if (actor.kind !== 'user' || !can(actor, 'update', 'report', reportAccess(e, before)))
    throw forbidden();
  const at = ctx.now().toISOString();
  const p = await ctx.db.transaction().execute(async (trx) => {
    const row = await setReportPublication(trx, {
      event_id: e.id,
      coalition_id: e.coalitionId,
      visibility: published ? 'public' : 'coalition',
      updated_by: actor.userId,
      updated_at: at,
    });
    await audit(
      trx,
      {
        coalitionId: e.coalitionId,
        userId: actor.userId,
        action: published ? 'publish' : 'unpublish',
        resource: 'report',
        recordId: e.id,
      },
      at,
    );
    return row;
  });
  return publicationOf(actor, e, p);
}

const ANONYMOUS: Actor = { kind: 'anonymous' };

async function assemble(
  ctx: AppContext,
  actor: Actor,
  e: EventRecord,
  view: ReportView,
  lang: FactorLanguage | undefined,
): Promise<ReportAnswer> {
  const coalition = await findCoalition(ctx.db, e.coalitionId);
  if (!coalition) throw notFound('event');
  const language = lang ?? coalition.language;
  const k = view === 'public' ? coalition.suppressionK : null;
  const labels = await factorLabels(ctx, e.coalitionId, language);
  const [people, issues, overlapPublic, patterns, wall, groups, publication] = await Promise.all([
    participation(ctx, e, k),
    sheets(ctx, e, view, language, labels),
    overlapIsPublic(ctx.db, e.id),
    spectrum(ctx, actor, e, k),
    learnings(ctx, actor, e, k),
    roadmaps(ctx, actor, e, coalition, view === 'public', language),
    reportPublication(ctx.db, e.id),
  ]);
  return {
    view,
    k: coalition.suppressionK,
    generatedAt: ctx.now().toISOString(),
    coalition: { name: coalition.name, slug: coalition.slug },
    event: {
      id: e.id,
      name: e.name,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      venue: e.venue,
    },
    overlapPublic,
    participation: people,
    sheets: {
      issues,
      download: view === 'members' ? `/api/events/${e.id}/report/sheets.csv` : null,
    },
    spectrum: patterns,
    learnings: wall,
    roadmaps: groups,
    publication: publicationOf(actor, e, publication),
    language,
    labels: {
      factors: Object.fromEntries([...labels].map(([id, f]) => [id, f.label])),
      issues: Object.fromEntries(e.issues.map((i) => [i.key, issueName(i, language)])),
    },
  };
}

/** Every café sheet of the event as one CSV (header, HXL row, cards by issue), for members. */
export async function allSheetsCsv(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
): Promise<{ file: string; csv: string }> {
  const e = await eventFor(ctx, actor, eventId, 'read');
  const issues = e.issues;
  const [cards, tables] = await Promise.all([
    liveCards(ctx, e.id),
    listTables(ctx.db, e.id).then((ts) => new Map(ts.map((t) => [t.id, t.name]))),
  ]);
  const rows = issues.flatMap((i) =>
    cards.filter((c) => c.issueKey === i.key).map((c) => sheetCsvRow(c, i.label, tables)),
  );
  const file = `${e.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-sheets.csv`;
  return { file, csv: `\uFEFF${toCsv([...SHEET_CSV_HEAD, ...rows])}` };
}
