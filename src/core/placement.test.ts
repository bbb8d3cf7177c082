import { describe, expect, it } from 'vitest';
import type { PlannedRound } from '../contract/events.ts';
import { NOWHERE, hostsIssue, placeNow } from './placement.ts';

const plan: PlannedRound[] = [
  {
    groups: [
      { tableId: 't1', spot: 0, issueKey: 'a', groupKey: null, participantIds: ['p1', 'p3'] },
      { tableId: 't2', spot: 1, issueKey: 'b', groupKey: null, participantIds: ['p2'] },
    ],
  },
];
const cafe = { kind: 'cafe', plan };
const running = { sessionId: 's1', status: 'running' as const, round: 0 };
const tables = [
  { id: 't1', hostParticipantId: 'p1' },
  { id: 't2', hostParticipantId: 'p2' },
];

describe('where a person is now (server provenance and the phone alike)', () => {
  it('a café round places a participant at a table with its issue; nothing else does', () => {
    expect(placeNow(running, cafe, 'p3')).toEqual({ tableId: 't1', round: 0, issueKey: 'a' });
    expect(placeNow(running, cafe, 'nobody')).toEqual({ tableId: null, round: 0, issueKey: null });
    expect(placeNow({ ...running, status: 'idle' }, cafe, 'p3')).toEqual(NOWHERE);
    expect(placeNow(running, { ...cafe, kind: 'networking' }, 'p3')).toEqual(NOWHERE);
    expect(placeNow(running, undefined, 'p3')).toEqual(NOWHERE);
    expect(placeNow(running, cafe, null)).toEqual(NOWHERE);
  });

  it('HOST-1: the host of the table that has the issue where they sit now, and nobody else', () => {
    const at = (p: string) => placeNow(running, cafe, p);
    expect(hostsIssue(tables, at('p1'), 'p1', 'a')).toBe(true);
    expect(hostsIssue(tables, at('p3'), 'p3', 'a')).toBe(false); // at the table, not its host
    expect(hostsIssue(tables, at('p1'), 'p1', 'b')).toBe(false); // another table's issue
    expect(hostsIssue(tables, at('p2'), 'p2', 'b')).toBe(true);
    expect(hostsIssue(tables, NOWHERE, 'p1', 'a')).toBe(false);
  });
});
