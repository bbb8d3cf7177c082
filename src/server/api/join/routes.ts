import { randomBytes } from 'node:crypto';
import { ErrorBody } from '../../../contract/common.ts';
import {
  ClaimRequest,
  JoinCodeParams,
  JoinInfo,
  JoinTicket,
  RegisterRequest,
  RejoinRequest,
} from '../../../contract/events.ts';
import type { App, AppContext } from '../../context.ts';
import * as repo from '../../db/repos/events.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import type { LiveHub } from '../../live/hub.ts';
import { hashSecret, newPersonalCode, normaliseCode } from '../../events/codes.ts';
import { presentParticipant } from '../../events/present.ts';
import { addParticipants } from '../../events/service.ts';
import type { ParticipantTable } from '../../db/schema.ts';

const open = {
  kind: 'open',
  why: 'joining an event by its code; no account, rate-limited',
} as const;
// Codes are guessed by brute force only: a tight per-address limit makes 31^8 codes out of reach.
const tags = ['join'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

const unknownCode = () =>
  new HttpError(404, {
    error: 'unknown_code',
    message: 'No event has that code. Check the code on the screen.',
  });

export function joinRoutes(app: App, ctx: AppContext, hub: LiveHub): void {
  const limited = {
    policy: open,
    rateLimit: { max: ctx.joinAttemptsPerMinute, timeWindow: '1 minute' },
  };
  /**
   * A participant gets a device token (kept on the phone) and, the first time, a personal code.
   * With the personal code (`move`), the seat moves to this phone: the other phones' tokens end.
   */
  async function ticket(p: ParticipantTable, personalCode?: string, move = false) {
    const token = randomBytes(32).toString('base64url');
    const now = ctx.now().toISOString();
    let code = personalCode;
    await ctx.db.transaction().execute(async (trx) => {
      if (move) await repo.deleteParticipantTokens(trx, p.event_id, p.id);
      if (!code) {
        code = newPersonalCode();
        await repo.updateParticipant(trx, p.event_id, p.id, {
          personal_code_hash: hashSecret(code),
        });
      }
      await repo.insertParticipantToken(trx, {
        token_hash: hashSecret(token),
        participant_id: p.id,
        event_id: p.event_id,
        created_at: now,
      });
      if (!p.joined_at)
        await repo.updateParticipant(trx, p.event_id, p.id, {
          joined_at: now,
          status: p.status === 'absent' ? 'absent' : 'present',
        });
    });
    const fresh = (await repo.findParticipant(ctx.db, p.event_id, p.id))!;
    await hub.publish(p.event_id, {
      kind: 'participant',
      participant: presentParticipant(fresh, false),
    });
    return { eventId: p.event_id, participantId: p.id, token, personalCode: code! };
  }

  app.get(
    '/api/join/:code',
    {
      config: limited,
      schema: {
        tags,
        summary: 'The event behind a join code, with its roster',
        params: JoinCodeParams,
        response: { 200: JoinInfo, ...errors },
      },
    },
    async (request) => {
      const e = await repo.findEventByCode(ctx.db, normaliseCode(request.params.code));
      if (!e) throw unknownCode();
      const roster = await repo.listParticipants(ctx.db, e.id);
      return {
        eventId: e.id,
        name: e.name,
        venue: e.venue,
        walkInsAllowed: Number(e.walk_ins_allowed) === 1,
        roster: roster
          .map((p) => ({
            id: p.id,
            name: p.name,
            organisation: p.organisation,
            joined: p.joined_at !== null,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    },
  );

  app.post(
    '/api/join/:code/claim',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Join as a person on the roster',
        params: JoinCodeParams,
        body: ClaimRequest,
        response: { 200: JoinTicket, ...errors },
      },
    },
    async (request) => {
      const e = await repo.findEventByCode(ctx.db, normaliseCode(request.params.code));
      if (!e) throw unknownCode();
      const p = await repo.findParticipant(ctx.db, e.id, request.body.participantId);
      if (!p) throw notFound('participant');
      // Once someone has joined as this person, only their personal code opens it on another device.
      if (p.personal_code_hash)
        throw new HttpError(409, {
          error: 'already_joined',
          message:
            'This name has already joined. Use your personal code to continue on this device.',
        });
      return ticket(p);
    },
  );

  app.post(
    '/api/join/:code/register',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Join as a walk-in (when the event allows it)',
        params: JoinCodeParams,
        body: RegisterRequest,
        response: { 200: JoinTicket, 403: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const e = await repo.findEventByCode(ctx.db, normaliseCode(request.params.code));
      if (!e) throw unknownCode();
      if (Number(e.walk_ins_allowed) !== 1)
        throw new HttpError(403, {
          error: 'walk_ins_closed',
          message: 'This event does not take walk-ins. Ask a facilitator to add you.',
        });
      const [id] = await addParticipants(ctx, e.id, [{ ...request.body, email: null }]);
      return ticket((await repo.findParticipant(ctx.db, e.id, id!))!);
    },
  );

  app.post(
    '/api/join/rejoin',
    {
      config: limited,
      schema: {
        tags,
        summary:
          'Continue on another device with a personal code: the seat moves there (the other device’s token ends)',
        body: RejoinRequest,
        response: { 200: JoinTicket, ...errors },
      },
    },
    async (request) => {
      const code = normaliseCode(request.body.personalCode);
      const p = await repo.findParticipantByCodeHash(ctx.db, hashSecret(code));
      if (!p)
        throw new HttpError(404, {
          error: 'unknown_code',
          message: 'That personal code is not known. Check it, or ask a facilitator.',
        });
      return ticket(p, code, true);
    },
  );
}
