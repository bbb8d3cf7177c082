import type { Intent } from '../../contract/live.ts';
import { apply, type RoomCommand } from '../../core/clock.ts';
import type { AppContext } from '../context.ts';
import { findParticipant, listSessions, updateParticipant } from '../db/repos/events.ts';
import { presentParticipant } from '../events/present.ts';
import type { Room, RoomClient, RoomTx } from './room.ts';
import { applyCardIntent } from './cards.ts';
import { applyRouteIntent } from './mapping.ts';
import type { FieldErrorParams } from '../../contract/common.ts';
import { applyLearningIntent, isLearningIntent } from './learnings.ts';
import { applyPatternIntent } from './patterns.ts';

export type IntentOutcome =
  | { ok: true; seq: number }
  | {
      ok: false;
      error: string;
      message: string;
      /** The intent's field at fault, with its stable code and values (the phone words them). */
      field?: string;
      code?: string;
      params?: FieldErrorParams;
    };

export const refuse = (error: string, message: string): IntentOutcome => ({
  ok: false,
  error,
  message,
});

/** Intents applied inside the room's queue; a re-plan solves outside it first (replan.ts). */
export type QueuedIntent = Exclude<Intent, { type: 'replan' }>;

/**
 * Applies one intent inside `room.perform`: reads through `tx.db`, commits through `tx`. Only
 * facilitators send these, apart from the card intents.
 */
export async function applyIntent(
  ctx: AppContext,
  room: Room,
  tx: RoomTx,
  client: RoomClient,
  id: string,
  intent: QueuedIntent,
): Promise<IntentOutcome> {
  if (
    intent.type === 'addCard' ||
    intent.type === 'editCard' ||
    intent.type === 'deleteCard' ||
    intent.type === 'restoreCard' ||
    intent.type === 'handover'
  )
    return applyCardIntent(ctx, room, tx, client, id, intent);
  if (intent.type === 'addRoute') return applyRouteIntent(ctx, room, tx, client, id, intent);
  if (isLearningIntent(intent)) return applyLearningIntent(ctx, room, tx, client, id, intent);
  if (intent.type === 'addPattern') return applyPatternIntent(ctx, room, tx, client, id, intent);
  if (client.role !== 'facilitator') return refuse('forbidden', 'Only facilitators can do that.');
  const now = ctx.now();
  const db = tx.db;
  const key = { clientKey: client.clientKey, id };
  const sessionShape = async (sid: string | null) => {
    const s = (await listSessions(db, room.eventId)).find((x) => x.id === sid);
    return (
      s && {
        id: s.id,
        rounds: s.rounds,
        minutesPerRound: s.minutesPerRound,
        // Mapping and learnings sessions seat nobody: they need no plan to start.
        planned: s.plan !== null || s.kind === 'mapping' || s.kind === 'learnings',
      }
    );
  };

  if (intent.type === 'setPresence') {
    const p = await findParticipant(db, room.eventId, intent.participantId);
    if (!p) return refuse('not_found', 'No such participant in this event.');
    const seq = await tx.commit(
      {
        kind: 'participant',
        participant: presentParticipant({ ...p, status: intent.status }, false),
      },
      now,
      key,
      (trx) => updateParticipant(trx, room.eventId, p.id, { status: intent.status }),
    );
    return { ok: true, seq };
  }

  let cmd: RoomCommand;
  if (intent.type === 'startSession' || intent.type === 'nextRound') {
    const shape = await sessionShape(
      intent.type === 'startSession' ? intent.sessionId : room.state.sessionId,
    );
    if (!shape) return refuse('not_found', 'No such session in this event.');
    if (intent.type === 'startSession' && !shape.planned)
      return refuse('no_plan', 'Generate the schedule for this session first.');
    cmd = { type: intent.type, session: shape };
  } else if (intent.type === 'extend') cmd = { type: 'extend', seconds: intent.seconds };
  else if (intent.type === 'broadcast')
    cmd = { type: 'broadcast', text: intent.text, minutes: intent.minutes };
  else cmd = { type: intent.type };

  const out = apply(room.state, cmd, now.getTime());
  if (!out.ok) return refuse(out.error, out.message);
  const seq = await tx.commit({ kind: 'state', state: out.state }, now, key);
  return { ok: true, seq };
}
