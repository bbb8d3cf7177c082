import type { Transaction } from 'kysely';
import type { Change, Intent } from '../../contract/live.ts';
import { tallyVotes } from '../../core/learnings.ts';
import { canInRoom, type RoomAction, type RoomStanding } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { LearningTable } from '../db/schema-learnings.ts';
import { findEvent, findParticipant, listSessions } from '../db/repos/events.ts';
import {
  deleteVotes,
  findLearning,
  findTheme,
  groupOf,
  insertLearning,
  insertTheme,
  insertVote,
  moveMerged,
  organisationOfName,
  updateLearning,
  votesOn,
} from '../db/repos/learnings.ts';
import { presentLearning, presentTheme } from '../learnings/present.ts';
import type { Room, RoomClient, RoomTx } from './room.ts';
import { refuse, type IntentOutcome } from './intents.ts';

export type LearningIntent = Extract<
  Intent,
  {
    type:
      | 'postLearning'
      | 'voteLearning'
      | 'hideLearning'
      | 'pinLearning'
      | 'mergeLearnings'
      | 'themeLearning'
      | 'addLearningTheme';
  }
>;

export const LEARNING_INTENTS: ReadonlySet<string> = new Set<LearningIntent['type']>([
  'postLearning',
  'voteLearning',
  'hideLearning',
  'pinLearning',
  'mergeLearnings',
  'themeLearning',
  'addLearningTheme',
]);

export const isLearningIntent = (i: Intent): i is LearningIntent => LEARNING_INTENTS.has(i.type);

/** The ROOM_POLICY row each intent needs. */
const ACTION: Record<LearningIntent['type'], RoomAction> = {
  postLearning: 'postLearning',
  voteLearning: 'voteLearning',
  hideLearning: 'moderateLearnings',
  pinLearning: 'moderateLearnings',
  mergeLearnings: 'moderateLearnings',
  themeLearning: 'moderateLearnings',
  addLearningTheme: 'moderateLearnings',
};

/**
 * The `learnings` change for these posts (and every post merged into them), with their counts
 * read back in the commit's transaction after its writes (LEARN-3).
 */
function postsChange(eventId: string, rootIds: readonly string[]) {
  return async (trx: Transaction<Database>): Promise<Change> => {
    const rows: LearningTable[] = [];
    for (const id of new Set(rootIds)) rows.push(...(await groupOf(trx, eventId, id)));
    const votes = await votesOn(
      trx,
      eventId,
      rows.map((r) => r.id),
    );
    const counts = tallyVotes(
      rows.map((r) => ({ id: r.id, mergedInto: r.merged_into })),
      votes.map((v) => ({ learningId: v.learning_id, participantId: v.participant_id })),
    );
    return {
      kind: 'learnings',
      learnings: rows.map((r) => presentLearning(r, counts.get(r.id) ?? 0)),
    };
  };
}

/**
 * Applies a learnings intent inside `room.perform` (LEARN-1..5 in docs/sync-spec.md): reads
 * through `tx.db`, then one commit with the change, then the broadcast.
 */
