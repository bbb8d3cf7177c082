/**
 * Routes from phones during a mapping session (issue 12). A participant's `addRoute` intent becomes
 * a route of the event's coalition, attributed to their organisation (matched by name), visible to
 * that organisation and the coalition's coordinators only, and pending a coordinator's validation.
 *
 * Exactly once (ROUTE-1 in docs/sync-spec.md): the route's id is derived from the event, the
 * participant and the key the phone made, so a resend — under the same intent id after a dropped
 * connection (SYNC-2), or under another one after a reload — finds the route there and is only
 * acknowledged. The route and the intent's record are written in the room's transaction where it
 * has one (PostgreSQL); on SQLite the route's own primary key makes the gap between the two
 * harmless. Nothing is broadcast: routes are not the room's to show (PRIV-1).
 */
import { createHash } from 'node:crypto';
import type { Intent } from '../../contract/live.ts';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/transaction.ts';
import { audit } from '../db/repos/accounts.ts';
import { findEvent, findParticipant, listSessions } from '../db/repos/events.ts';
import { organisationNamed } from '../db/repos/organisations.ts';
import { findRoute, insertRoutes } from '../db/repos/routes.ts';
import { isUniqueViolation } from '../db/repos/live.ts';
import { personalDataProblems, resolveFields } from '../atlas/route-rules.ts';
import { canInRoom, type RoomStanding } from '../auth/policy.ts';
import type { Room, RoomClient, RoomTx } from './room.ts';
import type { IntentOutcome } from './intents.ts';

type AddRoute = Extract<Intent, { type: 'addRoute' }>;

/** The stored id of a phone's route: a UUID (version 8) from a hash of who made it and its key. */
export function phoneRouteId(eventId: string, participantId: string, routeKey: string): string {
  const h = createHash('sha256').update(`route\0${eventId}\0${participantId}\0${routeKey}`);
  const b = h.digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = b.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export async function applyRouteIntent(
  ctx: AppContext,
  room: Room,
  tx: RoomTx,
  client: RoomClient,
  id: string,
  intent: AddRoute,
): Promise<IntentOutcome> {
  const refuse = (error: string, message: string): IntentOutcome => ({ ok: false, error, message });
  const standing: RoomStanding[] = client.role === 'participant' ? ['participant'] : [];
  if (!canInRoom(standing, 'addRoute') || !client.participantId)
    return refuse(
      'forbidden',
      'Routes are added from participants’ phones; signed-in members use the atlas.',
    );
  const db = tx.db;
  const key = { clientKey: client.clientKey, id };
  const at = ctx.now().toISOString();
  const routeId = phoneRouteId(room.eventId, client.participantId, intent.routeId);
  // ROUTE-1: this phone's route with this key exists — a resend. Acknowledged, not added again
  // (even once the mapping session is over).
  if (await findRoute(db, routeId)) return { ok: true, seq: await tx.unchanged(key, at) };
  const state = room.state;
  const session = state.sessionId
    ? (await listSessions(db, room.eventId)).find((s) => s.id === state.sessionId)
    : undefined;
  // The room's latest session is a mapping session (running, paused or just finished): a route
  // typed on a phone that was offline until the end of the session still arrives.
  if (!session || session.kind !== 'mapping' || state.status === 'idle')
    return refuse('not_mapping', 'Routes are added during a mapping session.');
  const [event, participant] = await Promise.all([
    findEvent(db, room.eventId),
    findParticipant(db, room.eventId, client.participantId),
  ]);
  if (!event || !participant) return refuse('not_found', 'The event or participant is gone.');

  const problems = personalDataProblems({ kind: 'anonymous' }, intent.notes, false);
  if (problems.length) {
    const first = problems[0]!;
    return {
      ok: false,
      error: 'personal_data_in_notes',
      message: `notes: ${first.message}`,
      field: 'notes',
      code: 'personal_data',
      ...(first.params && { params: first.params }),
    };
  }
  const organisationId = await organisationNamed(db, event.coalitionId, participant.organisation);
  const { fields, errors } = resolveFields(
    {
      source: intent.source,
      transits: intent.transits,
      destination: intent.destination,
      forms: intent.forms,
      sectors: [],
      populations: [],
      yearFrom: null,
      yearTo: null,
      confidence: 'likely',
      basis: 'fieldObservation',
      notes: intent.notes,
      // Hidden from the public, and from other organisations, until a coordinator validates it.
      visibility: 'organisation',
    },
    organisationId,
  );
  if (!fields) {
    const first = errors[0]!;
    return {
      ok: false,
      error: 'invalid_intent',
      message: `${first.field}: ${first.message}`,
      field: first.field,
      code: first.code ?? 'invalid',
      ...(first.params && { params: first.params }),
    };
  }
  try {
    await inTransaction(db, async (trx) => {
      await insertRoutes(trx, event.coalitionId, [fields], null, at, {
        id: routeId,
        eventId: room.eventId,
        participantId: participant.id,
      });
      await audit(
        trx,
        {
          coalitionId: event.coalitionId,
          userId: null,
          action: 'create',
          resource: 'route',
          recordId: routeId,
        },
        at,
      );
    });
  } catch (err) {
    // The same route arrived a moment ago (another process on the SQLite file): already there
    // (ROUTE-1). In the room's PostgreSQL transaction the error aborts it: the phone resends.
    if (db.isTransaction || !isUniqueViolation(err)) throw err;
  }
  return { ok: true, seq: await tx.unchanged(key, at) };
}
