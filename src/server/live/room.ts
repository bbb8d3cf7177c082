import type { Change, LiveState, ServerMessage } from '../../contract/live.ts';
import { IDLE } from '../../domain/live/clock.ts';
import type { Db } from '../db/index.ts';
import { appendChange, changesSince, loadLiveState, recordIntent } from '../db/repos/live.ts';

/** A connected client as the room sees it. */
export interface RoomClient {
  role: 'facilitator' | 'screen' | 'participant';
  participantId: string | null;
  /** Whose intents these are, for idempotency: `user:<id>` or `participant:<id>`. */
  clientKey: string;
  send(json: string): void;
}

/** How many recent changes stay in memory for reconnecting clients; older ones get a snapshot. */
const RECENT = 1000;

/**
 * One live event. Every change is committed with the next sequence number before anyone hears of
 * it (nothing is broadcast that might roll back), then sent as one pre-serialised string to every
 * client. Work is serialised per room, so sequence numbers are gap-free and ordered.
 */
export class Room {
  readonly clients = new Set<RoomClient>();
  /** The snapshot serialised at one sequence number (see LiveHub.snapshotJson). */
  snapshotCache: { seq: number; json: string } | undefined;
  private recent: { seq: number; json: string }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly eventId: string,
    private readonly db: Db,
    public seq: number,
    public state: LiveState,
  ) {}

  static async load(db: Db, eventId: string): Promise<Room> {
    const stored = await loadLiveState(db, eventId);
    const state =
      stored && stored.state !== '{}' ? (JSON.parse(stored.state) as LiveState) : { ...IDLE };
    const room = new Room(eventId, db, stored?.seq ?? 0, state);
    // After a restart, clients resume from the log as if nothing happened.
    const fromSeq = Math.max(0, room.seq - RECENT);
    for (const c of await changesSince(db, eventId, fromSeq, RECENT))
      room.recent.push({ seq: c.seq, json: frame(c.seq, c.change) });
    return room;
  }

  /** Runs `work` after everything queued before it in this room. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Commits a change (and, for intents, the idempotency record) in one transaction, then
   * broadcasts it. Must run inside `serial`.
   */
  async commit(
    change: Change,
    at: Date,
    intent?: { clientKey: string; id: string },
  ): Promise<number> {
    const seq = this.seq + 1;
    const changeJson = JSON.stringify(change);
    const stateJson = change.kind === 'state' ? JSON.stringify(change.state) : null;
    await this.db.transaction().execute(async (trx) => {
      await appendChange(trx, this.eventId, seq, changeJson, stateJson, at.toISOString());
      if (intent)
        await recordIntent(trx, {
          event_id: this.eventId,
          client_key: intent.clientKey,
          intent_id: intent.id,
          seq,
          at: at.toISOString(),
        });
    });
    this.seq = seq;
    if (change.kind === 'state') this.state = change.state;
    const json = frame(seq, changeJson);
    this.recent.push({ seq, json });
    if (this.recent.length > RECENT * 1.5) this.recent = this.recent.slice(-RECENT);
    for (const c of this.clients) c.send(json);
    return seq;
  }

  /** The frames a client that saw `lastSeq` missed, or undefined when it needs a snapshot. */
  missedSince(lastSeq: number): string[] | undefined {
    if (lastSeq > this.seq) return undefined; // the client is ahead of us: its state is not ours
    if (lastSeq === this.seq) return [];
    const first = this.recent[0];
    if (!first || first.seq > lastSeq + 1) return undefined;
    return this.recent.filter((r) => r.seq > lastSeq).map((r) => r.json);
  }
}

function frame(seq: number, changeJson: string): string {
  // Built by hand so a change is serialised once, not once per client.
  return `{"type":"change","seq":${seq},"change":${changeJson}}`;
}

export const encode = (m: ServerMessage) => JSON.stringify(m);
