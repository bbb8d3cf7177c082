import type { Intent } from '../../contract/live.ts';
import { canInRoom, type RoomStanding } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import { findEvent, findParticipant } from '../db/repos/events.ts';
import { findMember } from '../db/repos/members.ts';
import { organisationNamed } from '../db/repos/organisations.ts';
import { findPattern, insertRoomPattern } from '../patterns/service.ts';
import { refuse, type IntentOutcome } from './intents.ts';
import type { Room, RoomClient, RoomTx } from './room.ts';

type AddPattern = Extract<Intent, { type: 'addPattern' }>;

/**
 * An experience pattern told at a café table, from a phone (or the console): stored once with
 * the intent's idempotency record, in one transaction (SYNC-2). A retry under the same intent id
 * is acknowledged from that record; the same pattern id under a new intent id (a phone that lost
 * its outbox's ack) is one pattern too (SYNC-3). The room shows nothing of it: patterns are read
 * by the coalition, through the policy table, not broadcast to the room.
 */
export async function applyPatternIntent(
  ctx: AppContext,
  room: Room,
  tx: RoomTx,
  client: RoomClient,
  id: string,
  intent: AddPattern,
): Promise<IntentOutcome> {
  if (client.role === 'screen') return refuse('forbidden', 'The projector view cannot write.');
  const standing: RoomStanding[] =
    client.role === 'facilitator' ? ['facilitator'] : ['participant'];
  if (!canInRoom(standing, 'addPattern'))
    return refuse('forbidden', 'You cannot add patterns in this room.');
  const event = await findEvent(tx.db, room.eventId);
  if (!event) return refuse('not_found', 'The event no longer exists.');
  const issues = event.issues;
  if (intent.issueKey !== null && !issues.some((i) => i.key === intent.issueKey))
    return refuse('unknown_issue', `"${intent.issueKey}" is not an issue of this event.`);
  const at = ctx.now().toISOString();
  const key = { clientKey: client.clientKey, id };
  // SYNC-3: a pattern id already stored is the same pattern (whatever else the intent says).
  if (await findPattern(tx.db, intent.patternId))
    return { ok: true, seq: await tx.unchanged(key, at) };
  const byUser = client.clientKey.startsWith('user:') ? client.clientKey.slice(5) : null;
  const organisationId = await organisationOf(tx, event.coalitionId, room.eventId, client, byUser);
  const seq = await tx.unchanged(key, at, (trx) =>
    insertRoomPattern(
      trx,
      { id: room.eventId, coalitionId: event.coalitionId },
      { participantId: client.participantId, enteredBy: byUser, organisationId },
      intent.patternId,
      intent.issueKey,
      intent,
      at,
    ),
  );
  return { ok: true, seq };
}

/**
 * Whose pattern it is: a participant's organisation as the roster names it (matched to one of the
 * coalition's organisations by name, as a phone's route is), a signed-in facilitator's membership
 * organisation; null (the coalition's own) when neither names one.
 */
async function organisationOf(
  tx: RoomTx,
  coalitionId: string,
  eventId: string,
  client: RoomClient,
  userId: string | null,
): Promise<string | null> {
  if (client.participantId) {
    const participant = await findParticipant(tx.db, eventId, client.participantId);
    return participant ? organisationNamed(tx.db, coalitionId, participant.organisation) : null;
  }
  if (userId) return (await findMember(tx.db, coalitionId, userId))?.organisationId ?? null;
  return null;
}
