import type { Learning, LearningTheme } from '../../contract/learnings.ts';
import { tallyVotes } from '../../core/learnings.ts';
import type { Db } from '../db/index.ts';
import type { LearningTable, LearningThemeTable } from '../db/schema-learnings.ts';
import { listLearnings, listThemes, listVotes } from '../db/repos/learnings.ts';

/**
 * A post as the room and the API show it. The participant who posted it is never part of it
 * (anonymous to everyone); the organisation only when the poster chose to show it.
 */
export function presentLearning(row: LearningTable, votes: number): Learning {
  return {
    id: row.id,
    sessionId: row.session_id,
    text: row.text,
    organisation: Number(row.show_org) === 1 ? row.organisation_name : null,
    votes: row.merged_into === null ? votes : 0,
    hidden: Number(row.hidden) === 1,
    pinned: Number(row.pinned) === 1,
    mergedInto: row.merged_into,
    themeId: row.theme_id,
    createdAt: Date.parse(row.created_at),
  };
}

export function presentTheme(row: LearningThemeTable): LearningTheme {
  return { id: row.id, label: row.label, createdAt: Date.parse(row.created_at) };
}

/** The whole wall of an event with every post's count (LEARN-3), and the rows it came from. */
export async function readWall(
  db: Db,
  eventId: string,
): Promise<{ rows: LearningTable[]; learnings: Learning[]; themes: LearningTheme[] }> {
  const [rows, votes, themes] = await Promise.all([
    listLearnings(db, eventId),
    listVotes(db, eventId),
    listThemes(db, eventId),
  ]);
  const counts = tallyVotes(
    rows.map((r) => ({ id: r.id, mergedInto: r.merged_into })),
    votes.map((v) => ({ learningId: v.learning_id, participantId: v.participant_id })),
  );
  return {
    rows,
    learnings: rows.map((r) => presentLearning(r, counts.get(r.id) ?? 0)),
    themes: themes.map(presentTheme),
  };
}
