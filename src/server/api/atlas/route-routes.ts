import { z } from 'zod';
import {
  NotesCheck,
  NotesCheckResult,
  Route,
  RouteCreate,
  RouteList,
  RouteListQuery,
  RouteParams,
  RouteUpdate,
  VersionConflict,
} from '../../../contract/atlas.ts';
import { ErrorBody } from '../../../contract/common.ts';
import { countRoutes } from '../../db/repos/atlas-queries.ts';
import { listRoutes } from '../../db/repos/routes.ts';
import type { App, AppContext } from '../../context.ts';
import { invalid, ROUTE_ERRORS } from '../../http/errors.ts';
import { atlasReader } from './audience.ts';
import * as svc from './route-service.ts';

/**
 * The route version an If-Match header names: `"3"`, `W/"3"` or `3` (`*` or none: any version).
 * Anything else is refused with 400 rather than ignored.
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"?([1-9][0-9]{0,8})"?\s*$/.exec(header);
  if (!m) throw invalid([{ field: 'if-match', message: 'must be the route\'s version, e.g. "3"' }]);
  return Number(m[1]);
}

/** Routes one by one: coalition members only (the public sees aggregates). */
export function routeRoutes(
  app: App,
  ctx: AppContext,
  changed: (coalitionId: string) => void,
): void {
  app.get(
    '/api/atlas/routes',
    {
      config: { policy: { kind: 'resource', resource: 'route', action: 'read' } },
      schema: {
        tags: ['atlas'],
        summary: 'Routes visible to the caller, newest first',
        querystring: RouteListQuery,
        response: { 200: RouteList, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const { limit, offset, mine, pending, ...filter } = request.query;
      const actor = request.actor;
      if (actor.kind === 'anonymous') return { items: [], total: 0 };
      const r = await atlasReader(ctx, actor, 'route', 'coalition', undefined);
      const f = {
        ...filter,
        pending: pending === '1',
        ...(mine === '1' && actor.organisationId ? { organisationId: actor.organisationId } : {}),
      };
      const [items, total] = await Promise.all([
        listRoutes(ctx.db, r.audience, f, { limit, offset }),
        countRoutes(ctx.db, r.audience, f),
      ]);
      return { items: items.map((x) => svc.present(x, actor)), total };
    },
  );
  app.get(
    '/api/atlas/routes/:id',
    {
      config: { policy: { kind: 'resource', resource: 'route', action: 'read' } },
      schema: {
        tags: ['atlas'],
        summary: 'One route',
        params: RouteParams,
        response: { 200: Route, ...ROUTE_ERRORS },
      },
    },
    async (request) =>
      svc.present(await svc.readableRoute(ctx, request.actor, request.params.id), request.actor),
  );
  app.post(
    '/api/atlas/routes',
    {
      config: { policy: { kind: 'resource', resource: 'route', action: 'create' } },
      schema: {
        tags: ['atlas'],
        summary:
          'Add a route (a pattern, never a case about a person); `warnings` flags notes that may identify someone',
        body: RouteCreate,
        response: { 201: Route, 422: ErrorBody, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const rec = await svc.createRoute(ctx, request.actor, request.body);
      changed(rec.coalitionId);
      return reply.code(201).send(svc.present(rec, request.actor));
    },
  );
  app.patch(
    '/api/atlas/routes/:id',
    {
      config: { policy: { kind: 'resource', resource: 'route', action: 'update' } },
      schema: {
        tags: ['atlas'],
        summary:
          'Change some fields of a route; with `version` (or If-Match) a route changed since is answered 409',
        params: RouteParams,
        body: RouteUpdate,
        response: { 200: Route, 409: VersionConflict, 422: ErrorBody, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const rec = await svc.updateRoute(
        ctx,
        request.actor,
        request.params.id,
        request.body,
        ifMatchVersion(request.headers['if-match']),
      );
      changed(rec.coalitionId);
      return svc.present(rec, request.actor);
    },
  );
  app.delete(
    '/api/atlas/routes/:id',
    {
      config: { policy: { kind: 'resource', resource: 'route', action: 'delete' } },
      schema: {
        tags: ['atlas'],
        summary:
          'Remove a route; with If-Match naming a version, a route changed since is answered 409',
        params: RouteParams,
        response: { 204: z.null(), 409: VersionConflict, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      changed(
        await svc.deleteRoute(
          ctx,
          request.actor,
          request.params.id,
          ifMatchVersion(request.headers['if-match']),
        ),
      );
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/atlas/notes-check',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['atlas'],
        summary: 'What in a note looks like it could identify a person (for the form, as you type)',
        body: NotesCheck,
        response: { 200: NotesCheckResult, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => ({ warnings: svc.noteWarnings(request.body.notes) }),
  );
}
