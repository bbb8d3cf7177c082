import { describe, expect, it } from 'vitest';
import { IDLE, apply, remaining, shownMessage, type RoomState } from './clock.ts';

const session = { id: 's1', rounds: 3, minutesPerRound: 5 };
const ok = (r: ReturnType<typeof apply>): RoomState => {
  if (!r.ok) throw new Error(r.message);
  return r.state;
};

describe('room clock', () => {
  it('runs a session round by round and finishes after the last', () => {
    let s = ok(apply(IDLE, { type: 'startSession', session }, 1000));
    expect(s).toMatchObject({
      sessionId: 's1',
      round: 0,
      status: 'running',
      endsAt: 1000 + 300_000,
    });
    s = ok(apply(s, { type: 'nextRound', session }, 2000));
    expect(s).toMatchObject({ round: 1, endsAt: 2000 + 300_000 });
    s = ok(apply(s, { type: 'nextRound', session }, 3000));
    expect(s.round).toBe(2);
    s = ok(apply(s, { type: 'nextRound', session }, 4000));
    expect(s.status).toBe('finished');
    expect(apply(s, { type: 'nextRound', session }, 5000).ok).toBe(false);
  });

  it('pauses keeping the time left, resumes from it, and extends either way', () => {
    let s = ok(apply(IDLE, { type: 'startSession', session }, 0));
    s = ok(apply(s, { type: 'pause' }, 60_000));
    expect(remaining(s, 999_999)).toBe(240_000);
    s = ok(apply(s, { type: 'extend', seconds: 60 }, 70_000));
    expect(s.remainingMs).toBe(300_000);
    s = ok(apply(s, { type: 'resume' }, 100_000));
    expect(s.endsAt).toBe(400_000);
    expect(remaining(s, 390_000)).toBe(10_000);
    s = ok(apply(s, { type: 'extend', seconds: -30 }, 390_000));
    expect(remaining(s, 390_000)).toBe(0);
    expect(apply(s, { type: 'resume' }, 0).ok).toBe(false);
  });

  it('refuses commands that make no sense in the current state', () => {
    expect(apply(IDLE, { type: 'pause' }, 0).ok).toBe(false);
    expect(apply(IDLE, { type: 'nextRound', session }, 0).ok).toBe(false);
    expect(apply(IDLE, { type: 'finish' }, 0).ok).toBe(false);
  });

  it('sets and clears the broadcast message', () => {
    const s = ok(apply(IDLE, { type: 'broadcast', text: 'Lunch at 12:30' }, 5));
    expect(s.message).toEqual({ text: 'Lunch at 12:30', at: 5, expiresAt: null });
    expect(ok(apply(s, { type: 'broadcast', text: '' }, 6)).message).toBeNull();
  });

  it('a message shown for some minutes expires at the server time, not before (issue 12)', () => {
    const s = ok(apply(IDLE, { type: 'broadcast', text: 'Coffee', minutes: 10 }, 1000));
    expect(s.message).toEqual({ text: 'Coffee', at: 1000, expiresAt: 601_000 });
    expect(shownMessage(s, 600_999)?.text).toBe('Coffee');
    expect(shownMessage(s, 601_000)).toBeNull();
    expect(apply(s, { type: 'expireMessage' }, 600_999).ok).toBe(false);
    expect(ok(apply(s, { type: 'expireMessage' }, 601_000)).message).toBeNull();
    const forever = ok(apply(IDLE, { type: 'broadcast', text: 'Stay' }, 0));
    expect(apply(forever, { type: 'expireMessage' }, 1e12).ok).toBe(false);
    expect(shownMessage(forever, 1e12)?.text).toBe('Stay');
  });
});
