/**
 * The rules of an event, in one place: the REST routes and the live room both apply them through
 * the events service, never on their own.
 */
import type { LiveState } from '../../contract/live.ts';
import { HttpError, invalid } from '../http/errors.ts';

/** An event ends on or after the day it starts. */
export function checkDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn)
    throw invalid([
      {
        field: 'endsOn',
        code: 'before_other',
        params: { other: 'startsOn' },
        message: 'must not be before startsOn',
      },
    ]);
}

/** Issues and expertise groups are addressed by key: a key names one of them only. */
export function checkUniqueKeys(lists: {
  issues?: readonly { key: string }[] | undefined;
  expertiseGroups?: readonly { key: string }[] | undefined;
}): void {
  for (const [field, list] of [
    ['issues', lists.issues],
    ['expertiseGroups', lists.expertiseGroups],
  ] as const) {
    const keys = (list ?? []).map((x) => x.key);
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup)
      throw invalid([
        { field, code: 'duplicate', params: { value: dup }, message: `repeats the key "${dup}"` },
      ]);
  }
}

/**
 * THE "session running" check: a session whose rounds are under way (running or paused). Its
 * plan changes only through a re-plan, and it cannot be removed.
 */
export const isRunning = (state: LiveState, sessionId: string): boolean =>
  state.sessionId === sessionId && (state.status === 'running' || state.status === 'paused');

/**
 * The last round of the session that has started (-1 when none has): rounds up to it were held,
 * or are being held, and never change — also once the session is finished.
 */
export const lastHeldRound = (state: LiveState, sessionId: string): number =>
  state.sessionId === sessionId && state.status !== 'idle' ? state.round : -1;

/** 409 for a change a running session does not allow; `what` says what to do instead. */
export const sessionRunning = (message: string) =>
  new HttpError(409, { error: 'session_running', message });
