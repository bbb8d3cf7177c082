import type { Transaction } from 'kysely';
import type { Change, LiveState } from '../../contract/live.ts';
import { IDLE } from '../../domain/live/clock.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import { appendChange, changesSince, loadLiveState, recordIntent } from '../db/repos/live.ts';

export type Role = 'facilitator' | 'screen' | 'participant';

/** A connected client as the room sees it. */
export interface RoomClient {
  role: Role;
  participantId: string | null;
  /** Whose intents these are, for idempotency: `user:<id>` or `participant:<id>`. */
  clientKey: string;
  send(json: string): void;
}

/**
 * Who sees what: a card's author (participant id) goes to facilitators only (PRIV-1 in
 * docs/sync-spec.md). Everything else is the same for every client.
 */
export type View = 'full' | 'redacted';
export const viewOf = (role: Role): View => (role === 'facilitator' ? 'full' : 'redacted');

export function redact(change: Change, view: View): Change {
  if (view === 'full' || change.kind !== 'card') return change;
  return { kind: 'card', card: { ...change.card, participantId: null } };
}

/** How many recent changes stay in memory for reconnecting clients; older ones get a snapshot. */
const RECENT = 1000;

interface Entry {
  seq: number;
  change: Change;
  frames: Partial<Record<View, string>>;
}

/**
 * One live event. Every change is committed with the next sequence number before anyone hears of
 * it (nothing is broadcast that might roll back), then sent as a pre-serialised frame per view.
 * Work is serialised per room, so sequence numbers are gap-free and ordered.
 */
export class Room {
  readonly clients = new Set<RoomClient>();
  /** The snapshot serialised at one sequence number, per view (see LiveHub.snapshotJson). */
  snapshotCache: Partial<Record<View, { seq: number; json: string }>> = {};
  private recent: Entry[] = [];
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
      room.recent.push({ seq: c.seq, change: JSON.parse(c.change) as Change, frames: {} });
    return room;
  }

  /** Runs `work` after everything queued before it in this room. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Commits a change — with the idempotency record of the intent that caused it and the caller's
   * own writes — in one transaction, then broadcasts it. Must run inside `serial`.
   */
  async commit(
    change: Change,
    at: Date,
    intent?: { clientKey: string; id: string },
    write?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<number> {
    const seq = this.seq + 1;
    const stateJson = change.kind === 'state' ? JSON.stringify(change.state) : null;
    const iso = at.toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (write) await write(trx);
      await appendChange(trx, this.eventId, seq, JSON.stringify(change), stateJson, iso);
      if (intent)
        await recordIntent(trx, {
          event_id: this.eventId,
          client_key: intent.clientKey,
          intent_id: intent.id,
          seq,
          at: iso,
        });
    });
    this.seq = seq;
    if (change.kind === 'state') this.state = change.state;
    const entry: Entry = { seq, change, frames: {} };
    this.recent.push(entry);
    if (this.recent.length > RECENT * 1.5) this.recent = this.recent.slice(-RECENT);
    for (const c of this.clients) c.send(frameOf(entry, viewOf(c.role)));
    return seq;
  }

  /** The frames a client that saw `lastSeq` missed, or undefined when it needs a snapshot. */
  missedSince(lastSeq: number, role: Role): string[] | undefined {
    if (lastSeq > this.seq) return undefined; // the client is ahead of us: its state is not ours
    if (lastSeq === this.seq) return [];
    const first = this.recent[0];
    if (!first || first.seq > lastSeq + 1) return undefined;
    return this.recent.filter((r) => r.seq > lastSeq).map((r) => frameOf(r, viewOf(role)));
  }
}

function frameOf(entry: Entry, view: View): string {
  // Serialised once per view, not once per client.
  entry.frames[view] ??= JSON.stringify({
    type: 'change',
    seq: entry.seq,
    change: redact(entry.change, view),
  });
  return entry.frames[view];
}
