/**
 * Joining an event from a phone: the device token, the personal code to continue on another
 * device, and walk-ins. Each change is committed in the event's room queue, so the consoles hear
 * that someone joined with the same sequence number as the write.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { JoinInfo, ParticipantInput } from '../../contract/events.ts';
import type { AppContext } from '../context.ts';
import * as repo from '../db/repos/events.ts';
import type { EventRecord } from '../db/repos/events.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { hashSecret, newPersonalCode } from './codes.ts';
import { presentParticipant } from './present.ts';
import type { Rooms } from './rooms.ts';
import { newParticipant } from './service.ts';
import { followUp } from './people.ts';

export interface Ticket {
  eventId: string;
  participantId: string;
  token: string;
  personalCode: string;
}

/** The event behind a join code, with its roster (names and organisations only). */
export async function joinInfo(ctx: AppContext, e: EventRecord): Promise<z.infer<typeof JoinInfo>> {
  const roster = await repo.listParticipants(ctx.db, e.id);
  return {
    eventId: e.id,
    name: e.name,
    venue: e.venue,
    walkInsAllowed: e.walkInsAllowed,
    roster: roster
      .map((p) => ({
        id: p.id,
        name: p.name,
        organisation: p.organisation,
        joined: p.joinedAt !== null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * A participant gets a device token (kept on the phone) and, the first time, a personal code.
 * With `insert`, `p` is a new participant (a walk-in), added in the same commit. With `move` (the
 * personal code given on another phone), the seat moves here: the other phones' tokens end.
 */
export async function issueTicket(
  ctx: AppContext,
  rooms: Rooms,
  p: repo.ParticipantRecord,
  options: { personalCode?: string; insert?: boolean; claim?: boolean; move?: boolean } = {},
): Promise<Ticket> {
  const token = randomBytes(32).toString('base64url');
  const at = ctx.now();
  const now = at.toISOString();
  const code = options.personalCode ?? newPersonalCode();
  const room = await rooms.loaded(p.eventId);
  await room.perform(async (tx) => {
    // Checked again in the queue: two phones claiming one name at once get one ticket.
    if (options.claim && (await repo.findParticipant(tx.db, p.eventId, p.id))?.personalCodeHash)
      throw alreadyJoined();
    return tx.commit(
      async (trx) => {
        const fresh = (await repo.findParticipant(trx, p.eventId, p.id))!;
        return { kind: 'participant', participant: presentParticipant(fresh, false) };
      },
      at,
      undefined,
      async (trx) => {
        if (options.move) await repo.deleteParticipantTokens(trx, p.eventId, p.id);
        if (options.insert)
          await repo.insertParticipants(trx, [
            { ...p, position: await repo.nextParticipantPosition(trx, p.eventId) },
          ]);
        if (!options.personalCode)
          await repo.updateParticipant(trx, p.eventId, p.id, {
            personalCodeHash: hashSecret(code),
          });
        await repo.insertParticipantToken(trx, {
          token_hash: hashSecret(token),
          participant_id: p.id,
          event_id: p.eventId,
          created_at: now,
        });
        if (!p.joinedAt)
          await repo.updateParticipant(trx, p.eventId, p.id, {
            joinedAt: now,
            status: p.status === 'absent' ? 'absent' : 'present',
          });
      },
    );
  });
  if (options.move) {
    // The seat has moved here: a phone still connected with one of the ended tokens is closed now
    // (on reconnecting it is told to join again), not left working until it next reconnects.
    room.endOtherSeats(p.id, hashSecret(token));
  }
  return { eventId: p.eventId, participantId: p.id, token, personalCode: code };
}

const alreadyJoined = () =>
  new HttpError(409, {
    error: 'already_joined',
    message: 'This name has already joined. Use your personal code to continue on this device.',
  });

/** Joining as a person on the roster: once someone has, only their personal code opens it. */
export async function claimSeat(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  participantId: string,
): Promise<Ticket> {
  const p = await repo.findParticipant(ctx.db, e.id, participantId);
  if (!p) throw notFound('participant');
  if (p.personalCodeHash) throw alreadyJoined();
  return issueTicket(ctx, rooms, p, { claim: true });
}

/** A walk-in joins: added to the roster and given a ticket, in one commit. */
export async function registerWalkIn(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  input: Omit<ParticipantInput, 'email'>,
): Promise<Ticket> {
  if (!e.walkInsAllowed)
    throw new HttpError(403, {
      error: 'walk_ins_closed',
      message: 'This event does not take walk-ins. Ask a facilitator to add you.',
    });
  // Its position is taken in the commit, where no other addition can take it meanwhile.
  const person = newParticipant(e.id, { ...input, email: null }, 0, ctx.now().toISOString());
  const ticket = await issueTicket(ctx, rooms, person, { insert: true });
  // During a session, the walk-in is seated in the rounds still to come (people.ts).
  followUp(ctx, rooms, e.id);
  return ticket;
}
