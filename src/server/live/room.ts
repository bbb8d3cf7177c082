import type { Transaction } from 'kysely';
import type { Change, LiveState } from '../../contract/live.ts';
import { IDLE } from '../../core/clock.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import {
  appendChange,
  changesSince,
  loadLiveState,
  notify,
  recordIntent,
  storedSeq,
} from '../db/repos/live.ts';
import type { ChangeOf, IntentKey, RoomTx } from '../events/rooms.ts';

export type { IntentKey, RoomTx };

export type Role = 'facilitator' | 'screen' | 'participant';

/** The PostgreSQL channel on which a committed change is announced: `{"event":id,"seq":n}`. */
export const LIVE_CHANNEL = 'mosaic_live';

/** A connected client as the room sees it. */
export interface RoomClient {
  role: Role;
  participantId: string | null;
  /** Whose intents these are, for idempotency: `user:<id>` or `participant:<id>`. */
  clientKey: string;
  /** A phone's device token (hashed): the seat it holds, until the seat moves to another phone. */
  tokenHash?: string;
  send(json: string): void;
  /** Ends the connection (the client reconnects and is told why). */
  close?(code: number, reason: string): void;
}

/**
 * Who sees what: a card's author (participant id) goes to facilitators only (PRIV-1 in
 * docs/sync-spec.md). Everything else is the same for every client.
 */
export type View = 'full' | 'redacted';
export const viewOf = (role: Role): View => (role === 'facilitator' ? 'full' : 'redacted');

export function redact(change: Change, view: View): Change {
  if (view === 'full') return change;
  if (change.kind === 'card')
    return { kind: 'card', card: { ...change.card, participantId: null } };
  // LEARN-4: a hidden post leaves phones and projectors (facilitators still see it, to unhide it).
  if (change.kind === 'learnings' && change.learnings.some((l) => l.hidden))
    return {
      kind: 'learnings',
      learnings: change.learnings.filter((l) => !l.hidden),
      removed: change.learnings.filter((l) => l.hidden).map((l) => l.id),
    };
  return change;
}

/** How many recent changes stay in memory for reconnecting clients; older ones get a snapshot. */
const RECENT = 1000;
/** Changes read from the log per query when catching up. */
const PAGE = 500;
/** A write that keeps finding the room moved on (another process on the same SQLite file). */
const MAX_ATTEMPTS = 20;

interface Entry {
  seq: number;
  change: Change;
  frames: Partial<Record<View, string>>;
}

/** The room moved on in the database (another writer) since this process last looked. */
class RoomBehind extends Error {}

/**
 * One live event. Every change is committed with the next sequence number before anyone hears of
 * it (nothing is broadcast that might roll back), then sent as a pre-serialised frame per view.
 * Work is serialised per room, so sequence numbers are gap-free and ordered.
 *
 * With several instances on one PostgreSQL database (`shared`), each instance has its own `Room`
 * for the event. Then every piece of work runs in one transaction that first locks the event's
 * `live_state` row and reads the changes other instances committed since this room last looked
 * (applying and broadcasting them), so the work decides on the latest state and takes the next
 * sequence number from the database. A commit is announced with NOTIFY (ids only); the other
 * instances read the change from `live_changes` (see `refresh`). On SQLite one process owns the
 * room and reads happen outside the short commit transaction, as they always did.
 */
export class Room {
  readonly clients = new Set<RoomClient>();
  /** The snapshot serialised at one sequence number, per view (see LiveHub.snapshotJson). */
  snapshotCache: Partial<Record<View, { seq: number; json: string }>> = {};
  private recent: Entry[] = [];
  /** Told of every change applied (the hub times message expiry from it). */
  onApplied: ((change: Change) => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly eventId: string,
    private readonly db: Db,
    public seq: number,
    public state: LiveState,
    /** Several instances may write this room (PostgreSQL). */
    readonly shared: boolean,
  ) {}