export async function applyLearningIntent(
  ctx: AppContext,
  room: Room,
  tx: RoomTx,
  client: RoomClient,
  id: string,
  intent: LearningIntent,
): Promise<IntentOutcome> {
  const now = ctx.now();
  const at = now.toISOString();
  const db = tx.db;
  const key = { clientKey: client.clientKey, id };
  const unchanged = async (): Promise<IntentOutcome> => ({
    ok: true,
    seq: await tx.unchanged(key, at),
  });
  const standing: RoomStanding[] =
    client.role === 'facilitator'
      ? ['facilitator']
      : client.role === 'participant'
        ? ['participant']
        : [];
  if (!canInRoom(standing, ACTION[intent.type]))
    return refuse(
      'forbidden',
      ACTION[intent.type] === 'moderateLearnings'
        ? 'Only facilitators moderate the learnings wall.'
        : 'Only participants post and vote on the learnings wall.',
    );

  if (intent.type === 'addLearningTheme') {
    if (await findTheme(db, room.eventId, intent.themeId)) return unchanged();
    const row = { event_id: room.eventId, id: intent.themeId, label: intent.label, created_at: at };
    const seq = await tx.commit(
      { kind: 'learningTheme', theme: presentTheme(row) },
      now,
      key,
      (trx) => insertTheme(trx, row),
    );
    return { ok: true, seq };
  }

  if (intent.type === 'postLearning') {
    // LEARN-1: the phone makes the post's id; the same post again is one post.
    if (await findLearning(db, room.eventId, intent.learningId)) return unchanged();
    const session = (await listSessions(db, room.eventId)).find((s) => s.id === intent.sessionId);
    if (!session || session.kind !== 'learnings')
      return refuse('not_learnings_session', 'That is not a learnings session of this event.');
    const [event, person] = await Promise.all([
      findEvent(db, room.eventId),
      client.participantId ? findParticipant(db, room.eventId, client.participantId) : undefined,
    ]);
    if (!event || !person) return refuse('not_found', 'You are no longer in this event.');
    const row: LearningTable = {
      event_id: room.eventId,
      id: intent.learningId,
      coalition_id: event.coalitionId,
      session_id: session.id,
      text: intent.text,
      show_org: intent.showOrg ? 1 : 0,
      organisation_name: person.organisation,
      organisation_id: await organisationOfName(db, event.coalitionId, person.organisation),
      participant_id: person.id,
      hidden: 0,
      pinned: 0,
      merged_into: null,
      theme_id: null,
      visibility: 'coalition',
      created_at: at,
      updated_at: at,
    };
    const seq = await tx.commit(
      { kind: 'learnings', learnings: [presentLearning(row, 0)] },
      now,
      key,
      (trx) => insertLearning(trx, row),
    );
    return { ok: true, seq };
  }

  const post = await findLearning(db, room.eventId, intent.learningId);
  // A hidden post does not exist for phones (LEARN-4).
  if (!post || (client.role !== 'facilitator' && Number(post.hidden) === 1))
    return refuse('not_found', 'No such post on this wall.');
  const rootId = post.merged_into ?? post.id;

  if (intent.type === 'voteLearning') {
    // LEARN-2: one vote per person per post, counted on the post a duplicate was merged into;
    // `up` says what the person wants, so a resend or a stale phone cannot vote twice.
    const group = await groupOf(db, room.eventId, rootId);
    const ids = group.map((g) => g.id);
    const participantId = client.participantId;
    if (!participantId) return refuse('forbidden', 'Only participants vote.');
    const mine = (await votesOn(db, room.eventId, ids)).filter(
      (v) => v.participant_id === participantId,
    );
    if (intent.up === mine.length > 0) return unchanged();
    const seq = await tx.commit(postsChange(room.eventId, [rootId]), now, key, (trx) =>
      intent.up
        ? insertVote(trx, {
            event_id: room.eventId,
            learning_id: rootId,
            participant_id: participantId,
            created_at: at,
          })
        : deleteVotes(trx, room.eventId, ids, participantId),
    );
    return { ok: true, seq };
  }

  if (intent.type === 'hideLearning' || intent.type === 'pinLearning') {
    const field = intent.type === 'hideLearning' ? 'hidden' : 'pinned';
    const value = (intent.type === 'hideLearning' ? intent.hidden : intent.pinned) ? 1 : 0;
    if (Number(post[field]) === value) return unchanged();
    const seq = await tx.commit(postsChange(room.eventId, [rootId]), now, key, (trx) =>
      updateLearning(trx, room.eventId, post.id, { [field]: value, updated_at: at }),
    );
    return { ok: true, seq };
  }

  if (intent.type === 'themeLearning') {
    if (intent.themeId !== null && !(await findTheme(db, room.eventId, intent.themeId)))
      return refuse('not_found', 'No such theme on this wall.');
    if (post.theme_id === intent.themeId) return unchanged();
    const seq = await tx.commit(postsChange(room.eventId, [rootId]), now, key, (trx) =>
      updateLearning(trx, room.eventId, post.id, { theme_id: intent.themeId, updated_at: at }),
    );
    return { ok: true, seq };
  }

  // mergeLearnings: the duplicate (and what was merged into it) now counts for `intoId`'s post.
  const into = await findLearning(db, room.eventId, intent.intoId);
  if (!into) return refuse('not_found', 'No such post on this wall.');
  const target = into.merged_into ?? into.id;
  if (post.merged_into === target) return unchanged(); // already so
  if (post.id === target)
    return refuse('merge_into_itself', 'A post cannot be merged into itself or its duplicate.');
  // The post it was merged into before (if any) loses its votes: its count changes too.
  const roots = post.merged_into ? [target, post.merged_into] : [target];
  const seq = await tx.commit(postsChange(room.eventId, roots), now, key, async (trx) => {
    await moveMerged(trx, room.eventId, post.id, target, at);
    await updateLearning(trx, room.eventId, post.id, { merged_into: target, updated_at: at });
  });
  return { ok: true, seq };
}
