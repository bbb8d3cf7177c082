/**
 * This phone's membership of an event: the participant token (sent in the live `hello`), who it
 * is, and the personal code to rejoin elsewhere. Kept in IndexedDB, per event.
 */
import type { Persistence, Saved } from '../live/client.ts';
import { idbGet, idbSet } from '../live/idb.ts';

export interface Membership {
  eventId: string;
  participantId: string;
  token: string;
  personalCode: string;
}

export const loadMe = (eventId: string) => idbGet<Membership>(`me:${eventId}`);

export async function saveMe(m: Membership): Promise<void> {
  await idbSet(`me:${m.eventId}`, m);
  try {
    localStorage.setItem('mosaic.lastEvent', m.eventId);
  } catch {
    // only a convenience for /join
  }
}

export function lastEventId(): string | null {
  try {
    return localStorage.getItem('mosaic.lastEvent');
  } catch {
    return null;
  }
}

/** The last schedule and unsent intents, so a reload while offline still shows where to go. */
export function livePersistence(eventId: string): Persistence {
  const key = `live:${eventId}`;
  return { load: () => idbGet<Saved>(key), save: (s) => void idbSet(key, s) };
}
