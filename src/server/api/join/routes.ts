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
import { HttpError } from '../../http/errors.ts';
import { hashSecret, normaliseCode } from '../../events/codes.ts';
import { claimSeat, issueTicket, joinInfo, registerWalkIn } from '../../events/join.ts';
import type { Rooms } from '../../events/rooms.ts';

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

export function joinRoutes(app: App, ctx: AppContext, hub: Rooms): void {
  const limited = {
    policy: open,
    rateLimit: { max: ctx.joinAttemptsPerMinute, timeWindow: '1 minute' },
  };
  /** With the personal code and `move`, the seat moves to this phone: the other phones' tokens end. */
  const ticket = (p: Parameters<typeof issueTicket>[2], personalCode?: string, move = false) =>
    issueTicket(ctx, hub, p, { ...(personalCode ? { personalCode } : {}), move });

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
      return joinInfo(ctx, e);
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
      return claimSeat(ctx, hub, e, request.body.participantId);
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
      return registerWalkIn(ctx, hub, e, request.body);
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
