/**
 * The event report's later sections (issue 14): the spectrum of the event's experience patterns,
 * the learnings wall by theme with votes, and the expertise groups' roadmaps. Each reads the
 * version asked for; the public one by the same rules as the rest of the report (docs/report.md):
 * counts of people are atoms published by `primary` (withheld below k), every other figure a sum of
 * atoms; no authors, no organisations.
 */
import type { Count } from '../../../contract/atlas.ts';
import { SPECTRUM_LEVEL_CODES } from '../../../contract/constants.ts';
import type {
  ReportCommitment,
  ReportLearning,
  ReportLearnings,
  ReportLearningTheme,
  ReportRoadmap,
  ReportSpectrum,
  ReportSpectrumRow,
} from '../../../contract/report.ts';
import { standing } from '../../../domain/analysis/commitments.ts';
import { groupName } from '../../../domain/taxonomy/issue-labels.ts';
import { isWithheld, primary, sumFigures, type Figure } from '../../../domain/analysis/release.ts';
import { can, readScopes, type Actor } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import type { CoalitionRow } from '../../db/repos/accounts.ts';
import { listCommitments } from '../../db/repos/commitments.ts';
import { listPatterns } from '../../db/repos/patterns.ts';
import type { EventRecord } from '../../db/repos/events.ts';
import { readWall } from '../../learnings/present.ts';
import { classifyRecord } from '../../patterns/service.ts';
import { readableOrganisations } from '../exports/directory.ts';

/** Members: exact; public (`k` given): the small-count rule, zero exact (nothing to hide). */
const atom = (n: number, k: number | null): Figure =>
  k === null || n === 0 ? { lo: n, hi: n } : primary(n, k);

/** A published figure as the API writes it: exact, withheld (null) or a range (the atlas's `Count`). */
export function presentFigure(f: Figure, k: number | null): Count {
  if (f.lo === f.hi) return f.lo;
  if (k !== null && isWithheld(f, k)) return null;
  return { lo: f.lo, hi: f.hi };
}
const count = presentFigure;

type SpectrumLevelCode = (typeof SPECTRUM_LEVEL_CODES)[number];

const anonymous: Actor = { kind: 'anonymous' };

/**
 * The spectrum per form. Members: the patterns the reader may read. Public: those shared with the
 * coalition (never an organisation's own), counted as atoms form × level.
 */
export async function spectrum(
  ctx: AppContext,
  actor: Actor,
  e: EventRecord,
  k: number | null,
): Promise<ReportSpectrum> {
  const audience = {
    coalitionId: e.coalitionId,
    organisationId: actor.kind === 'user' ? actor.organisationId : null,
    scopes: k === null ? readScopes(actor, 'pattern') : (['coalitionShared'] as const).slice(),
  };
  const rows = await listPatterns(ctx.db, audience, { eventId: e.id });
  const byForm = new Map<string, Map<SpectrumLevelCode, number>>();
  for (const r of rows) {
    const { level } = classifyRecord(r);
    const m = byForm.get(r.form) ?? new Map<SpectrumLevelCode, number>();
    m.set(level, (m.get(level) ?? 0) + 1);
    byForm.set(r.form, m);
  }
  const all: Figure[] = [];
  const out: { row: ReportSpectrumRow; total: Figure }[] = [...byForm].map(([form, m]) => {
    const atoms = SPECTRUM_LEVEL_CODES.map((l) => [l, atom(m.get(l) ?? 0, k)] as const);
    all.push(...atoms.map(([, f]) => f));
    const total = sumFigures(atoms.map(([, f]) => f));
    const counts = atoms.map(([level, f]) => ({ level, n: count(f, k) }));
    return { row: { form, total: count(total, k), counts }, total };
  });
  out.sort(
    (a, b) =>
      b.total.lo + b.total.hi - (a.total.lo + a.total.hi) || (a.row.form < b.row.form ? -1 : 1),
  );
  return { total: count(sumFigures(all), k), byForm: out.map((o) => o.row) };
}

/**
 * The learnings wall by theme. Never hidden posts (not even for those who run the event); merged
 * posts fold into the post they were merged into. Members: every post the reader may read, the
 * organisation where the poster chose to show it. Public: each post's votes an atom (withheld
 * below k); a theme's posts and votes published as atoms and sums of atoms; the texts of posts
 * the policy table lets anyone read, without organisations.
 */
