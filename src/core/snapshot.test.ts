import { describe, expect, it } from 'vitest';
import type { HandoverNote } from '../contract/cards.ts';
import type { Snapshot } from '../contract/live.ts';
import { applyChange, handoverOf } from './snapshot.ts';

const empty = { handovers: [], cards: [], participants: [] } as unknown as Snapshot;
const note = (over: Partial<HandoverNote>): HandoverNote => ({
  issueKey: 'fm',
  text: 'first',
  tableId: 't1',
  round: 0,
  at: 1,
  ...over,
});

describe('hand-over notes, keyed one way', () => {
  it('one note per issue, as the server stores it: a note from another table or round replaces it', () => {
    let s = applyChange(empty, { kind: 'handover', note: note({}) });
    s = applyChange(s, {
      kind: 'handover',
      note: note({ text: 'second', tableId: 't2', round: 1, at: 2 }),
    });
    s = applyChange(s, { kind: 'handover', note: note({ issueKey: 'other', text: 'x' }) });
    expect(s.handovers.map((n) => [n.issueKey, n.text])).toEqual([
      ['fm', 'second'],
      ['other', 'x'],
    ]);
    expect(handoverOf(s.handovers, 'fm')?.text).toBe('second');
    expect(handoverOf(s.handovers, 'none')).toBeNull();
  });
});
