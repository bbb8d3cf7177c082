import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_RULES, type PlannedRound } from '../../contract/events.ts';
import type { EventTableTable } from '../db/schema.ts';
import type { ParticipantRecord } from '../db/repos/events.ts';
import { swapInPlan } from './engine.ts';

function person(id: string, name: string, organisation: string): ParticipantRecord {
  return {
    id,
    eventId: 'e',
    name,
    organisation,
    sector: 'ngo',
    country: null,
    choices: [],
    languages: [],
    email: null,
    status: 'expected',
    joinedAt: null,
    personalCodeHash: null,
    position: 0,
    createdAt: '2026-11-28T09:00:00Z',
  };
}

const pairs = (...groups: string[][]): PlannedRound => ({
  groups: groups.map((participantIds, spot) => ({
    tableId: null,
    spot: spot + 1,
    issueKey: null,
    groupKey: null,
    participantIds,
  })),
});

describe('swapInPlan warnings', () => {
  // Two people called Aung Min (different organisations), and two of one organisation.
  const people = [
    person('a1', 'Aung Min', 'Yangon Legal Aid'),
    person('a2', 'Aung Min', 'Mekong Shelter'),
    person('b', 'Dara Kim', 'Phnom Penh Alliance'),
    person('c', 'Gita Sharma', 'Mekong Shelter'),
  ];

  it('names people as the console does: a shared name with its organisation, with codes and ids', () => {
    // Round 1: a1+b, a2+c. Round 2: a1+c, a2+b. Swapping a1 and a2 in round 2 makes a1 meet b
    // again, and a2 meet c again — who is from the same organisation.
    const plan = [pairs(['a1', 'b'], ['a2', 'c']), pairs(['a1', 'c'], ['a2', 'b'])];
    const r = swapInPlan(plan, 1, 'a1', 'a2', people, [], DEFAULT_SESSION_RULES);
    expect(r.plan[1]!.groups.map((g) => g.participantIds)).toEqual([
      ['a2', 'c'],
      ['a1', 'b'],
    ]);
    expect(r.warnings).toEqual([
      {
        code: 'met_before',
        people: ['a1', 'b'],
        table: null,
        message: 'Aung Min (Yangon Legal Aid) and Dara Kim meet in another round too',
      },
      {
        code: 'met_before',
        people: ['a2', 'c'],
        table: null,
        message: 'Aung Min (Mekong Shelter) and Gita Sharma meet in another round too',
      },
      {
        code: 'same_organisation',
        people: ['a2', 'c'],
        table: null,
        message: 'Aung Min (Mekong Shelter) and Gita Sharma are from the same organisation',
      },
    ]);
    expect(r.newRepeats).toBe(2);
  });

  it('warns that a host would leave their table, naming the table', () => {
    const tables: EventTableTable[] = [
      {
        id: 't1',
        event_id: 'e',
        name: 'Garden table',
        capacity: 2,
        position: 0,
        host_participant_id: 'b',
      },
    ];
    const plan = [pairs(['a1', 'b'], ['a2', 'c'])];
    const r = swapInPlan(plan, 0, 'b', 'c', people, tables, DEFAULT_SESSION_RULES);
    expect(r.warnings).toContainEqual({
      code: 'host_leaves',
      people: ['b'],
      table: 'Garden table',
      message: 'Dara Kim hosts Garden table and would leave it',
    });
  });
});
