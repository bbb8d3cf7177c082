import { describe, expect, it } from 'vitest';
import type { Card } from '../../contract/cards.ts';
import { countByKindAndLevel, latestHandover, latestRound, newCardId, sheetView } from './view.ts';

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

  it('counts by kind and level, newest layer and newest note', () => {
    const cards = [
      card({}),
      card({ id: 'c2', round: 2 }),
      card({ id: 'c3', deleted: true, round: 4 }),
    ];
    expect(countByKindAndLevel(cards).cause.family).toBe(2);
    expect(latestRound(cards)).toBe(4);
    const note = (at: number) => ({ issueKey: 'x', text: String(at), tableId: null, round: 0, at });
    expect(latestHandover([note(1), note(3), note(2)], 'x')?.text).toBe('3');
  });

  it('makes card ids the server accepts (UUIDs)', () => {
    expect(newCardId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
