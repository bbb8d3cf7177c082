/**
 * The learnings wall as the server, the phone, the projector and the console all see it: how
 * long a post may be, how votes are counted across merged duplicates (LEARN-3), and the wall's
 * orders. Zod-free, so the phone bundle carries it.
 */
import type { Learning, LearningTheme } from '../contract/learnings.ts';
import { MAX_LEARNING_LENGTH } from '../contract/constants.ts';
import { cardTextLength } from './cards.ts';

export { MAX_LEARNING_LENGTH };

/** Why a post cannot be sent, or null when it can: counted in code points, like a card. */
export function learningTextProblem(text: string): 'empty' | 'tooLong' | null {
  const n = cardTextLength(text);
  if (n === 0) return 'empty';
  return n > MAX_LEARNING_LENGTH ? 'tooLong' : null;
}

/** The post a vote for `id` counts for: the post it was merged into, or itself. */
export function rootOf(posts: readonly Pick<Learning, 'id' | 'mergedInto'>[], id: string): string {
  return posts.find((p) => p.id === id)?.mergedInto ?? id;
}

/**
 * LEARN-3: each post's count is the number of distinct people who voted for it or for a post
 * merged into it, so a person who voted for both duplicates counts once.
 */
export function tallyVotes(
  posts: readonly Pick<Learning, 'id' | 'mergedInto'>[],
  votes: readonly { learningId: string; participantId: string }[],
): Map<string, number> {
  const rootById = new Map(posts.map((p) => [p.id, p.mergedInto ?? p.id]));
  const voters = new Map<string, Set<string>>();
  for (const v of votes) {
    const root = rootById.get(v.learningId) ?? v.learningId;
    let set = voters.get(root);
    if (!set) voters.set(root, (set = new Set()));
    set.add(v.participantId);
  }
  return new Map([...voters].map(([root, set]) => [root, set.size]));
}

/** Whether this person's vote counts for `rootId`: they voted for it or for a duplicate of it. */
export function votedFor(
  posts: readonly Pick<Learning, 'id' | 'mergedInto'>[],
  myVotes: ReadonlySet<string>,
  rootId: string,
): boolean {
  for (const id of myVotes) if (rootOf(posts, id) === rootId) return true;
  return false;
}

export type WallOrder = 'votes' | 'newest';

/**
 * The posts a wall shows (neither hidden nor merged), pinned first, then by votes (ties: newest
 * first) or newest first.
 */
export function wall(posts: readonly Learning[], order: WallOrder): Learning[] {
  return posts
    .filter((p) => !p.hidden && p.mergedInto === null)
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        (order === 'votes' ? b.votes - a.votes : 0) ||
        b.createdAt - a.createdAt ||
        (a.id < b.id ? -1 : 1),
    );
}

/** The wall by theme: each theme's posts most-voted first, themes by their total votes; the rest last. */
export function byTheme(
  posts: readonly Learning[],
  themes: readonly LearningTheme[],
): { theme: LearningTheme | null; posts: Learning[]; votes: number }[] {
  const shown = wall(posts, 'votes');
  const groups = themes.map((theme) => {
    const mine = shown.filter((p) => p.themeId === theme.id);
    return { theme, posts: mine, votes: mine.reduce((n, p) => n + p.votes, 0) };
  });
  const known = new Set(themes.map((t) => t.id));
  const rest = shown.filter((p) => p.themeId === null || !known.has(p.themeId));
  return [
    ...groups
      .filter((g) => g.posts.length > 0)
      .sort((a, b) => b.votes - a.votes || a.theme.label.localeCompare(b.theme.label)),
    ...(rest.length
      ? [{ theme: null, posts: rest, votes: rest.reduce((n, p) => n + p.votes, 0) }]
      : []),
  ];
}

/** A post as a phone shows it: with this person's vote and whether it still waits to be sent. */
export interface ShownLearning extends Learning {
  /** This person's vote counts for it (confirmed, or queued on this phone). */
  mine: boolean;
  /** Posted on this phone and not yet confirmed (LEARN-1: sent once when back online). */
  waiting: boolean;
}

/** An intent of this phone's outbox, as far as the wall needs to know it. */
export type QueuedLearningIntent =
  | { type: 'postLearning'; learningId: string; sessionId: string; text: string; showOrg: boolean }
  | { type: 'voteLearning'; learningId: string; up: boolean }
  | { type: string };

/**
 * The wall as this phone shows it: the confirmed posts with the phone's queued posts and votes on
 * top, so what a person did never disappears while offline. `myVotes` are the posts this person's
 * confirmed votes were cast for (any post of a merged group).
 */
export function phoneWall(
  posts: readonly Learning[],
  queued: readonly { intent: QueuedLearningIntent }[],
  myVotes: ReadonlySet<string>,
  now: number,
): ShownLearning[] {
  const shown: ShownLearning[] = posts.map((p) => ({ ...p, mine: false, waiting: false }));
  const known = new Set(posts.map((p) => p.id));
  for (const { intent } of queued)
    if (intent.type === 'postLearning' && 'text' in intent && !known.has(intent.learningId)) {
      known.add(intent.learningId);
      shown.push({
        id: intent.learningId,
        sessionId: intent.sessionId,
        text: intent.text,
        organisation: null,
        votes: 0,
        hidden: false,
        pinned: false,
        mergedInto: null,
        themeId: null,
        createdAt: now,
        mine: false,
        waiting: true,
      });
    }
  // The last queued vote for a post's group says what this person wants there.
  const wanted = new Map<string, boolean>();
  for (const { intent } of queued)
    if (intent.type === 'voteLearning' && 'up' in intent)
      wanted.set(rootOf(shown, intent.learningId), intent.up);
  for (const p of shown) {
    const confirmed = votedFor(shown, myVotes, p.id);
    const want = wanted.get(p.id);
    p.mine = want ?? confirmed;
    if (want !== undefined && want !== confirmed) p.votes += want ? 1 : -1;
  }
  return shown;
}
