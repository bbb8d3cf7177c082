import { describe, expect, it } from 'vitest';
import type { Card } from '../../contract/cards.ts';
import type { Snapshot } from '../../contract/live.ts';
import type { EventDetail } from '../../contract/events.ts';
import { hostsSheet } from '../../core/placement.ts';
import { editIntent, sheetView } from '../../core/sheet.ts';
import { countByKindAndLevel, latestRound, newCardId, splitSheet } from './view.ts';

const card = (over: Partial<Card>): Card => ({
  id: 'c1',
  issueKey: 'forcedMarriage',
  kind: 'cause',
  level: 'family',
  text: 'Dowry debts',
  tags: { forms: [], sectors: [], populations: [], ilo: [] },
  tableId: 't1',
  round: 0,
  participantId: null,
  version: 1,
  deleted: false,
  createdAt: 1000,
  updatedAt: 1000,
  ...over,
});

describe('the sheet as a person sees it', () => {
  it('SYNC-1: a queued add shows once, as waiting to send, until the server has the card', () => {
    const add = {
      id: 'i1',
      intent: {
        type: 'addCard' as const,
        cardId: 'c2',
        issueKey: 'forcedMarriage',
        text: 'Typed offline',
        kind: 'consequence' as const,
        level: 'individual' as const,
      },
    };
    const waiting = sheetView([card({})], [add], 'forcedMarriage', { now: 2000 });
    expect(waiting.map((c) => [c.id, c.pending])).toEqual([
      ['c1', false],
      ['c2', true],
    ]);
    // acknowledged and broadcast, but the ack not yet applied: still one card, confirmed
    const both = sheetView(
      [card({}), card({ id: 'c2', createdAt: 1500 })],
      [add],
      'forcedMarriage',
    );
    expect(both.filter((c) => c.id === 'c2')).toHaveLength(1);
    expect(both.find((c) => c.id === 'c2')!.pending).toBe(false);
    // another sheet is untouched
    expect(sheetView([card({})], [add], 'migrants')).toEqual([]);
  });

  it('SYNC-1: queued edits and deletes apply on top of the confirmed card, marked pending', () => {
    const edit = {
      id: 'i2',
      intent: { type: 'editCard' as const, cardId: 'c1', baseVersion: 1, text: 'Dowry debt' },
    };
    expect(sheetView([card({})], [edit], 'forcedMarriage')[0]).toMatchObject({
      text: 'Dowry debt',
      pending: true,
    });
    const del = { id: 'i3', intent: { type: 'deleteCard' as const, cardId: 'c1' } };
    expect(sheetView([card({})], [del], 'forcedMarriage')).toEqual([]);
    expect(sheetView([card({})], [del], 'forcedMarriage', { withDeleted: true })).toHaveLength(1);
  });

  it('SYNC-7: a tombstone is hidden, and a queued restore brings it back', () => {
    const gone = card({ deleted: true, version: 2 });
    expect(sheetView([gone], [], 'forcedMarriage')).toEqual([]);
    const restore = { id: 'i4', intent: { type: 'restoreCard' as const, cardId: 'c1' } };
    expect(sheetView([gone], [restore], 'forcedMarriage')).toHaveLength(1);
  });

  it('counts by kind and level, and finds the newest layer', () => {
    const cards = [
      card({}),
      card({ id: 'c2', round: 2 }),
      card({ id: 'c3', deleted: true, round: 4 }),
    ];
    expect(countByKindAndLevel(cards).cause.family).toBe(2);
    expect(latestRound(cards)).toBe(4);
  });

  it('makes card ids the server accepts (UUIDs)', () => {
    expect(newCardId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('SYNC-1: queued tags show on the card, in their vocabulary order', () => {
    const edit = {
      id: 'i5',
      intent: {
        type: 'editCard' as const,
        cardId: 'c1',
        baseVersion: 1,
        tags: {
          forms: [],
          sectors: ['Fishing' as const],
          populations: [],
          ilo: ['isolation' as const, 'deception' as const],
        },
      },
    };
    expect(sheetView([card({})], [edit], 'forcedMarriage')[0]!.tags).toEqual({
      forms: [],
      sectors: ['Fishing'],
      populations: [],
      ilo: ['deception', 'isolation'],
    });
  });

  it('SYNC-10: an edit names the confirmed version, or 1 for a card whose add waits; only changes', () => {
    const shown = { ...card({ version: 4 }), pending: false };
    expect(editIntent(shown, { text: 'Dowry debts', level: 'family' })).toBeNull();
    expect(editIntent(shown, { text: 'x', level: 'family' })).toEqual({
      type: 'editCard',
      cardId: 'c1',
      baseVersion: 4,
      text: 'x',
    });
    expect(editIntent({ ...shown, version: 0, pending: true }, { kind: 'consequence' })).toEqual({
      type: 'editCard',
      cardId: 'c1',
      baseVersion: 1,
      kind: 'consequence',
    });
    // the same tags in another order are no change; none at all clears them
    const tagged = { ...shown, tags: { ...shown.tags, forms: ['ForcedLabour' as const] } };
    expect(
      editIntent(tagged, {
        tags: { forms: ['ForcedLabour'], sectors: [], populations: [], ilo: [] },
      }),
    ).toBeNull();
    expect(
      editIntent(tagged, { tags: { forms: [], sectors: [], populations: [], ilo: [] } }),
    ).toMatchObject({ tags: { forms: [] } });
  });

  it('the hand-over note is offered to the host of the table that has the issue this round only', () => {
    const snap = (over: Partial<Snapshot['state']> = {}, host: string | null = 'p1') =>
      ({
        event: {
          tables: [
            { id: 't1', name: 'Table 1', capacity: 8, hostParticipantId: host },
            { id: 't2', name: 'Table 2', capacity: 8, hostParticipantId: 'p2' },
          ],
          sessions: [
            {
              id: 's1',
              kind: 'cafe',
              plan: [
                {
                  groups: [
                    {
                      tableId: 't1',
                      spot: 0,
                      issueKey: 'a',
                      groupKey: null,
                      participantIds: ['p1', 'p3'],
                    },
                    {
                      tableId: 't2',
                      spot: 1,
                      issueKey: 'b',
                      groupKey: null,
                      participantIds: ['p2', 'p4'],
                    },
                  ],
                },
              ],
            },
          ],
        } as unknown as EventDetail,
        participants: [],
        cards: [],
        handovers: [],
        state: {
          sessionId: 's1',
          round: 0,
          status: 'running',
          endsAt: null,
          remainingMs: null,
          message: null,
          ...over,
        },
      }) satisfies Snapshot;
    expect(hostsSheet(snap(), 'p1', 'a')).toBe(true);
    expect(hostsSheet(snap(), 'p3', 'a')).toBe(false); // at the table, not its host
    expect(hostsSheet(snap(), 'p1', 'b')).toBe(false); // another table's issue
    expect(hostsSheet(snap(), 'p2', 'b')).toBe(true);
    expect(hostsSheet(snap({}, null), 'p1', 'a')).toBe(false);
    expect(hostsSheet(snap({ status: 'idle' }), 'p1', 'a')).toBe(false);
    expect(hostsSheet(snap({ round: 1 }), 'p1', 'a')).toBe(false);
    expect(hostsSheet(snap(), null, 'a')).toBe(false);
  });
});

describe('a sheet on a table phone', () => {
  const c = (id: string, round: number | null, tableId: string | null) => ({ id, round, tableId });
  const place = { tableId: 't2', round: 1 };

  it('keeps this round at this table apart from earlier groups, and own cards with this table', () => {
    const cards = [c('old', 0, 't1'), c('mate', 1, 't2'), c('other', 1, 't3'), c('mine', 0, 't4')];
    const s = splitSheet(cards, null, place, new Set(['mine']));
    expect(s.ours.map((x) => x.id)).toEqual(['mate', 'mine']);
    expect(s.earlier.map((x) => x.id)).toEqual(['old', 'other']);
    expect(s.ourNote).toBeNull();
    expect(s.earlierNote).toBeNull();
  });

  it('puts the note with the group that wrote it', () => {
    const theirs = { round: 0, tableId: 't1' };
    const ours = { round: 1, tableId: 't2' };
    expect(splitSheet([], theirs, place, new Set())).toMatchObject({
      ourNote: null,
      earlierNote: theirs,
    });
    expect(splitSheet([], ours, place, new Set())).toMatchObject({
      ourNote: ours,
      earlierNote: null,
    });
  });

  it('outside a café round everything is earlier but the phone’s own cards', () => {
    const s = splitSheet(
      [c('a', 1, 't2'), c('b', null, null)],
      null,
      { tableId: null, round: null },
      new Set(['b']),
    );
    expect(s.ours.map((x) => x.id)).toEqual(['b']);
    expect(s.earlier.map((x) => x.id)).toEqual(['a']);
  });
});
