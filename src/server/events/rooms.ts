/**
 * What the events service needs from a live room, declared here so that `events` does not import
 * `live` (live imports events: no cycle between folders). `live/room.ts` and `live/hub.ts`
 * implement these.
 *
 * Every change to a session, its plan, the tables or the roster goes through `EventRoom.perform`:
 * the room's serial queue (on PostgreSQL, also its row lock), so the checks on the room's state,
 * the write and the change's sequence number commit together (issue 11, point 3).
 */
import type { Transaction } from 'kysely';
import type { Change, LiveState } from '../../contract/live.ts';
import type { Db } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
import type { PlanJobs } from '../planning/jobs.ts';

export interface IntentKey {
  clientKey: string;
  id: string;
}

/**
 * A change to commit: given, or built inside the commit's transaction after the caller's writes
 * (so that what is broadcast is what was written, read back in the same transaction).
 */
export type ChangeOf = Change | ((trx: Transaction<Database>) => Promise<Change>);

/** What one piece of room work reads with and writes through (see `EventRoom.perform`). */
export interface RoomTx {
  /**
   * Reads that decide what to write. On a shared database this is the room's transaction, which
   * holds the room's lock: nothing another instance commits can slip in between.
   */
  readonly db: Db;
  /**
   * Commits a change under the next sequence number, with the idempotency record of the intent
   * that caused it and the caller's own writes (`write`), and broadcasts it once committed.
   */
  commit(
    change: ChangeOf,
    at: Date,
    intent?: IntentKey,
    write?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<number>;
  /**
   * SYNC-2: records an intent that changed nothing in the room; returns the sequence number it is
   * acked with. `write` (optional) runs in the same transaction: a record the room does not show
   * (an experience pattern) is stored exactly once with its intent, and nothing is broadcast.
   */
  unchanged(
    intent: IntentKey,
    at: string,
    write?: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<number>;
}

export interface EventRoom {
  readonly eventId: string;
  /** The room's state as of the last change this process applied; inside `perform`, the latest. */
  readonly state: LiveState;
  readonly seq: number;
  /** Runs `work` in the room's serial queue, against the room's latest state. */
  perform<T>(work: (tx: RoomTx) => Promise<T>): Promise<T>;
  /** Closes a participant's connections from other devices than the one holding `keptTokenHash`. */
  endOtherSeats(participantId: string, keptTokenHash: string): void;
}

export interface Rooms {
  /** The event's room as this process has it (its work catches up by itself). */
  loaded(eventId: string): Promise<EventRoom>;
  /** The event's room, up to date with the database (for a fast check before the queued one). */
  room(eventId: string): Promise<EventRoom>;
  /** Plans and re-plans being computed in worker threads, one per session. */
  readonly plans: PlanJobs;
}
