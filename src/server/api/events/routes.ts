import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import { ErrorBody } from '../../../contract/common.ts';
import {
  EventCreate,
  EventDetail,
  EventList,
  EventParams,
  EventSessionInput,
  EventUpdate,
  HostAssign,
  Participant,
  ParticipantInput,
  ParticipantList,
  SessionParams,
  TableParams,
  TablesReplace,
  type ExpertiseGroup,
} from '../../../contract/events.ts';
import type { App, AppContext } from '../../context.ts';
import * as repo from '../../db/repos/events.ts';
import { HttpError, invalid, notFound, ROUTE_ERRORS } from '../../http/errors.ts';
import type { LiveHub } from '../../live/hub.ts';
import { presentEvent, presentParticipant } from '../../events/present.ts';
import { addParticipants, createEvent, eventFor } from '../../events/service.ts';
import { planRoutes } from './plan-routes.ts';

const read = { policy: { kind: 'resource', resource: 'event', action: 'read' } } as const;
const update = { policy: { kind: 'resource', resource: 'event', action: 'update' } } as const;
const tags = ['events'];

export function eventRoutes(app: App, ctx: AppContext, hub: LiveHub): void {
  const detail = async (eventId: string) => {
    const e = await repo.findEvent(ctx.db, eventId);
    if (!e) throw notFound('event');
    return presentEvent(ctx.db, e);
  };
  /** Set-up changes reach open consoles, projectors and phones through the live room. */
  const changed = async (eventId: string) => {
    const d = await detail(eventId);
    await hub.publish(eventId, { kind: 'event', event: d });
    return d;
  };

  app.get(
    '/api/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'Events of your coalition',
        response: { 200: EventList, 401: ErrorBody },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind === 'anonymous') return { items: [] };
      const rows = await repo.listEvents(ctx.db, actor.coalitionId);
      const items = await Promise.all(
        rows.map(async (e) => ({ ...(await presentEvent(ctx.db, e)) })),
      );
      return {
        items: items.map(({ id, name, startsOn, endsOn, venue, participantCount }) => ({
          id,
          name,
          startsOn,
          endsOn,
          venue,
          participantCount,
        })),
      };
    },
  );

  app.post(
    '/api/events',
    {
      config: { policy: { kind: 'resource', resource: 'event', action: 'create' } },
      schema: {
        tags,
        summary: 'Create an event',
        body: EventCreate,
        response: { 201: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const id = await createEvent(ctx, request.actor, request.body);
      return reply.code(201).send(await detail(id));
    },
  );

  app.get(
    '/api/events/:eventId',
    {
      config: read,
      schema: {
        tags,
        summary: 'An event with its tables and sessions',
        params: EventParams,
        response: { 200: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      await eventFor(ctx, request.actor, request.params.eventId, 'read');
      return detail(request.params.eventId);
    },
  );

  app.patch(
    '/api/events/:eventId',
    {
      config: update,
      schema: {
        tags,
        summary: 'Change event details, issues or groups',
        params: EventParams,
        body: EventUpdate,
        response: { 200: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const b = request.body;
      const startsOn = b.startsOn ?? e.starts_on;
      const endsOn = b.endsOn ?? e.ends_on;
      if (endsOn < startsOn)
        throw invalid([
          {
            field: 'endsOn',
            code: 'before_other',
            params: { other: 'startsOn' },
            message: 'must not be before startsOn',
          },
        ]);
      for (const [field, list] of [
        ['issues', b.issues],
        ['expertiseGroups', b.expertiseGroups],
      ] as const) {
        const keys = (list ?? []).map((x) => x.key);
        const dup = keys.find((k, i) => keys.indexOf(k) !== i);
        if (dup)
          throw invalid([
            {
              field,
              code: 'duplicate',
              params: { value: dup },
              message: `repeats the key "${dup}"`,
            },
          ]);
      }
      await ctx.db.transaction().execute((trx) =>
        repo.updateEvent(trx, e, {
          ...(b.name !== undefined && { name: b.name }),
          starts_on: startsOn,
          ends_on: endsOn,
          ...(b.venue !== undefined && { venue: b.venue }),
          ...(b.timeZone !== undefined && { time_zone: b.timeZone }),
          ...(b.walkInsAllowed !== undefined && { walk_ins_allowed: b.walkInsAllowed ? 1 : 0 }),
          ...(b.issues !== undefined && { issues: JSON.stringify(b.issues) }),
          ...(b.expertiseGroups !== undefined && {
            expertise_groups: JSON.stringify(b.expertiseGroups),
          }),
          updated_at: ctx.now().toISOString(),
        }),
      );
      return changed(e.id);
    },
  );

  app.put(
    '/api/events/:eventId/tables',
    {
      config: update,
      schema: {
        tags,
        summary: 'Replace the tables (clears generated plans)',
        params: EventParams,
        body: TablesReplace,
        response: { 200: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      await ctx.db.transaction().execute((trx) =>
        repo.replaceTables(
          trx,
          e.id,
          request.body.tables.map((t, position) => ({
            id: randomUUID(),
            event_id: e.id,
            name: t.name,
            capacity: t.capacity,
            position,
            host_participant_id: null,
          })),
        ),
      );
      return changed(e.id);
    },
  );

  app.put(
    '/api/events/:eventId/tables/:tableId/host',
    {
      config: update,
      schema: {
        tags,
        summary: 'Choose (or clear) a table host',
        params: TableParams,
        body: HostAssign,
        response: { 200: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const tables = await repo.listTables(ctx.db, e.id);
      if (!tables.some((t) => t.id === request.params.tableId)) throw notFound('table');
      const pid = request.body.participantId;
      if (pid) {
        const p = await repo.findParticipant(ctx.db, e.id, pid);
        if (!p)
          throw invalid([
            {
              field: 'participantId',
              code: 'unknown_participant',
              message: 'is not a participant of this event',
            },
          ]);
      }
      await ctx.db
        .transaction()
        .execute((trx) => repo.setTableHost(trx, e.id, request.params.tableId, pid));
      return changed(e.id);
    },
  );

  app.get(
    '/api/events/:eventId/participants',
    {
      config: update,
      schema: {
        tags,
        summary: 'Participants, with emails (facilitators only)',
        params: EventParams,
        response: { 200: ParticipantList, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      return {
        items: (await repo.listParticipants(ctx.db, e.id)).map((p) => presentParticipant(p, true)),
      };
    },
  );

  app.post(
    '/api/events/:eventId/participants',
    {
      config: update,
      schema: {
        tags,
        summary: 'Add a participant',
        params: EventParams,
        body: ParticipantInput,
        response: { 201: Participant, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const groups = (JSON.parse(e.expertise_groups) as ExpertiseGroup[]).map((g) => g.key);
      const bad = request.body.choices.findIndex((c) => !groups.includes(c));
      if (bad >= 0)
        throw invalid([
          {
            field: `choices.${bad}`,
            code: 'unknown_group',
            params: { options: groups },
            message: `is not one of this event's expertise groups (${groups.join(', ')})`,
          },
        ]);
      const [id] = await addParticipants(ctx, e.id, [request.body]);
      const p = (await repo.findParticipant(ctx.db, e.id, id!))!;
      await hub.publish(e.id, { kind: 'participant', participant: presentParticipant(p, false) });
      return reply.code(201).send(presentParticipant(p, true));
    },
  );

  app.post(
    '/api/events/:eventId/sessions',
    {
      config: update,
      schema: {
        tags,
        summary: 'Add a session of rounds',
        params: EventParams,
        body: EventSessionInput,
        response: { 201: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const position = (await repo.listSessions(ctx.db, e.id)).length;
      const b = request.body;
      await repo.insertSession(ctx.db, {
        id: randomUUID(),
        event_id: e.id,
        kind: b.kind,
        title: b.title,
        rounds: b.kind === 'groups' ? 1 : b.rounds,
        minutes_per_round: b.minutesPerRound,
        position,
        plan: null,
        quality: null,
        rules: b.rules ? JSON.stringify(b.rules) : null,
      });
      return reply.code(201).send(await changed(e.id));
    },
  );

  app.delete(
    '/api/events/:eventId/sessions/:sessionId',
    {
      config: update,
      schema: {
        tags,
        summary: 'Remove a session',
        params: SessionParams,
        response: { 200: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      // Only this event's sessions: another event's session id is "no such session" here.
      const s = await repo.findSession(ctx.db, e.id, request.params.sessionId);
      if (!s) throw notFound('session');
      const room = await hub.room(e.id);
      if (
        room.state.sessionId === s.id &&
        room.state.status !== 'finished' &&
        room.state.status !== 'idle'
      )
        throw new HttpError(409, {
          error: 'session_running',
          message: 'Finish the session before removing it.',
        });
      await repo.deleteSession(ctx.db, e.id, s.id);
      return changed(e.id);
    },
  );

  planRoutes(app, ctx, hub);

  app.get(
    '/api/events/:eventId/join-qr.svg',
    {
      config: read,
      schema: {
        tags,
        summary: 'QR code of the join link',
        params: EventParams,
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'read');
      const origin = ctx.site.joinBase ?? `${request.protocol}://${request.host}`;
      const svg = await QRCode.toString(`${origin}/j/${e.join_code}`, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
    },
  );
}
