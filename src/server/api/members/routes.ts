import { ErrorBody } from '../../../contract/common.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import {
  InvitationParams,
  InviteAnswer,
  InviteRequest,
  Member,
  MemberList,
  MemberPatch,
  UserParams,
} from '../../../contract/members.ts';
import { Ok } from '../../../contract/auth.ts';
import type { App, AppContext } from '../../context.ts';
import { changeMember, invite, memberList, removeMember, withdrawInvitation } from './service.ts';

/** The members page: coordinators and admins manage their own coalition's members (policy `member`). */
export function memberRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/members',
    {
      config: { policy: { kind: 'resource', resource: 'member', action: 'read' } },
      schema: {
        tags: ['members'],
        summary: "The coalition's members and open invitations",
        response: { 200: MemberList, ...ROUTE_ERRORS },
      },
    },
    async (request) => memberList(ctx, request.actor),
  );

  app.patch(
    '/api/members/:userId',
    {
      config: { policy: { kind: 'resource', resource: 'member', action: 'update' } },
      schema: {
        tags: ['members'],
        summary: 'Change a member’s role or organisation, suspend or reinstate them (at once)',
        params: UserParams,
        body: MemberPatch,
        response: { 200: Member, ...ROUTE_ERRORS, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => changeMember(ctx, request.actor, request.params.userId, request.body),
  );

  app.delete(
    '/api/members/:userId',
    {
      config: { policy: { kind: 'resource', resource: 'member', action: 'delete' } },
      schema: {
        tags: ['members'],
        summary: 'Remove a member from the coalition (at once, open connections too)',
        params: UserParams,
        response: { 200: Ok, ...ROUTE_ERRORS, 409: ErrorBody },
      },
    },
    async (request) => {
      await removeMember(ctx, request.actor, request.params.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/invitations',
    {
      config: { policy: { kind: 'resource', resource: 'member', action: 'create' } },
      schema: {
        tags: ['members'],
        summary: 'Invite someone by email; the link is emailed, or answered to copy without SMTP',
        body: InviteRequest,
        response: { 201: InviteAnswer, ...ROUTE_ERRORS, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const answer = await invite(ctx, request.actor, request.body, origin);
      return reply.code(201).send(answer);
    },
  );

  app.delete(
    '/api/invitations/:invitationId',
    {
      config: { policy: { kind: 'resource', resource: 'member', action: 'delete' } },
      schema: {
        tags: ['members'],
        summary: 'Withdraw an open invitation (its link stops working)',
        params: InvitationParams,
        response: { 200: Ok, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      await withdrawInvitation(ctx, request.actor, request.params.invitationId);
      return { ok: true as const };
    },
  );
}
