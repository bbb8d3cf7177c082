import { z } from 'zod';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { ErrorBody } from '../../../contract/common.ts';
import {
  Organisation,
  OrganisationCreate,
  OrganisationList,
  OrganisationParams,
  OrganisationQuery,
  OrganisationUpdate,
} from '../../../contract/organisations.ts';
import type { App, AppContext } from '../../context.ts';
import { audit } from '../../db/repos/accounts.ts';
import { listOrganisations } from '../../db/repos/organisations.ts';
import * as svc from './service.ts';

export function organisationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/organisations',
    {
      config: { policy: { kind: 'resource', resource: 'organisation', action: 'read' } },
      schema: {
        tags: ['organisations'],
        summary: 'The directory: organisations visible to the caller, filtered and paginated',
        querystring: OrganisationQuery,
        response: { 200: OrganisationList, 400: ErrorBody },
      },
    },
    async (request) => {
      const { items, total } = await listOrganisations(
        ctx.db,
        svc.audienceOf(request.actor),
        request.query,
      );
      return { items: items.map((r) => svc.present(r, request.actor)), total };
    },
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { policy: { kind: 'resource', resource: 'organisation', action: 'read' } },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation',
        params: OrganisationParams,
        response: { 200: Organisation, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const { actor } = request;
      const rec = await svc.readable(ctx, actor, request.params.id);
      if (rec.visibility !== 'public' && actor.kind === 'user')
        await audit(
          ctx.db,
          {
            coalitionId: actor.coalitionId,
            userId: actor.userId,
            action: 'read',
            resource: 'organisation',
            recordId: rec.id,
          },
          ctx.now().toISOString(),
        );
      return svc.present(rec, actor);
    },
  );

  app.post(
    '/api/organisations',
    {
      config: { policy: { kind: 'resource', resource: 'organisation', action: 'create' } },
      schema: {
        tags: ['organisations'],
        summary: 'Add an organisation to the directory',
        body: OrganisationCreate,
        response: { 201: Organisation, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const rec = await svc.createOrganisation(ctx, request.actor, request.body);
      return reply.code(201).send(svc.present(rec, request.actor));
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { policy: { kind: 'resource', resource: 'organisation', action: 'update' } },
      schema: {
        tags: ['organisations'],
        summary: 'Change some fields of an organisation',
        params: OrganisationParams,
        body: OrganisationUpdate,
        response: { 200: Organisation, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const rec = await svc.updateOrganisation(ctx, request.actor, request.params.id, request.body);
      return svc.present(rec, request.actor);
    },
  );

  app.delete(
    '/api/organisations/:id',
    {
      config: { policy: { kind: 'resource', resource: 'organisation', action: 'delete' } },
      schema: {
        tags: ['organisations'],
        summary: 'Remove an organisation',
        params: OrganisationParams,
        response: { 204: z.null().describe('Deleted'), ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      await svc.deleteOrganisation(ctx, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
