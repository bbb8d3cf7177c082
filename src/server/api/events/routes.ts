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
  ParticipantParams,
  SessionParams,
  TableParams,
  TablesReplace,
} from '../../../contract/events.ts';
import type { App, AppContext } from '../../context.ts';
import * as repo from '../../db/repos/events.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { presentParticipant } from '../../events/present.ts';
import { createEvent, eventFor } from '../../events/service.ts';
import { detailOf, eventDetail, eventSummaries } from '../../events/read.ts';
import {
  addParticipant,
  addSession,
  deleteSession,
  setTableHost,
  updateEvent,
} from '../../events/changes.ts';
import type { Rooms } from '../../events/rooms.ts';
import { saveTables } from '../../events/tables.ts';
import { removeParticipant } from '../../events/people.ts';
import { byOf, planRoutes } from './plan-routes.ts';

const read = { policy: { kind: 'resource', resource: 'event', action: 'read' } } as const;
const update = { policy: { kind: 'resource', resource: 'event', action: 'update' } } as const;
const tags = ['events'];

/**
 * The REST routes of events: each validates (the zod schemas), finds the event the caller may act
 * on, and calls the events service (src/server/events/), which applies every change through the
 * event's live room so that consoles, projectors and phones hear of it.
 */
export function eventRoutes(app: App, ctx: AppContext, hub: Rooms): void {
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
      return { items: await eventSummaries(ctx.db, actor.coalitionId) };
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
      return reply.code(201).send((await eventDetail(ctx.db, id))!);
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
      return detailOf(ctx.db, await eventFor(ctx, request.actor, request.params.eventId, 'read'));
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
      return updateEvent(ctx, hub, e, request.body);
    },
  );

  app.put(
    '/api/events/:eventId/tables',
    {
      config: update,
      schema: {
        tags,
        summary: 'Save the tables (by id: renaming keeps every seat)',
        description:
          'Tables named by id are edited in place (their seating stays); tables without an id are added; tables left out are removed. A list without any id edits the tables in order. While a session is under way, its rounds still to come are re-planned for added, removed or resized tables (held rounds never change); a table seating people in the round under way cannot be removed (409 table_in_use). Café and group sessions not started lose their plan (kept in their history).',
        params: EventParams,
        body: TablesReplace,
        response: { 200: EventDetail, ...ROUTE_ERRORS, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      return saveTables(ctx, hub, e, request.body.tables, byOf(request.actor));
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
      return setTableHost(ctx, hub, e, request.params.tableId, request.body.participantId);
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
      return reply.code(201).send(await addParticipant(ctx, hub, e, request.body));
    },
  );

  app.delete(
    '/api/events/:eventId/participants/:participantId',
    {
      config: update,
      schema: {
        tags,
        summary: 'Remove a participant',
        description:
          'While a session is under way, its rounds still to come are re-planned without them in the same change; rounds already held keep them.',
        params: ParticipantParams,
        response: { 200: EventDetail, ...ROUTE_ERRORS, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      return removeParticipant(ctx, hub, e, request.params.participantId, byOf(request.actor));
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
      return reply.code(201).send(await addSession(ctx, hub, e, request.body));
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
      return deleteSession(ctx, hub, e, request.params.sessionId);
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
      const svg = await QRCode.toString(`${origin}/j/${e.joinCode}`, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply.type('image/svg+xml').header('cache-control', 'no-cache').send(svg);
    },
  );
}
