import type { Change, Snapshot } from '../../contract/live.ts';
import type { AppContext } from '../context.ts';
import { findEvent, listParticipants } from '../db/repos/events.ts';
import { presentEvent, presentParticipant } from '../api/events/present.ts';
import { Room, type View } from './room.ts';
import { SlidingWindow } from '../auth/throttle.ts';
import { listCards, listHandovers } from '../db/repos/cards.ts';
import { presentCard } from './cards.ts';

/** All live rooms of this process, loaded on first use. */
export class LiveHub {
  private readonly rooms = new Map<string, Promise<Room>>();
  private heartbeat: NodeJS.Timeout | undefined;
  /** Flooding guard: each participant or user may send 30 intents per 10 seconds. */
  readonly writeBudget = new SlidingWindow(30, 10_000);
  readonly sockets = new Set<{ isAlive: boolean; ping(): void; terminate(): void }>();

  constructor(private readonly ctx: AppContext) {}

  room(eventId: string): Promise<Room> {
    let r = this.rooms.get(eventId);
    if (!r) {
      r = Room.load(this.ctx.db, eventId);
      r.catch(() => this.rooms.delete(eventId));
      this.rooms.set(eventId, r);
    }
    return r;
  }

  /** Commits and broadcasts a change made outside the socket (REST set-up, joins). */
  async publish(eventId: string, change: Change): Promise<number> {
    const room = await this.room(eventId);
    return room.serial(() => room.commit(change, this.ctx.now()));
  }

  async publishEvent(eventId: string): Promise<void> {
    const e = await findEvent(this.ctx.db, eventId);
    if (e)
      await this.publish(eventId, { kind: 'event', event: await presentEvent(this.ctx.db, e) });
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
    const [participants, cards, handovers] = await Promise.all([
      listParticipants(this.ctx.db, room.eventId),
      listCards(this.ctx.db, room.eventId),
      listHandovers(this.ctx.db, room.eventId),
    ]);
    return {
      event: await presentEvent(this.ctx.db, e),
      // Live messages never carry emails: phones see names, organisations and sectors only.
      participants: participants.map((p) => presentParticipant(p, false)),
      state: room.state,
      cards: cards.map((c) => {
        const card = presentCard(c);
        return view === 'full' ? card : { ...card, participantId: null };
      }),
      handovers: handovers.map((h) => ({
        issueKey: h.issue_key,
        text: h.text,
        tableId: h.table_id,
        round: h.round === null ? null : Number(h.round),
        at: Date.parse(h.at),
      })),
    };
  }

  /** The cards a participant wrote, so their phone knows which it may edit. */
  async cardIdsOf(eventId: string, participantId: string): Promise<string[]> {
    const rows = await this.ctx.db
      .selectFrom('cards')
      .select('id')
      .where('event_id', '=', eventId)
      .where('participant_id', '=', participantId)
      .execute();
    return rows.map((r) => r.id);
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
    for (const s of this.sockets) s.terminate();
  }
}
