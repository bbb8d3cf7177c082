import { z } from 'zod';
import {
  Challenge,
  ChallengeCreate,
  ChallengeList,
  ChallengeQuery,
} from '../../../contract/atlas.ts';
import { ErrorBody } from '../../../contract/common.ts';
import { getPlace } from '../../../domain/geo/index.ts';
import { can, type Actor } from '../../auth/policy.ts';
import type { App, AppContext } from '../../context.ts';
import { audit } from '../../db/repos/accounts.ts';
import * as repo from '../../db/repos/challenges.ts';
import type { ChallengeRecord } from '../../db/repos/challenges.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../http/errors.ts';
import { placeItem } from '../gazetteer/present.ts';
import { shownOrganisation } from '../organisations/service.ts';
import { atlasReader } from './audience.ts';
import { reportingOrganisation } from './route-service.ts';

const access = (r: Pick<ChallengeRecord, 'coalitionId' | 'organisationId' | 'visibility'>) => ({
  coalitionId: r.coalitionId,
  owningOrganisationId: r.organisationId,
  visibility: r.visibility,
});

function present(r: ChallengeRecord, actor: Actor, isPublic: boolean): Challenge {
  return {
    id: r.id,
    text: r.text,
    place: r.placeId ? placeItem(r.placeId) : null,
    form: r.form,
    visibility: r.visibility,
    // Who recorded a challenge is kept for the coalition, never shown publicly; inside it, only
    // to those who may read that organisation.
    organisation: isPublic ? null : shownOrganisation(actor, r.organisation),
    createdAt: r.createdAt,
    can: { delete: can(actor, 'delete', 'challenge', access(r)) },
  };
}

const Params = z.object({ id: z.string().uuid('must be a challenge id') });

export function challengeRoutes(
  app: App,
  ctx: AppContext,
  changed: (coalitionId: string) => void,
): void {
  app.get(
    '/api/atlas/challenges',
    {
      config: { policy: { kind: 'resource', resource: 'challenge', action: 'read' } },
      schema: {
        tags: ['atlas'],
        summary: 'Challenges organisations recorded (shown beside the gaps)',
        querystring: ChallengeQuery,
        response: { 200: ChallengeList, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const r = await atlasReader(
        ctx,
        request.actor,
        'challenge',
        request.query.view,
        request.query.coalition,
      );
      const rows = await repo.listChallenges(
        ctx.db,
        r.audience.coalitionId,
        request.query.form,
        500,
      );
      const actor = request.actor;
      const items = rows
        .filter((row) =>
          r.isPublic ? row.visibility === 'public' : can(actor, 'read', 'challenge', access(row)),
        )
        .map((row) => present(row, actor, r.isPublic));
      return { items };
    },
  );
  app.post(
    '/api/atlas/challenges',
    {
      config: { policy: { kind: 'resource', resource: 'challenge', action: 'create' } },
      schema: {
        tags: ['atlas'],
        summary: 'Record a challenge (text, place, form)',
        body: ChallengeCreate,
        response: { 201: Challenge, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous') throw unauthenticated();
      const body = request.body;
      if (body.place && !getPlace(body.place))
        throw invalid([
          {
            field: 'place',
            code: 'unknown_place',
            params: { value: body.place },
            message: `"${body.place}" is not a known place`,
          },
        ]);
      const organisationId = await reportingOrganisation(ctx.db, actor, body.organisationId);
      const target = {
        coalitionId: actor.coalitionId,
        organisationId,
        visibility: body.visibility,
      };
      if (!can(actor, 'create', 'challenge', access(target))) throw forbidden();
      const at = ctx.now().toISOString();
      const id = await ctx.db.transaction().execute(async (trx) => {
        const created = await repo.insertChallenge(
          trx,
          actor.coalitionId,
          {
            organisationId,
            text: body.text,
            placeId: body.place,
            form: body.form,
            visibility: body.visibility,
          },
          actor.userId,
          at,
        );
        await audit(
          trx,
          {
            coalitionId: actor.coalitionId,
            userId: actor.userId,
            action: 'create',
            resource: 'challenge',
            recordId: created,
          },
          at,
        );
        return created;
      });
      changed(actor.coalitionId);
      const created = await repo.findChallenge(ctx.db, id);
      if (!created) throw notFound('challenge'); // removed in the instant since
      return reply.code(201).send(present(created, actor, false));
    },
  );
  app.delete(
    '/api/atlas/challenges/:id',
    {
      config: { policy: { kind: 'resource', resource: 'challenge', action: 'delete' } },
      schema: {
        tags: ['atlas'],
        summary: 'Remove a challenge',
        params: Params,
        response: { 204: z.null(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      const row = await repo.findChallenge(ctx.db, request.params.id);
      if (!row || !can(actor, 'read', 'challenge', access(row))) throw notFound('challenge');
      if (actor.kind === 'anonymous') throw unauthenticated();
      if (!can(actor, 'delete', 'challenge', access(row))) throw forbidden();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        // Removed meanwhile by someone else: 404, and nothing (not even the atlas version) moves.
        if (!(await repo.deleteChallenge(trx, row.coalitionId, row.id)))
          throw notFound('challenge');
        await audit(
          trx,
          {
            coalitionId: actor.coalitionId,
            userId: actor.userId,
            action: 'delete',
            resource: 'challenge',
            recordId: row.id,
          },
          at,
        );
      });
      changed(row.coalitionId);
      return reply.code(204).send(null);
    },
  );
}
