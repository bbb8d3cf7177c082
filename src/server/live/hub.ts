import type { Change, Snapshot } from '../../contract/live.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { findEvent, listParticipants, listSessions, listTables } from '../db/repos/events.ts';
import { presentEvent, presentParticipant } from '../events/present.ts';
import { apply } from '../../core/clock.ts';
import { LIVE_CHANNEL, Room, type View } from './room.ts';
import { SlidingWindow } from '../auth/throttle.ts';
import { cardIdsOf, listCards, listHandovers } from '../db/repos/cards.ts';
import { intentsSince } from '../db/repos/live.ts';
import { presentCard, presentHandover } from '../events/present.ts';
import type { ChangeBus } from '../bus/bus.ts';
import { PlanJobs } from '../planning/jobs.ts';
import { readWall } from '../learnings/present.ts';
import { mineOf } from '../db/repos/learnings.ts';

/** LIMIT-1: each participant or user may send 30 intents per 10 seconds. */
const WRITE_BUDGET = { max: 30, windowMs: 10_000 };

/**
 * All live rooms of this process, loaded on first use. With several instances on one PostgreSQL
 * database, each instance has its own rooms; `bus` tells them what the others committed.
 */
export class LiveHub {
  private readonly rooms = new Map<string, Promise<Room>>();
  private heartbeat: NodeJS.Timeout | undefined;
  /** Flooding guard (LIMIT-1), in this process; `withinSharedBudget` counts across instances. */
  readonly writeBudget = new SlidingWindow(WRITE_BUDGET.max, WRITE_BUDGET.windowMs);
  readonly sockets = new Set<{ isAlive: boolean; ping(): void; terminate(): void }>();
  /** Rooms are written by several instances (PostgreSQL): see `Room`. */
  readonly shared: boolean;
  /** Plans and re-plans being computed in worker threads, one per session (planning/jobs.ts). */
  readonly plans = new PlanJobs();

  constructor(
    private readonly ctx: AppContext,
    bus?: ChangeBus,
  ) {
    this.shared = ctx.backend === 'postgres';
    bus?.on(LIVE_CHANNEL, (payload) => this.heard(payload));
    // Notifications sent while the listening connection was down are lost: read the logs.
    bus?.onReconnect(() => this.refreshAll());
  }

  /**
   * The event's room, up to date with the database: on a shared database it first reads what
   * other instances committed (for callers that decide on `room.state`, like the REST API).
   */
  async room(eventId: string): Promise<Room> {
    const room = await this.loaded(eventId);
    if (this.shared) await room.refresh();
    return room;
  }

  /** The event's room as this process has it (its work catches up by itself: `Room.perform`). */
  loaded(eventId: string): Promise<Room> {
    let r = this.rooms.get(eventId);
    if (!r) {
      r = Room.load(this.ctx.db, eventId, this.shared).then((room) => {
        room.onApplied = (c) => {
          if (c.kind === 'state') this.timeMessage(room);
        };
        this.timeMessage(room);
        return room;
      });
      r.catch(() => this.rooms.delete(eventId));
      this.rooms.set(eventId, r);
    }
    return r;
  }

  private readonly expiry = new Map<string, NodeJS.Timeout>();

  /**
   * A message shown "for 10 minutes" is cleared by the server when its time is up (server clock),
   * as a state change: phones and projectors connected then, reconnecting later or loading a
   * snapshot all stop showing it. Timed again whenever the room's state changes and on load (a
   * restart past the expiry clears it at once).
   */
  private timeMessage(room: Room): void {
    clearTimeout(this.expiry.get(room.eventId));
    this.expiry.delete(room.eventId);
    const at = room.state.message?.expiresAt;
    if (!at) return;
    const timer = setTimeout(
      () => void this.expireMessage(room.eventId).catch(() => undefined),
      Math.max(0, at - this.ctx.now().getTime()),
    );
    timer.unref();
    this.expiry.set(room.eventId, timer);
  }

  /** Clears the room's message if its time is up (by the injectable clock); true when it did. */
  async expireMessage(eventId: string): Promise<boolean> {
    const room = await this.loaded(eventId);
    return room.perform(async (tx) => {
      const now = this.ctx.now();
      const out = apply(room.state, { type: 'expireMessage' }, now.getTime());
      if (!out.ok) return false;
      await tx.commit({ kind: 'state', state: out.state }, now);
      return true;
    });
  }

