import type { Db } from '../index.ts';
import { deleteExpiredSessions } from './accounts.ts';
import { ofEvent } from './scoped.ts';

/**
 * How long a live room's log (`live_changes`) is kept: a phone that was away for less (a night,
 * a weekend between two days of one event) resumes change by change from its last sequence number;
 * one that comes back later is behind the oldest change kept and gets a fresh snapshot of the room
 * instead (live/room.ts `missedSince`), which is the log compacted — the room's tables as they are.
 */
export const LIVE_CHANGES_KEEP_MS = 3 * 24 * 3_600_000;

/**
 * How long an applied intent's id is remembered (`live_intents`, SYNC-2: a retry is applied once).
 * Longer than the log: a phone keeps an unsent intent in its outbox across reloads and days
 * offline, and a retry after its id was forgotten would apply it twice.
 */
export const LIVE_INTENTS_KEEP_MS = 30 * 24 * 3_600_000;

/** Sign-in back-off rows a failure-free day has forgotten (auth/backoff.ts `forgetMs`). */
export const BACKOFF_KEEP_MS = 24 * 3_600_000;

/** Per-address request counts: windows are a minute; a day covers any configured window. */
export const RATE_COUNTS_KEEP_MS = 24 * 3_600_000;

export interface Pruned {
  sessions: number;
  liveChanges: number;
  liveIntents: number;
  backoff: number;
  rateCounts: number;
}

/** Deletes what is past keeping at `now` (an injectable clock's time). */
export async function pruneStaleRows(db: Db, now: Date): Promise<Pruned> {
  const t = now.getTime();
  const iso = (ms: number) => new Date(t - ms).toISOString();
  const sessions = await deleteExpiredSessions(db, now.toISOString());
  let liveChanges = 0;
  let liveIntents = 0;
  // Per event, through the one door to an event's rows (repos/scoped.ts).
  for (const { id } of await db.selectFrom('events').select('id').execute()) {
    const c = await ofEvent(db, 'live_changes', id)
      .delete()
      .where('at', '<', iso(LIVE_CHANGES_KEEP_MS))
      .executeTakeFirst();
    const i = await ofEvent(db, 'live_intents', id)
      .delete()
      .where('at', '<', iso(LIVE_INTENTS_KEEP_MS))
      .executeTakeFirst();
    liveChanges += Number(c.numDeletedRows);
    liveIntents += Number(i.numDeletedRows);
  }
  const b = await db
    .deleteFrom('auth_backoff')
    .where('last_ms', '<', t - BACKOFF_KEEP_MS)
    .executeTakeFirst();
  const r = await db
    .deleteFrom('rate_counts')
    .where('window_start', '<', t - RATE_COUNTS_KEEP_MS)
    .executeTakeFirst();
  return {
    sessions,
    liveChanges,
    liveIntents,
    backoff: Number(b.numDeletedRows),
    rateCounts: Number(r.numDeletedRows),
  };
}
