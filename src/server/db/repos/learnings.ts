import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { LearningTable, LearningThemeTable, LearningVoteTable } from '../schema-learnings.ts';
import { ofEvent } from './scoped.ts';

type Tx = Transaction<Database>;

/**
 * The learnings wall (migration 0019). Posts, votes and themes are reached only through their
 * event (`ofEvent`): their ids are made by phones and consoles, so an id from another event finds
 * nothing.
 */
export function findLearning(
  db: Db | Tx,
  eventId: string,
  id: string,
): Promise<LearningTable | undefined> {
  return ofEvent(db, 'learnings', eventId)
    .select()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listLearnings(db: Db | Tx, eventId: string): Promise<LearningTable[]> {
  return ofEvent(db, 'learnings', eventId)
    .select()
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A post and the posts merged into it. */
export function groupOf(db: Db | Tx, eventId: string, rootId: string): Promise<LearningTable[]> {
  return ofEvent(db, 'learnings', eventId)
    .select()
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', rootId), eb('merged_into', '=', rootId)]))
    .orderBy('created_at')
    .execute();
}

export async function insertLearning(trx: Tx, row: LearningTable): Promise<void> {
  await trx.insertInto('learnings').values(row).execute();
}

export async function updateLearning(
  trx: Tx,
  eventId: string,
  id: string,
  patch: Partial<Pick<LearningTable, 'hidden' | 'pinned' | 'merged_into' | 'theme_id'>> & {
    updated_at: string;
  },
): Promise<void> {
  await ofEvent(trx, 'learnings', eventId).update().set(patch).where('id', '=', id).execute();
}

/** Posts merged into `from` now count for `into` (merges stay one level deep). */
export async function moveMerged(
  trx: Tx,
  eventId: string,
  from: string,
  into: string,
  at: string,
): Promise<void> {
  await ofEvent(trx, 'learnings', eventId)
    .update()
    .set({ merged_into: into, updated_at: at })
    .where('merged_into', '=', from)
    .execute();
}

export function listVotes(db: Db | Tx, eventId: string): Promise<LearningVoteTable[]> {
  return ofEvent(db, 'learning_votes', eventId).select().selectAll().execute();
}

export function votesOn(
  db: Db | Tx,
  eventId: string,
  learningIds: readonly string[],
): Promise<LearningVoteTable[]> {
  if (learningIds.length === 0) return Promise.resolve([]);
  return ofEvent(db, 'learning_votes', eventId)
    .select()
    .selectAll()
    .where('learning_id', 'in', learningIds)
    .execute();
}

export async function insertVote(trx: Tx, row: LearningVoteTable): Promise<void> {
  await trx.insertInto('learning_votes').values(row).execute();
}

/** Withdraws a person's votes for any of these posts (a post and its duplicates). */
export async function deleteVotes(
  trx: Tx,
  eventId: string,
  learningIds: readonly string[],
  participantId: string,
): Promise<void> {
  if (learningIds.length === 0) return;
  await ofEvent(trx, 'learning_votes', eventId)
    .delete()
    .where('learning_id', 'in', learningIds)
    .where('participant_id', '=', participantId)
    .execute();
}

/** The posts a participant voted for and those they wrote (their phone shows which). */
export async function mineOf(
  db: Db,
  eventId: string,
  participantId: string,
): Promise<{ votes: string[]; posts: string[] }> {
  const [votes, posts] = await Promise.all([
    ofEvent(db, 'learning_votes', eventId)
      .select()
      .select('learning_id')
      .where('participant_id', '=', participantId)
      .execute(),
    ofEvent(db, 'learnings', eventId)
      .select()
      .select('id')
      .where('participant_id', '=', participantId)
      .execute(),
  ]);
  return { votes: votes.map((v) => v.learning_id), posts: posts.map((p) => p.id) };
}

export function listThemes(db: Db | Tx, eventId: string): Promise<LearningThemeTable[]> {
  return ofEvent(db, 'learning_themes', eventId)
    .select()
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findTheme(
  db: Db | Tx,
  eventId: string,
  id: string,
): Promise<LearningThemeTable | undefined> {
  return ofEvent(db, 'learning_themes', eventId)
    .select()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTheme(trx: Tx, row: LearningThemeTable): Promise<void> {
  await trx.insertInto('learning_themes').values(row).execute();
}

/** How organisation names are compared: Unicode-normalised, case and spacing ignored. */
const nameKey = (s: string) =>
  s.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/**
 * The coalition's organisation a participant's roster organisation names, when exactly one
 * matches: the owner of what they post.
 */
export async function organisationOfName(
  db: Db | Tx,
  coalitionId: string,
  name: string,
): Promise<string | null> {
  const key = nameKey(name);
  if (!key) return null;
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .execute();
  const hits = rows.filter((r) => nameKey(r.name) === key);
  return hits.length === 1 ? hits[0]!.id : null;
}