  /** Commits and broadcasts a change made outside the socket (REST set-up, joins). */
  async publish(eventId: string, change: Change): Promise<number> {
    const room = await this.loaded(eventId);
    return room.perform((tx) => tx.commit(change, this.ctx.now()));
  }

  /**
   * LIMIT-1 across instances: a participant whose phone reconnects to another instance brings no
   * budget with it, so on a shared database the intents this client had applied in the window,
   * by any instance, count too. Call inside `room.perform` (the room's lock is held).
   */
  async withinSharedBudget(db: Db, eventId: string, clientKey: string): Promise<boolean> {
    if (!this.shared) return true;
    const since = new Date(this.ctx.now().getTime() - WRITE_BUDGET.windowMs).toISOString();
    return (await intentsSince(db, eventId, clientKey, since)) < WRITE_BUDGET.max;
  }

  /** Another instance (or this one) committed `seq` in a room: read it if the room is loaded. */
  private async heard(payload: string): Promise<void> {
    const p: unknown = JSON.parse(payload);
    if (typeof p !== 'object' || p === null || !('event' in p) || !('seq' in p)) return;
    const { event, seq } = p;
    if (typeof event !== 'string' || typeof seq !== 'number') return;
    const loading = this.rooms.get(event);
    if (!loading) return; // not loaded here: it reads the log when it is
    const room = await loading;
    if (seq > room.seq) await room.refresh();
  }

  private async refreshAll(): Promise<void> {
    const results = await Promise.allSettled(
      [...this.rooms.values()].map(async (loading) => (await loading).refresh()),
    );
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /**
   * The room's snapshot as JSON, built once per sequence number and view: when a room full of
   * phones reconnects after the Wi-Fi drops, the database is read once, not once per phone.
   */
  async snapshotJson(room: Room, view: View): Promise<string | undefined> {
    const cached = room.snapshotCache[view];
    if (cached?.seq === room.seq) return cached.json;
    const snap = await this.snapshot(room, view);
    if (!snap) return undefined;
    room.snapshotCache[view] = { seq: room.seq, json: JSON.stringify(snap) };
    return room.snapshotCache[view].json;
  }

  async snapshot(room: Room, view: View): Promise<Snapshot | undefined> {
    const e = await findEvent(this.ctx.db, room.eventId);
    if (!e) return undefined;
    const [participants, tables, sessions, cards, handovers, wall] = await Promise.all([
      listParticipants(this.ctx.db, room.eventId),
      listTables(this.ctx.db, room.eventId),
      listSessions(this.ctx.db, room.eventId),
      listCards(this.ctx.db, room.eventId),
      listHandovers(this.ctx.db, room.eventId),
      readWall(this.ctx.db, room.eventId),
    ]);
    return {
      event: presentEvent(e, { tables, sessions, participantCount: participants.length }),
      // Live messages never carry emails: phones see names, organisations and sectors only.
      participants: participants.map((p) => presentParticipant(p, false)),
      state: room.state,
      cards: cards.map((c) => {
        const card = presentCard(c);
        return view === 'full' ? card : { ...card, participantId: null };
      }),
      handovers: handovers.map(presentHandover),
      // LEARN-4: hidden posts only for facilitators.
      learnings: view === 'full' ? wall.learnings : wall.learnings.filter((l) => !l.hidden),
      learningThemes: wall.themes,
    };
  }

  /** The posts a participant voted for and wrote (LEARN-2), for their phone's welcome. */
  learningsOf(
    eventId: string,
    participantId: string,
  ): Promise<{ votes: string[]; posts: string[] }> {
    return mineOf(this.ctx.db, eventId, participantId);
  }

  /** The cards a participant wrote, so their phone knows which it may edit. */
  cardIdsOf(eventId: string, participantId: string): Promise<string[]> {
    return cardIdsOf(this.ctx.db, eventId, participantId);
  }

  /** Dead sockets (a phone that walked out of Wi-Fi range) are found by missing pongs. */
  startHeartbeat(intervalMs = 15_000): void {
    this.heartbeat = setInterval(() => {
      for (const s of this.sockets) {
        if (!s.isAlive) {
          s.terminate();
          this.sockets.delete(s);
          continue;
        }
        s.isAlive = false;
        s.ping();
      }
    }, intervalMs);
    this.heartbeat.unref();
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const t of this.expiry.values()) clearTimeout(t);
    this.plans.stopAll();
    for (const s of this.sockets) s.terminate();
  }
}