  static async load(db: Db, eventId: string, shared = false): Promise<Room> {
    const stored = await loadLiveState(db, eventId);
    const state = stored?.state ?? { ...IDLE };
    const room = new Room(eventId, db, stored?.seq ?? 0, state, shared);
    // After a restart, clients resume from the log as if nothing happened.
    const fromSeq = Math.max(0, room.seq - RECENT);
    for (const c of await changesSince(db, eventId, fromSeq, RECENT))
      // Another instance may have committed since live_state was read: `refresh` brings those.
      if (c.seq <= room.seq) room.recent.push({ seq: c.seq, change: c.change, frames: {} });
    return room;
  }

  /** Runs `work` after everything queued before it in this room. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs a piece of work that may commit changes — an intent, a change published by the REST API —
   * in the room's serial queue, against the room's latest state (see the class comment).
   */
  /** Closes the connections a participant holds with any device token but `keptTokenHash`. */
  endOtherSeats(participantId: string, keptTokenHash: string): void {
    for (const c of this.clients)
      if (c.participantId === participantId && c.tokenHash !== keptTokenHash)
        c.close?.(4001, 'seat moved');
  }

  perform<T>(work: (tx: RoomTx) => Promise<T>): Promise<T> {
    return this.serial(() => (this.shared ? this.performShared(work) : this.performLocal(work)));
  }

  private pendingRefresh: Promise<number> | undefined;

  /**
   * Applies and broadcasts what other instances committed since this room last looked. Calls
   * made while one is still waiting in the queue share it (a burst of notifications is one read).
   */
  refresh(): Promise<number> {
    this.pendingRefresh ??= this.serial(() => {
      this.pendingRefresh = undefined;
      return this.catchUp(this.db);
    });
    return this.pendingRefresh;
  }

  /** `refresh` for work already running in the room's serial queue. */
  catchUpNow(): Promise<number> {
    return this.catchUp(this.db);
  }

  /** The frames a client that saw `lastSeq` missed, or undefined when it needs a snapshot. */
  missedSince(lastSeq: number, role: Role): string[] | undefined {
    if (lastSeq > this.seq) return undefined; // the client is ahead of us: its state is not ours
    if (lastSeq === this.seq) return [];
    const first = this.recent[0];
    if (!first || first.seq > lastSeq + 1) return undefined;
    return this.recent.filter((r) => r.seq > lastSeq).map((r) => frameOf(r, viewOf(role)));
  }

  /** Reads changes after `this.seq` from the log, applies and broadcasts them. In `serial` only. */
  private async catchUp(db: Db): Promise<number> {
    let applied = 0;
    for (;;) {
      const rows = await changesSince(db, this.eventId, this.seq, PAGE);
      for (const r of rows) {
        // Commits of a room are serialised (the row lock), so the log has no holes; stop at one.
        if (r.seq !== this.seq + 1) return applied;
        this.applied({ seq: r.seq, change: r.change, frames: {} });
        applied++;
      }
      if (rows.length < PAGE) return applied;
    }
  }

  /** A committed change: now the room's latest, kept for resuming clients, sent to everyone. */
  private applied(entry: Entry): void {
    this.seq = entry.seq;
    if (entry.change.kind === 'state') this.state = entry.change.state;
    this.recent.push(entry);
    if (this.recent.length > RECENT * 1.5) this.recent = this.recent.slice(-RECENT);
    for (const c of this.clients) c.send(frameOf(entry, viewOf(c.role)));
    this.onApplied?.(entry.change);
  }

