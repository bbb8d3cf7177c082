import type { LearningsList, ThemeSuggestions } from '../../contract/learnings.ts';
import { suggestThemes } from '../../domain/factors/themes.ts';
import { can, type Actor } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import { findEvent } from '../db/repos/events.ts';
import type { EventRecord } from '../db/repos/events.ts';
import { eventAccess, eventFor } from '../events/service.ts';
import type { SuggesterCache } from '../factors/cache.ts';
import { coalitionFactors } from '../factors/service.ts';
import { notFound } from '../http/errors.ts';
import { readWall } from './present.ts';

/** Whether the actor runs this event's room (coordinators and admins): they see hidden posts. */
const runsEvent = (actor: Actor, e: EventRecord) => can(actor, 'update', 'event', eventAccess(e));

/**
 * The event's wall as far as the caller may read it: each post by the `learning` rules of the
 * policy table (its visibility and the poster's organisation); hidden posts only for those who run
 * the event (LEARN-4). An event the caller can neither read nor see a post of is "no event".
 */
export async function listLearnings(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
): Promise<LearningsList> {
  const e = await findEvent(ctx.db, eventId);
  if (!e) throw notFound('event');
  const wall = await readWall(ctx.db, eventId);
  const full = runsEvent(actor, e);
  const learnings = wall.rows.flatMap((row, i) => {
    const access = {
      coalitionId: row.coalition_id,
      owningOrganisationId: row.organisation_id,
      visibility: row.visibility,
    };
    if (!can(actor, 'read', 'learning', access)) return [];
    if (Number(row.hidden) === 1 && !full) return [];
    return [
      {
        ...wall.learnings[i]!,
        visibility: row.visibility,
        // Anonymous to everyone: the owner is told only where the poster chose to show it.
        owningOrganisationId: Number(row.show_org) === 1 ? row.organisation_id : null,
      },
    ];
  });
  if (learnings.length === 0 && !can(actor, 'read', 'event', eventAccess(e)))
    throw notFound('event');
  return { learnings, themes: wall.themes };
}

/**
 * Themes for the posts without one: the event's themes ranked by the factor suggester's machinery
 * (src/domain/factors/themes.ts), and the coalition's café factors the post names, as labels for
 * a new theme. For those who run the event.
 */
export async function themeSuggestions(
  ctx: AppContext,
  suggesters: SuggesterCache,
  actor: Actor,
  eventId: string,
): Promise<ThemeSuggestions> {
  const e = await eventFor(ctx, actor, eventId, 'update');
  const wall = await readWall(ctx.db, eventId);
  const posts = wall.learnings.filter((l) => !l.hidden && l.mergedInto === null);
  const byTheme = suggestThemes(
    wall.themes,
    posts.map((p) => ({ id: p.id, text: p.text, themeId: p.themeId })),
  );
  const [factors, suggester] = await Promise.all([
    coalitionFactors(ctx.db, e.coalitionId, ctx.now()),
    suggesters.get(ctx.db, e.coalitionId),
  ]);
  const labelOf = new Map(factors.map((f) => [f.id, f.label]));
  return {
    suggestions: posts
      .filter((p) => p.themeId === null)
      .map((p) => ({
        learningId: p.id,
        themes: (byTheme.get(p.id) ?? []).map((s) => ({
          themeId: s.factor,
          score: round(s.score),
          matched: s.matched,
        })),
        factors: suggester.suggest({ text: p.text }, 2).map((s) => ({
          factorId: s.factor,
          label: labelOf.get(s.factor) ?? s.factor,
          score: round(s.score),
        })),
      })),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
