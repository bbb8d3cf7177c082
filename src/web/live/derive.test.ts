import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SESSION_RULES,
  type EventDetail,
  type Participant,
} from '../../contract/events.ts';
import type { Snapshot } from '../../contract/live.ts';
import { remaining } from '../../core/clock.ts';
import { placementOf } from '../../core/placement.ts';
import { applyChange } from '../../core/snapshot.ts';
import { ServerClock } from './clock.ts';
import { formatClock, roundRoster } from './derive.ts';

const person = (id: string, name: string): Participant => ({
  id,
  name,
  organisation: `${name} Org`,
  sector: 'ngo',
  country: null,
  choices: [],
  languages: [],
  joined: true,
  status: 'present',
});
const people = [person('a', 'Zaw'), person('b', 'Anan'), person('c', 'Mali'), person('d', 'Ben')];
const event: EventDetail = {
  id: 'e',
  name: 'E',
  startsOn: '2026-12-01',
  endsOn: '2026-12-01',
  venue: '',
  timeZone: 'Asia/Bangkok',
  joinCode: 'ABCD',
  walkInsAllowed: false,
  issues: [{ key: 'fm', label: 'Forced marriage', forms: [], sectors: [], populations: [] }],
  expertiseGroups: [],
  tables: [{ id: 't4', name: 'Table 4', capacity: 8, hostParticipantId: null }],
  participantCount: 4,
  sessions: [
    {
      id: 'net',
      kind: 'networking',
      title: 'Net',
      rounds: 1,
      minutesPerRound: 5,
      quality: null,
      rules: DEFAULT_SESSION_RULES,
      plan: [
        {
          groups: [
            { tableId: null, spot: 1, issueKey: null, groupKey: null, participantIds: ['a', 'b'] },
            { tableId: null, spot: 2, issueKey: null, groupKey: null, participantIds: ['c', 'd'] },
          ],
        },
      ],
    },
    {
      id: 'cafe',
      kind: 'cafe',
      title: 'Café',
      rounds: 1,
      minutesPerRound: 5,
      quality: null,
      rules: DEFAULT_SESSION_RULES,
      plan: [
        {
          groups: [
            { tableId: 't4', spot: 4, issueKey: 'fm', groupKey: null, participantIds: ['a', 'b'] },
          ],
        },
      ],
    },
  ],
};

describe('where a participant goes', () => {
  it('finds the partner and spot in networking', () => {
    const p = placementOf(event, people, event.sessions[0]!, 0, 'c')!;
    expect(p.group.spot).toBe(2);
    expect(p.others.map((o) => o.name)).toEqual(['Ben']);
  });

  it('names the table and the issue in the café', () => {
    const p = placementOf(event, people, event.sessions[1]!, 0, 'b')!;
    expect([p.tableName, p.topic]).toEqual(['Table 4', 'Forced marriage']);
  });

  it('says nothing for someone not in the round', () => {
    expect(placementOf(event, people, event.sessions[1]!, 0, 'c')).toBeNull();
    expect(placementOf(event, people, event.sessions[1]!, 3, 'a')).toBeNull();
  });

  it('lists the round alphabetically for the projector', () => {
    const names = roundRoster(event, people, event.sessions[0]!, 0, 'en').map(
      (l) => l.participant.name,
    );
    expect(names).toEqual(['Anan', 'Ben', 'Mali', 'Zaw']);
  });
});

describe('time left', () => {
  const base = {
    sessionId: 'net',
    round: 0,
    message: null,
  } as const;
  it('counts down to the server end time, never below zero', () => {
    const s = { ...base, status: 'running' as const, endsAt: 10_000, remainingMs: null };
    expect(remaining(s, 4_000)).toBe(6_000);
    expect(remaining(s, 12_000)).toBe(0);
  });
  it('holds still when paused', () => {
    const s = { ...base, status: 'paused' as const, endsAt: null, remainingMs: 42_000 };
    expect(remaining(s, 1e12)).toBe(42_000);
  });
  it('rounds up, so 0:00 shows only when time is up', () => {
    expect(formatClock(120_000)).toBe('2:00');
    expect(formatClock(119_001)).toBe('2:00');
    expect(formatClock(59_000)).toBe('0:59');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
  });
});

describe('server clock', () => {
  it('keeps the sample with the smallest round trip', () => {
    const c = new ServerClock();
    const now = Date.now();
    c.sample(now - 400, now + 5_000, now); // rtt 400: offset 5000 + 200 = 5200
    c.sample(now - 20, now + 5_090, now); // rtt 20: offset 5090 + 10 = 5100
    c.sample(now - 300, now + 4_000, now); // rtt 300, worse
    expect(c.offset).toBe(5_100);
    expect(c.rtt).toBe(20);
  });
  it('uses a rough guess until the first pong', () => {
    const c = new ServerClock();
    c.rough(Date.now() + 60_000);
    expect(Math.abs(c.offset - 60_000)).toBeLessThan(50);
  });
});

describe('applying changes', () => {
  const snap: Snapshot = {
    event,
    participants: people,
    state: {
      sessionId: null,
      round: 0,
      status: 'idle',
      endsAt: null,
      remainingMs: null,
      message: null,
    },
    cards: [],
    handovers: [],
  };
  it('replaces a participant by id, or adds one', () => {
    const moved = applyChange(snap, {
      kind: 'participant',
      participant: { ...people[0]!, status: 'absent' },
    });
    expect(moved.participants.find((p) => p.id === 'a')!.status).toBe('absent');
    expect(moved.participants).toHaveLength(4);
    const added = applyChange(snap, { kind: 'participant', participant: person('z', 'New') });
    expect(added.participants).toHaveLength(5);
  });
  it('replaces the state and the event', () => {
    const s = applyChange(snap, {
      kind: 'state',
      state: { ...snap.state, status: 'running', endsAt: 5 },
    });
    expect(s.state.status).toBe('running');
    expect(snap.state.status).toBe('idle'); // the old snapshot is untouched
  });
});
