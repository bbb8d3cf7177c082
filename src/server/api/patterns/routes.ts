import { z } from 'zod';
import {
  Distribution,
  DistributionQuery,
  Pattern,
  PatternCreate,
  PatternImportRequest,
  PatternImportResult,
  PatternList,
  PatternParams,
  PatternQuery,
  PublicDistribution,
  PublicDistributionQuery,
} from '../../../contract/patterns.ts';
import type { App, AppContext } from '../../context.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import * as svc from '../../patterns/service.ts';

/**
 * Experience patterns (spectrum of exploitation): coalition members only, one by one; each comes
 * with its level and the rule's reasons. Validate, call the service, present.
 */
export function patternRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/patterns',
    {
      config: { policy: { kind: 'resource', resource: 'pattern', action: 'read' } },
      schema: {
        tags: ['patterns'],
        summary: 'Experience patterns visible to the caller, newest first, each with its level',
        querystring: PatternQuery,
        response: { 200: PatternList, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.listPatterns(ctx, request.actor, request.query),
  );
  app.get(
    '/api/patterns/distribution',
    {
      config: { policy: { kind: 'resource', resource: 'pattern', action: 'read' } },
      schema: {
        tags: ['patterns'],
        summary:
          'How many visible patterns sit at each level of the spectrum, per form and per issue',
        querystring: DistributionQuery,
        response: { 200: Distribution, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.distribution(ctx, request.actor, request.query.eventId),
  );
  app.get(
    '/api/patterns/distribution/public',
    {
      config: {
        policy: {
          kind: 'open',
          why: 'a public aggregate: only patterns the coalition made public, counts below k withheld',
        },
      },
      schema: {
        tags: ['patterns'],
        summary:
          'The public distribution over the spectrum, per form and per issue: public patterns only, counts from 1 to k−1 withheld',
        querystring: PublicDistributionQuery,
        response: { 200: PublicDistribution, ...ROUTE_ERRORS },
      },
    },
    async (request) =>
      svc.publicDistribution(ctx, request.actor, request.query.coalition, request.query.lang),
  );
  app.get(
    '/api/patterns/:id',
    {
      config: { policy: { kind: 'resource', resource: 'pattern', action: 'read' } },
      schema: {
        tags: ['patterns'],
        summary: 'One pattern with its level and the reasons',
        params: PatternParams,
        response: { 200: Pattern, ...ROUTE_ERRORS },
      },
    },
    async (request) =>
      svc.present(await svc.readablePattern(ctx, request.actor, request.params.id), request.actor),
  );
  app.post(
    '/api/patterns',
    {
      config: { policy: { kind: 'resource', resource: 'pattern', action: 'create' } },
      schema: {
        tags: ['patterns'],
        summary:
          'Add an experience pattern (anonymised, never a person); answered with its level, the reasons and `warnings` on notes that may identify someone',
        body: PatternCreate,
        response: { 201: Pattern, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const rec = await svc.createPattern(ctx, request.actor, request.body);
      return reply.code(201).send(svc.present(rec, request.actor));
    },
  );
  app.delete(
    '/api/patterns/:id',
    {
      config: { policy: { kind: 'resource', resource: 'pattern', action: 'delete' } },
      schema: {
        tags: ['patterns'],
        summary: 'Remove a pattern',
        params: PatternParams,
        response: { 204: z.null(), ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      await svc.deletePattern(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/patterns/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      config: { policy: { kind: 'resource', resource: 'pattern', action: 'create' } },
      schema: {
        tags: ['patterns'],
        summary:
          'Import patterns from CSV (columns paid, can_leave, indicators, recruitment, moved, form; optional sector, population, issue, notes): dry run lists line and column errors; all or nothing',
        body: PatternImportRequest,
        response: { 200: PatternImportResult, ...ROUTE_ERRORS },
      },
    },
    async (request) => svc.importPatterns(ctx, request.actor, request.body),
  );
}
