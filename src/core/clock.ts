/**
 * The state machine of a live room's rounds and timer. Pure: the server applies it inside a
 * transaction and broadcasts the result. Times are server epoch milliseconds, so every screen shows
 * the same remaining time once it knows its offset from the server clock.
 */
export interface RoomState {
  sessionId: string | null;
  round: number;
  status: 'idle' | 'running' | 'paused' | 'finished';
  endsAt: number | null;
  remainingMs: number | null;
  /** `expiresAt` (server time): phones and projector stop showing it then (issue 12). */
  message: { text: string; at: number; expiresAt?: number | null | undefined } | null;
}

export interface SessionShape {
  id: string;
  rounds: number;
  minutesPerRound: number;
}

export type RoomCommand =
  | { type: 'startSession'; session: SessionShape }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  | { type: 'nextRound'; session: SessionShape }
  | { type: 'finish' }
  | { type: 'broadcast'; text: string; minutes?: number | undefined }
  /** Clears a message whose time is up (the server's timer sends it). */
  | { type: 'expireMessage' };

export type Outcome =
  { ok: true; state: RoomState } | { ok: false; error: string; message: string };

export const IDLE: RoomState = {
  sessionId: null,
  round: 0,
  status: 'idle',
  endsAt: null,
  remainingMs: null,
  message: null,
};

const refuse = (error: string, message: string): Outcome => ({ ok: false, error, message });

/** Milliseconds left in the round at `now` (0 when over; null when no round is timed). */
export function remaining(state: RoomState, now: number): number | null {
  if (state.status === 'running' && state.endsAt !== null) return Math.max(0, state.endsAt - now);
  if (state.status === 'paused') return state.remainingMs;
  return null;
}

export function apply(state: RoomState, cmd: RoomCommand, now: number): Outcome {
  const roundMs = (s: SessionShape) => Math.round(s.minutesPerRound * 60_000);
  switch (cmd.type) {
    case 'startSession':
      if (cmd.session.rounds < 1) return refuse('no_rounds', 'This session has no rounds.');
      return {
        ok: true,
        state: {
          ...state,
          sessionId: cmd.session.id,
          round: 0,
          status: 'running',
          endsAt: now + roundMs(cmd.session),
          remainingMs: null,
        },
      };
    case 'pause':
      if (state.status !== 'running') return refuse('not_running', 'No round is running.');
      return {
        ok: true,
        state: { ...state, status: 'paused', remainingMs: remaining(state, now), endsAt: null },
      };
    case 'resume':
      if (state.status !== 'paused') return refuse('not_paused', 'The round is not paused.');
      return {
        ok: true,
        state: {
          ...state,
          status: 'running',
          endsAt: now + (state.remainingMs ?? 0),
          remainingMs: null,
        },
      };
    case 'extend': {
      if (state.status === 'running' && state.endsAt !== null)
        return {
          ok: true,
          state: { ...state, endsAt: Math.max(now, state.endsAt + cmd.seconds * 1000) },
        };
      if (state.status === 'paused')
        return {
          ok: true,
          state: {
            ...state,
            remainingMs: Math.max(0, (state.remainingMs ?? 0) + cmd.seconds * 1000),
          },
        };
      return refuse('not_running', 'No round is running.');
    }
    case 'nextRound': {
      if (
        state.sessionId !== cmd.session.id ||
        state.status === 'idle' ||
        state.status === 'finished'
      )
        return refuse('not_running', 'No session is running.');
      if (state.round + 1 >= cmd.session.rounds)
        return {
          ok: true,
          state: { ...state, status: 'finished', endsAt: null, remainingMs: null },
        };
      return {
        ok: true,
        state: {
          ...state,
          round: state.round + 1,
          status: 'running',
          endsAt: now + roundMs(cmd.session),
          remainingMs: null,
        },
      };
    }
    case 'finish':
      if (state.status === 'idle') return refuse('not_running', 'No session is running.');
      return { ok: true, state: { ...state, status: 'finished', endsAt: null, remainingMs: null } };
    case 'broadcast':
      return {
        ok: true,
        state: {
          ...state,
          message: cmd.text
            ? {
                text: cmd.text,
                at: now,
                expiresAt: cmd.minutes ? now + cmd.minutes * 60_000 : null,
              }
            : null,
        },
      };
    case 'expireMessage':
      if (!state.message?.expiresAt || now < state.message.expiresAt)
        return refuse('not_expired', 'The message is still to be shown.');
      return { ok: true, state: { ...state, message: null } };
  }
}

/** The message to show at server time `now`: none once its time is up. */
export function shownMessage(state: Pick<RoomState, 'message'>, now: number): RoomState['message'] {
  const m = state.message;
  return m && (!m.expiresAt || now < m.expiresAt) ? m : null;
}
