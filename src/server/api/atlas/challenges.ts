import { randomUUID } from 'node:crypto';
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
import { ofCoalition } from '../../db/repos/scoped.ts';
import { bumpAtlasVersion } from '../../db/repos/route-summaries.ts';
import { REPORTER_COLUMNS, reporterOf, type ReporterRow } from '../../db/repos/organisations.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../../http/errors.ts';
import { placeItem } from '../gazetteer/present.ts';
import { shownOrganisation } from '../organisations/service.ts';
import { atlasReader } from './audience.ts';
import { reportingOrganisation } from './route-service.ts';

interface Row extends ReporterRow {
  id: string;
  coalition_id: string;
  text: string;
  place_id: string | null;
  form: string | null;
  visibility: string;
  created_at: string;
}

const access = (r: Pick<Row, 'coalition_id' | 'organisation_id' | 'visibility'>) => ({
  coalitionId: r.coalition_id,
  owningOrganisationId: r.organisation_id,
  visibility: r.visibility as 'organisation' | 'coalition' | 'public',
});

function present(r: Row, actor: Actor, isPublic: boolean): Challenge {
  return {
    id: r.id,
    text: r.text,
    place: r.place_id ? placeItem(r.place_id) : null,
    form: r.form as Challenge['form'],
    visibility: r.visibility as Challenge['visibility'],
    // Who recorded a challenge is kept for the coalition, never shown publicly; inside it, only
    // to those who may read that organisation.
    organisation: isPublic ? null : shownOrganisation(actor, reporterOf(r)),
    createdAt: r.created_at,
    can: { delete: can(actor, 'delete', 'challenge', access(r)) },
  };
}

function select(ctx: AppContext) {
  return ctx.db
    .selectFrom('challenges as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .selectAll('c')
    .select(REPORTER_COLUMNS);
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
      let q = select(ctx).where('c.coalition_id', '=', r.audience.coalitionId);
      if (request.query.form) q = q.where('c.form', '=', request.query.form);
      const rows = (await q.orderBy('c.created_at', 'desc').limit(500).execute()) as Row[];
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
        throw invalid([{ field: 'place', message: `"${body.place}" is not a known place` }]);
      const organisationId = await reportingOrganisation(ctx, actor, body.organisationId);
      const row = {
        coalition_id: actor.coalitionId,
        organisation_id: organisationId,
        visibility: body.visibility,
      };
      if (!can(actor, 'create', 'challenge', access(row))) throw forbidden();
      const id = randomUUID();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('challenges')
          .values({
            id,
            ...row,
            text: body.text,
            place_id: body.place,
            form: body.form,
            created_by: actor.userId,
            created_at: at,
          })
          .execute();
        await bumpAtlasVersion(trx, actor.coalitionId);
        await audit(
          trx,
          {
            coalitionId: actor.coalitionId,
            userId: actor.userId,
            action: 'create',
            resource: 'challenge',
            recordId: id,
          },
          at,
        );
      });
      changed(actor.coalitionId);
      const created = (await select(ctx).where('c.id', '=', id).executeTakeFirstOrThrow()) as Row;
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
      const row = (await select(ctx).where('c.id', '=', request.params.id).executeTakeFirst()) as
        Row | undefined;
      if (!row || !can(actor, 'read', 'challenge', access(row))) throw notFound('challenge');
      if (actor.kind === 'anonymous') throw unauthenticated();
      if (!can(actor, 'delete', 'challenge', access(row))) throw forbidden();
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await ofCoalition(trx, 'challenges', actor.coalitionId)
          .delete()
          .where('id', '=', row.id)
          .execute();
        await bumpAtlasVersion(trx, actor.coalitionId);
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
      changed(row.coalition_id);
      return reply.code(204).send(null);
    },
  );
}