export async function learnings(
  ctx: AppContext,
  actor: Actor,
  e: EventRecord,
  k: number | null,
): Promise<ReportLearnings> {
  const wall = await readWall(ctx.db, e.id);
  const reader = k === null ? actor : anonymous;
  const themes = new Map<string | null, { label: string | null; posts: number; votes: Figure[] }>(
    wall.themes.map((t) => [t.id, { label: t.label, posts: 0, votes: [] }]),
  );
  const items = new Map<string | null, { item: ReportLearning; n: number }[]>();
  wall.rows.forEach((row, i) => {
    const l = wall.learnings[i]!;
    if (l.hidden || l.mergedInto !== null) return;
    const access = {
      coalitionId: row.coalition_id,
      owningOrganisationId: row.organisation_id,
      visibility: row.visibility,
    };
    const shown = can(reader, 'read', 'learning', access);
    // Members see only what they may read; the public figures count every visible post.
    if (k === null && !shown) return;
    const key = l.themeId !== null && themes.has(l.themeId) ? l.themeId : null;
    const theme = themes.get(key) ?? { label: null, posts: 0, votes: [] };
    themes.set(key, theme);
    const votes = atom(l.votes, k);
    theme.posts++;
    theme.votes.push(votes);
    if (!shown) return;
    const item = {
      text: l.text,
      votes: count(votes, k),
      organisation: k === null ? l.organisation : null,
      pinned: l.pinned,
    };
    items.set(key, [...(items.get(key) ?? []), { item, n: votes.lo + votes.hi }]);
  });
  const list: (ReportLearningTheme & { rank: number })[] = [...themes]
    .filter(([, t]) => t.posts > 0)
    .map(([key, t]) => {
      const votes = sumFigures(t.votes);
      return {
        label: t.label,
        posts: count(atom(t.posts, k), k),
        votes: count(votes, k),
        // Most voted first, by the published figures only (members: exact).
        items: (items.get(key) ?? []).sort((a, b) => b.n - a.n).map((x) => x.item),
        rank: key === null ? -1 : votes.lo + votes.hi,
      };
    })
    .sort((a, b) => b.rank - a.rank);
  const postAtoms = [...themes.values()].filter((t) => t.posts > 0).map((t) => atom(t.posts, k));
  return {
    posts: count(sumFigures(postAtoms), k),
    votes: count(sumFigures([...themes.values()].flatMap((t) => t.votes)), k),
    themes: list.map(({ rank: _rank, ...t }) => t),
  };
}

/**
 * The roadmaps: the event's commitments per expertise group, in the groups' order. Members: the
 * commitments the reader may read (the policy's read scopes), owner and second organisation by
 * name where the reader may read them. Public: commitments whose visibility is public only, and no organisations.
 */
export async function roadmaps(
  ctx: AppContext,
  actor: Actor,
  e: EventRecord,
  coalition: CoalitionRow,
  isPublic: boolean,
  language: string,
): Promise<ReportRoadmap[]> {
  const audience = {
    coalitionId: e.coalitionId,
    organisationId: !isPublic && actor.kind === 'user' ? actor.organisationId : null,
    scopes: isPublic ? (['public'] as const).slice() : readScopes(actor, 'commitment'),
  };
  const rows = await listCommitments(ctx.db, audience, { eventId: e.id });
  // An owner or second organisation is named only to a reader who may read it (as the export).
  const named = isPublic
    ? new Map<string, string>()
    : new Map(
        (
          await readableOrganisations(ctx.db, {
            actor,
            coalition,
            isPublic,
            k: coalition.suppressionK,
          })
        ).map((o) => [o.id, o.name]),
      );
  const now = ctx.now();
  const groups = e.expertiseGroups.map((g) => ({ ...g, label: groupName(g, language) }));
  const byGroup = new Map<string | null, ReportCommitment[]>();
  for (const r of rows) {
    const key =
      r.group_key !== null && groups.some((g) => g.key === r.group_key) ? r.group_key : null;
    // Due and overdue on the event's calendar days, as the commitments pages count them.
    const s = standing(
      {
        status: r.status,
        targetDate: r.target_date,
        progressAt: r.progress_at,
        timeZone: e.timeZone,
      },
      now,
    );
    byGroup.set(key, [
      ...(byGroup.get(key) ?? []),
      {
        title: r.title,
        owners: isPublic
          ? null
          : [r.owner_organisation_id, r.second_organisation_id].flatMap((id) => {
              const name = id === null ? undefined : named.get(id);
              return name === undefined ? [] : [name];
            }),
        targetDate: r.target_date,
        status: r.status,
        overdue: s.overdue,
      },
    ]);
  }
  const order: (string | null)[] = [...groups.map((g) => g.key), null];
  return order
    .filter((key) => byGroup.has(key))
    .map((key) => ({
      key,
      label: groups.find((g) => g.key === key)?.label ?? null,
      items: byGroup.get(key)!,
    }));
}
