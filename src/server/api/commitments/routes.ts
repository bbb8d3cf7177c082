import { z } from 'zod';
import {
  CommitmentCreate,
  CommitmentDetail,
  CommitmentLinkInput,
  CommitmentList,
  CommitmentParams,
  CommitmentPatch,
  CommitmentQuery,
  CommitmentUpdateInput,
  DigestRequest,
  DigestResult,
  FollowUpList,
  Progress,
} from '../../../contract/commitments.ts';
import type { App, AppContext } from '../../context.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import * as svc from '../../commitments/service.ts';
import { sendDigest } from '../../commitments/digest.ts';

/**
 * Commitments and roadmaps (issue 14): record, promote (a create whose first link is the source),
 * report progress, link, and the coordinators' follow-up list and digest. Validate, call, answer.
 */
export function commitmentRoutes(app: App, ctx: AppContext): void {
  const read = { policy: { kind: 'resource', resource: 'commitment', action: 'read' } } as const;
  app.get(
    '/api/commitments',
    {
      config: read,
      schema: {
        tags: ['commitments'],
        summary: 'Commitments visible to the caller (filters: event, group, organisation, status)',
        querystring: CommitmentQuery,
        response: { 200: CommitmentList, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.listCommitments(ctx, request.actor, request.query),
  );
  app.get(
    '/api/commitments/progress',
    {
      config: read,
      schema: {
        tags: ['commitments'],
        summary:
          'Progress across groups and events and per owner organisation: done, overdue, not updated for 90 days',
        response: { 200: Progress, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.progress(ctx, request.actor),
  );
  app.get(
    '/api/commitments/follow-up',
    {
      config: { policy: { kind: 'resource', resource: 'followup', action: 'read' } },
      schema: {
        tags: ['commitments'],
        summary: 'Open commitments due or overdue, or not updated for 30, 60 or 90 days',
        response: { 200: FollowUpList, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.followUp(ctx, request.actor),
  );
  app.post(
    '/api/commitments/follow-up/digest',
    {
      config: { policy: { kind: 'resource', resource: 'followup', action: 'create' } },
      schema: {
        tags: ['commitments'],
        summary:
          "Email each owner organisation's contact its follow-up digest (dryRun: what would be sent)",
        body: DigestRequest,
        response: { 200: DigestResult, ...ROUTE_ERRORS },
      },
    },
    async (request) => sendDigest(ctx, request.actor, request.body.dryRun),
  );
  app.get(
    '/api/commitments/:id',
    {
      config: read,
      schema: {
        tags: ['commitments'],
        summary: 'One commitment with its links, status updates and timeline',
        params: CommitmentParams,
        response: { 200: CommitmentDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.readCommitment(ctx, request.actor, request.params.id),
  );
  app.post(
    '/api/commitments',
    {
      config: { policy: { kind: 'resource', resource: 'commitment', action: 'create' } },
      schema: {
        tags: ['commitments'],
        summary:
          'Record a commitment; promoting a card, learning or gap is this with the source as the first link',
        body: CommitmentCreate,
        response: { 201: CommitmentDetail, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await svc.createCommitment(ctx, request.actor, request.body)),
  );
  app.patch(
    '/api/commitments/:id',
    {
      config: { policy: { kind: 'resource', resource: 'commitment', action: 'update' } },
      schema: {
        tags: ['commitments'],
        summary: 'Change title, description, group, organisations, target date or visibility',
        params: CommitmentParams,
        body: CommitmentPatch,
        response: { 200: CommitmentDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.patchCommitment(ctx, request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/commitments/:id/updates',
    {
      config: { policy: { kind: 'resource', resource: 'commitment', action: 'update' } },
      schema: {
        tags: ['commitments'],
        summary: 'Report a status with a short progress note (who and when are recorded)',
        params: CommitmentParams,
        body: CommitmentUpdateInput,
        response: { 201: CommitmentDetail, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await svc.addUpdate(ctx, request.actor, request.params.id, {
          status: request.body.status,
          note: request.body.note ?? '',
        }),
      ),
  );
  app.post(
    '/api/commitments/:id/links',
    {
      config: { policy: { kind: 'resource', resource: 'commitment', action: 'update' } },
      schema: {
        tags: ['commitments'],
        summary: 'Link the commitment to more of what it answers (gaps, factors, issues, cards)',
        params: CommitmentParams,
        body: z.object({ links: z.array(CommitmentLinkInput).min(1).max(20) }).strict(),
        response: { 200: CommitmentDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.addLinks(ctx, request.actor, request.params.id, request.body.links),
  );
  app.delete(
    '/api/commitments/:id',
    {
      config: { policy: { kind: 'resource', resource: 'commitment', action: 'delete' } },
      schema: {
        tags: ['commitments'],
        summary: 'Remove a commitment with its updates and links',
        params: CommitmentParams,
        response: { 204: z.null(), ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      await svc.deleteCommitment(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
