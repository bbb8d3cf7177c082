import { z } from 'zod';
import { EventDetail, Participant } from './events.ts';
import { Card, CardIntents, HandoverNote } from './cards.ts';
import { Learning, LearningIntents, LearningTheme } from './learnings.ts';
import { PatternIntents } from './patterns.ts';
import { FieldErrorParams, notTextAt } from './common.ts';
import { PhoneRouteFields } from './atlas.ts';

/**
 * The live protocol between a room's server and its clients (phones, projector, console), over one
 * WebSocket per client. Server-authoritative:
 * - every change carries the room's sequence number; a client that reconnects says the last one it
 *   saw and receives exactly what it missed, or a fresh snapshot when too far behind;
 * - a client intent carries a client-made id: a retry after a dropped connection is applied once
 *   and answered with the same ack;
 * - the first message is `hello` with the protocol version. On a mismatch the server answers
 *   `reload` saying which side is old (`older`) and its own version: a page older than the server
 *   reloads (once); a page newer than the server (it reached an instance not yet upgraded, during a
 *   rolling upgrade) waits and tries again with backoff instead of reloading into the same page.
 */
export { PROTOCOL_VERSION } from './constants.ts';

/** What a screen needs to show the room now. Times are server epoch milliseconds. */
export const LiveState = z.object({
  sessionId: z.string().nullable(),
  /** 0-based round of the current session. */
  round: z.number().int(),
  status: z.enum(['idle', 'running', 'paused', 'finished']),
  /** When the running round ends (server clock); null unless running. */
  endsAt: z.number().nullable(),
  /** Time left when paused. */
  remainingMs: z.number().nullable(),
  /** `expiresAt`: when phones and projector stop showing it (server clock); null: until cleared. */
  message: z
    .object({ text: z.string(), at: z.number(), expiresAt: z.number().nullable().optional() })
    .nullable(),
});
export type LiveState = z.infer<typeof LiveState>;

export const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('state'), state: LiveState }),
  z.object({ kind: z.literal('event'), event: EventDetail }),
  z.object({ kind: z.literal('participant'), participant: Participant }),
  /** Removed from the event (issue 12): clients drop them from their list. */
  z.object({ kind: z.literal('participantRemoved'), participantId: z.string() }),
  z.object({ kind: z.literal('card'), card: Card }),
  z.object({ kind: z.literal('handover'), note: HandoverNote }),
  /**
   * Posts of the learnings wall, changed together (a merge changes two). `removed`: posts this
   * client may no longer show (hidden by a facilitator; LEARN-4).
   */
  z.object({
    kind: z.literal('learnings'),
    learnings: z.array(Learning),
    removed: z.array(z.string()).optional(),
  }),
  z.object({ kind: z.literal('learningTheme'), theme: LearningTheme }),
]);
export type Change = z.infer<typeof Change>;

export const Snapshot = z.object({
  event: EventDetail,
  participants: z.array(Participant),
  state: LiveState,
  cards: z.array(Card),
  handovers: z.array(HandoverNote),
  /** The learnings wall (issue 14): hidden posts only in facilitators' snapshots (LEARN-4). */
  learnings: z.array(Learning).optional(),
  learningThemes: z.array(LearningTheme).optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** An intent's client-made id (SYNC-2). */
export const IntentId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const Intent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('startSession'), sessionId: z.string() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('extend'), seconds: z.number().int().min(-600).max(1800) }),
  z.object({ type: z.literal('nextRound') }),
  z.object({ type: z.literal('finish') }),
  z.object({
    type: z.literal('broadcast'),
    text: z.string().trim().max(280),
    /** Show for this many minutes (issue 12); omitted: until cleared. */
    minutes: z.number().int().min(1).max(480).optional(),
  }),
  z.object({
    type: z.literal('setPresence'),
    participantId: z.string(),
    status: z.enum(['present', 'absent']),
  }),
  z.object({ type: z.literal('replan') }),
  z.object({ type: z.literal('addRoute'), ...PhoneRouteFields }),
  ...CardIntents,
  ...LearningIntents,
  ...PatternIntents,
]);
export type Intent = z.infer<typeof Intent>;

export const ClientMessage = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('hello'),
      protocol: z.number().int(),
      /** The last sequence number this client applied; omitted on a first connection. */
      lastSeq: z.number().int().nonnegative().optional(),
      /** A participant's token (phones); facilitators and screens use their session cookie. */
      participantToken: z.string().max(200).optional(),
    }),
    z.object({ type: z.literal('intent'), id: IntentId, intent: Intent }),
    z.object({ type: z.literal('ping'), t: z.number() }),
  ])
  // Lone surrogates and NULs are not text (common.ts): refused in every string of every message,
  // at its path.
  .superRefine((m, ctx) => {
    const at = notTextAt(m);
    if (at)
      ctx.addIssue({
        code: 'custom',
        path: at.path,
        message: at.message,
        params: { code: at.code },
      });
  });
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocol: z.number(),
    role: z.enum(['facilitator', 'screen', 'participant']),
    participantId: z.string().nullable(),
    serverTime: z.number(),
    seq: z.number(),
    /** Present when the client is new or too far behind to catch up change by change. */
    snapshot: Snapshot.optional(),
    /** With a snapshot, for a participant: the cards they wrote (they may edit and delete them). */
    myCardIds: z.array(z.string()).optional(),
    /** With a snapshot, for a participant: the posts they voted for (LEARN-2) and wrote. */
    myVotes: z.array(z.string()).optional(),
    myLearningIds: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal('change'), seq: z.number(), change: Change }),
  z.object({ type: z.literal('ack'), id: z.string(), seq: z.number() }),
  z.object({
    type: z.literal('reject'),
    id: z.string(),
    error: z.string(),
    message: z.string(),
    /** For `invalid_intent`: the bad field of the intent (`text`), its code and values. */
    field: z.string().optional(),
    code: z.string().optional(),
    params: FieldErrorParams.optional(),
  }),
  z.object({ type: z.literal('pong'), t: z.number(), serverTime: z.number() }),
  z.object({
    type: z.literal('reload'),
    reason: z.string(),
    /**
     * Which side speaks the older protocol. `server`: the page must not reload (it would get the
     * same page back) but retry later. Absent from servers that predate it (protocol 1).
     */
    older: z.enum(['page', 'server']).optional(),
    /** The protocol the server speaks (absent: 1). */
    serverProtocol: z.number().int().optional(),
  }),
  z.object({ type: z.literal('error'), error: z.string(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