  /**
   * One process owns the room: reads go to the database directly, each commit is its own short
   * transaction, as they always did. Should the log have moved on all the same (another process
   * on the same SQLite file), the commit writes nothing, the room catches up and the work runs
   * again on the state it finds.
   */
  private async performLocal<T>(work: (tx: RoomTx) => Promise<T>): Promise<T> {
    const tx: RoomTx = {
      db: this.db,
      commit: async (changeOf, at, intent, write) => {
        const seq = this.seq + 1;
        const iso = at.toISOString();
        const change = await this.db.transaction().execute(async (trx) => {
          const stored = await storedSeq(trx, this.eventId, false);
          if (stored.seq !== this.seq) throw new RoomBehind();
          return writeChange(trx, this.eventId, seq, changeOf, iso, stored.exists, intent, write);
        });
        this.applied({ seq, change, frames: {} });
        return seq;
      },
      unchanged: async (intent, at, write) => {
        await this.db.transaction().execute(async (trx) => {
          if ((await storedSeq(trx, this.eventId, false)).seq !== this.seq) throw new RoomBehind();
          if (write) await write(trx);
          await recordIntent(trx, intentRow(this.eventId, intent, this.seq, at));
        });
        return this.seq;
      },
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(tx);
      } catch (err) {
        if (!(err instanceof RoomBehind) || attempt >= MAX_ATTEMPTS) throw err;
        await this.catchUp(this.db);
      }
    }
  }

  /**
   * Several instances share the room: the work runs in one transaction that holds the event's
   * `live_state` row lock from the first statement, catches up with the log under it, reads and
   * writes through it, and announces its commits with NOTIFY. Its own changes are applied and
   * broadcast only after the transaction committed (SYNC-8).
   */
  private async performShared<T>(work: (tx: RoomTx) => Promise<T>): Promise<T> {
    const mine: Entry[] = [];
    const result = await this.db.transaction().execute(async (trx) => {
      const stored = await storedSeq(trx, this.eventId, true);
      if (stored.seq > this.seq) await this.catchUp(trx);
      if (stored.seq !== this.seq)
        throw new Error(
          `live room ${this.eventId}: the log ends at ${this.seq} but live_state says ${stored.seq}`,
        );
      const next = () => this.seq + mine.length + 1;
      const tx: RoomTx = {
        db: trx,
        commit: async (changeOf, at, intent, write) => {
          const seq = next();
          const iso = at.toISOString();
          const change = await writeChange(
            trx,
            this.eventId,
            seq,
            changeOf,
            iso,
            true,
            intent,
            write,
          );
          mine.push({ seq, change, frames: {} });
          return seq;
        },
        unchanged: async (intent, at, write) => {
          const seq = next() - 1;
          if (write) await write(trx);
          await recordIntent(trx, intentRow(this.eventId, intent, seq, at));
          return seq;
        },
      };
      const out = await work(tx);
      const last = mine.at(-1);
      // Delivered to every listening instance when (and only if) this transaction commits.
      if (last)
        await notify(trx, LIVE_CHANNEL, JSON.stringify({ event: this.eventId, seq: last.seq }));
      return out;
    });
    for (const entry of mine) this.applied(entry);
    return result;
  }
}

/**
 * One change in the log, in the caller's transaction: the caller's own writes, the change under
 * `seq` (with the room's state when it is a state change), and the intent that caused it (SYNC-2).
 */
async function writeChange(
  trx: Transaction<Database>,
  eventId: string,
  seq: number,
  changeOf: ChangeOf,
  at: string,
  stateRowExists: boolean,
  intent: IntentKey | undefined,
  write: ((trx: Transaction<Database>) => Promise<void>) | undefined,
): Promise<Change> {
  if (write) await write(trx);
  // Built after the writes, in their transaction: what is broadcast is what was written.
  const change = typeof changeOf === 'function' ? await changeOf(trx) : changeOf;
  await appendChange(trx, eventId, seq, change, at, stateRowExists);
  if (intent) await recordIntent(trx, intentRow(eventId, intent, seq, at));
  return change;
}

const intentRow = (eventId: string, intent: IntentKey, seq: number, at: string) => ({
  event_id: eventId,
  client_key: intent.clientKey,
  intent_id: intent.id,
  seq,
  at,
});

function frameOf(entry: Entry, view: View): string {
  // Serialised once per view, not once per client.
  entry.frames[view] ??= JSON.stringify({
    type: 'change',
    seq: entry.seq,
    change: redact(entry.change, view),
  });
  return entry.frames[view];
}
