import type { WebSocket } from 'ws';
import {
  ClientMessage,
  IntentId,
  PROTOCOL_VERSION,
  type ServerMessage,
} from '../../contract/live.ts';
import { EventParams } from '../../contract/events.ts';
import { can } from '../auth/policy.ts';
import type { App, AppContext } from '../context.ts';
import { findEvent, participantOfToken } from '../db/repos/events.ts';
import { findIntent, isUniqueViolation } from '../db/repos/live.ts';
import { eventAccess } from '../events/service.ts';
import { hashSecret } from '../events/codes.ts';
import type { LiveHub } from './hub.ts';
import { viewOf, type RoomClient } from './room.ts';
import { applyIntent, type IntentOutcome } from './intents.ts';
import { replanIntent } from './replan.ts';
import type { SessionWatch } from '../auth/live-sessions.ts';
import { fieldErrorsOf } from '../http/issues.ts';

const send = (socket: WebSocket, m: ServerMessage) => {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(m));
};

/**
 * One WebSocket per client per event. The first message must be `hello`; until then nothing else
 * is accepted. Who the client is comes from the session cookie (facilitator, screen) or the
 * participant token in `hello` (phones).
 */
export function liveRoutes(app: App, ctx: AppContext, hub: LiveHub): void {
  app.get(
    '/api/live/:eventId',
    {
      websocket: true,
      config: { policy: { kind: 'resource', resource: 'event', action: 'read' } },
      schema: { hide: true, params: EventParams },
    },
    (socket, request) => {
      const tracked = Object.assign(socket, { isAlive: true });
      hub.sockets.add(tracked);
      socket.on('pong', () => (tracked.isAlive = true));
      let client: RoomClient | undefined;
      let leave: () => void = () => undefined;
      // A facilitator's or screen's standing comes from their session: when it ends or changes
      // (sign-out, removal, suspension, new role or organisation) the socket closes (HOLE-5).
      let watch: SessionWatch | undefined;
      const sessionEnded = () => socket.close(4003, 'session ended');
      socket.on('close', () => {
        hub.sockets.delete(tracked);
        watch?.stop();
        leave();
      });
      socket.on('error', () => socket.terminate());

      // Messages are handled in order per socket.
      let chain = Promise.resolve();
      socket.on('message', (raw) => {
        chain = chain.then(() => handle(String(raw))).catch(failed);
      });
      function failed(err: unknown): void {
        request.log.error({ err }, 'live message failed');
        send(socket, {
          type: 'error',
          error: 'internal',
          message: 'Something went wrong on our side.',
        });
      }

      async function handle(raw: string): Promise<void> {
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch {
          return send(socket, {
            type: 'error',
            error: 'malformed_json',
            message: 'Messages must be JSON.',
          });
        }
        const parsed = ClientMessage.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const id = intentIdOf(json);
          // A bad intent with a usable id is refused by id, so the sender's outbox lets go of it
          // (SYNC-1 keeps an intent until it is acknowledged or rejected) and can say why.
          if (id && issue?.path[0] === 'intent') {
            const [f] = fieldErrorsOf(
              { ...issue, path: issue.path.slice(1) },
              typeof json === 'object' && json !== null && 'intent' in json
                ? json.intent
                : undefined,
              'intent',
            );
            return send(socket, {
              type: 'reject',
              id,
              error: 'invalid_intent',
              message: `${issue.path.slice(1).join('.') || 'intent'}: ${issue.message}`,
              field: f!.field,
              code: f!.code,
              ...(f!.params && { params: f!.params }),
            });
          }
          return send(socket, {
            type: 'error',
            error: 'invalid_message',
            message: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}`,
          });
        }
        const msg = parsed.data;
        // Every message re-checks the session the socket acts under (cached ≤ 2 s).
        if (watch && !(await watch.stillValid())) return;
        if (msg.type === 'ping')
          return send(socket, { type: 'pong', t: msg.t, serverTime: ctx.now().getTime() });
        if (msg.type === 'hello') return hello(msg);
        if (!client)
          return send(socket, { type: 'error', error: 'no_hello', message: 'Say hello first.' });
        const room = await hub.loaded(request.params.eventId);
        const c = client;
        const rateLimited = {
          ok: false as const,
          error: 'rate_limited',
          message: 'Too many changes at once; wait a few seconds.',
        };
        if (c.role === 'participant' && !hub.writeBudget.take(c.clientKey, ctx.now().getTime()))
          return send(socket, { type: 'reject', id: msg.id, ...rateLimited });
        const intent = msg.intent;
        // A re-plan solves in a worker outside the room's queue and queues only its check and
        // write (replan.ts). Not awaited either: this console's next messages (its pings, a pause)
        // must not wait seconds behind the solver; the re-plan re-checks the room when it applies.
        if (intent.type === 'replan') {
          replanIntent(ctx, hub, room, c, msg.id).then(
            (outcome) => answer(msg.id, outcome),
            (err: unknown) => failed(err),
          );
          return;
        }
        let outcome: IntentOutcome;
        try {
          outcome = await room.perform(async (tx) => {
            const seen = await findIntent(tx.db, room.eventId, c.clientKey, msg.id);
            if (seen !== undefined) return { ok: true as const, seq: seen }; // a retry: already applied
            if (
              c.role === 'participant' &&
              !(await hub.withinSharedBudget(tx.db, room.eventId, c.clientKey))
            )
              return rateLimited;
            return applyIntent(ctx, room, tx, c, msg.id, intent);
          });
        } catch (err) {
          // SYNC-2's backstop: the intent's record is the primary key of live_intents. Should the
          // same intent have been recorded meanwhile (a retry through another instance), the
          // violation means "already applied", answered with the recorded sequence number.
          const seen = isUniqueViolation(err)
            ? await findIntent(ctx.db, room.eventId, c.clientKey, msg.id)
            : undefined;
          if (seen === undefined) throw err;
          outcome = { ok: true, seq: seen };
        }
        answer(msg.id, outcome);
      }

      function answer(id: string, outcome: IntentOutcome): void {
        if (outcome.ok) send(socket, { type: 'ack', id, seq: outcome.seq });
        else {
          const { ok: _ok, ...refusal } = outcome;
          send(socket, { type: 'reject', id, ...refusal });
        }
      }

      async function hello(msg: Extract<ClientMessage, { type: 'hello' }>): Promise<void> {
        if (msg.protocol !== PROTOCOL_VERSION) {
          // Which side is old decides what the page does: an old page reloads; a page newer than
          // this instance (a rolling upgrade reached it first) waits and retries — a reload would
          // only bring back the same page.
          const pageIsOlder = msg.protocol < PROTOCOL_VERSION;
          send(socket, {
            type: 'reload',
            older: pageIsOlder ? 'page' : 'server',
            serverProtocol: PROTOCOL_VERSION,
            reason: pageIsOlder
              ? `This page speaks protocol ${msg.protocol}; the server speaks ${PROTOCOL_VERSION}. Reload the page.`
              : `This server speaks protocol ${PROTOCOL_VERSION}, older than this page's ${msg.protocol}: it is being upgraded. Try again shortly.`,
          });
          socket.close(4000, pageIsOlder ? 'stale client' : 'stale server');
          return;
        }
        const eventId = request.params.eventId;
        const event = await findEvent(ctx.db, eventId);
        let who: Pick<RoomClient, 'role' | 'participantId' | 'clientKey' | 'tokenHash'> | undefined;
        if (msg.participantToken) {
          const tokenHash = hashSecret(msg.participantToken);
          const p = await participantOfToken(ctx.db, tokenHash);
          if (p && p.eventId === eventId)
            who = {
              role: 'participant',
              participantId: p.id,
              clientKey: `participant:${p.id}`,
              tokenHash,
            };
        } else if (event && request.actor.kind === 'user') {
          const access = eventAccess(event);
          if (can(request.actor, 'update', 'event', access))
            who = {
              role: 'facilitator',
              participantId: null,
              clientKey: `user:${request.actor.userId}`,
            };
          else if (can(request.actor, 'read', 'event', access))
            who = {
              role: 'screen',
              participantId: null,
              clientKey: `user:${request.actor.userId}`,
            };
        }
        if (!event || !who) {
          send(socket, {
            type: 'error',
            error: 'not_allowed',
            message: 'Join the event again: this device is not signed in to it.',
          });
          socket.close(4001, 'not allowed');
          return;
        }
        const room = await hub.loaded(eventId);
        await room.serial(async () => {
          // Several instances: what the others committed since this one last heard is read first,
          // so a phone that was on another instance resumes from its own sequence number.
          if (room.shared) await room.catchUpNow();
          const missed =
            msg.lastSeq === undefined ? undefined : room.missedSince(msg.lastSeq, who.role);
          const snapshotJson =
            missed === undefined ? await hub.snapshotJson(room, viewOf(who.role)) : undefined;
          const myCardIds =
            snapshotJson && who.participantId
              ? await hub.cardIdsOf(eventId, who.participantId)
              : undefined;
          const mine =
            snapshotJson && who.participantId
              ? await hub.learningsOf(eventId, who.participantId)
              : undefined;
          const welcome = JSON.stringify({
            type: 'welcome',
            protocol: PROTOCOL_VERSION,
            role: who.role,
            participantId: who.participantId,
            serverTime: ctx.now().getTime(),
            seq: room.seq,
            ...(myCardIds ? { myCardIds } : {}),
            ...(mine ? { myVotes: mine.votes, myLearningIds: mine.posts } : {}),
          } satisfies ServerMessage);
          // The snapshot is serialised once per room version and spliced in, not once per phone.
          socket.send(
            snapshotJson ? `${welcome.slice(0, -1)},"snapshot":${snapshotJson}}` : welcome,
          );
          for (const json of missed ?? []) socket.send(json);
          // A second hello on one socket replaces the first registration.
          if (client) room.clients.delete(client);
          client = {
            ...who,
            send: (json) => {
              if (socket.readyState === socket.OPEN) socket.send(json);
            },
            close: (code, reason) => socket.close(code, reason),
          };
          room.clients.add(client);
          if (who.role !== 'participant' && request.session && !watch)
            watch = ctx.liveSessions.watch(request.session, sessionEnded);
          const registered = client;
          leave = () => void room.clients.delete(registered);
        });
      }
    },
  );
}

/** The id of a message that claims to be an intent, when the id itself is well formed. */
function intentIdOf(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  if (!('type' in json) || json.type !== 'intent' || !('id' in json)) return undefined;
  const { id } = json;
  return typeof id === 'string' && IntentId.safeParse(id).success ? id : undefined;
}
