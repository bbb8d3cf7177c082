import { describe, expect, it } from 'vitest';
import type { Learning } from '../contract/learnings.ts';
import { byTheme, learningTextProblem, tallyVotes, votedFor, wall } from './learnings.ts';

const post = (id: string, extra: Partial<Learning> = {}): Learning => ({
  id,
  sessionId: 's',
  text: id,
  organisation: null,
  votes: 0,
  hidden: false,
  pinned: false,
  mergedInto: null,
  themeId: null,
  createdAt: 0,
  ...extra,
});

describe('learnings wall core', () => {
  it('LEARN-3: counts distinct voters over a post and its merged duplicates', () => {
    const posts = [post('a'), post('b', { mergedInto: 'a' }), post('c')];
    const votes = [
      { learningId: 'a', participantId: 'p1' },
      { learningId: 'b', participantId: 'p1' },
      { learningId: 'b', participantId: 'p2' },
      { learningId: 'c', participantId: 'p1' },
    ];
    const t = tallyVotes(posts, votes);
    expect(t.get('a')).toBe(2);
    expect(t.get('b')).toBeUndefined();
    expect(t.get('c')).toBe(1);
    expect(votedFor(posts, new Set(['b']), 'a')).toBe(true);
    expect(votedFor(posts, new Set(['b']), 'c')).toBe(false);
  });
  it('orders the wall: pinned first, then most voted or newest; hidden and merged left out', () => {
    const posts = [
      post('old-popular', { votes: 5, createdAt: 1 }),
      post('new', { votes: 1, createdAt: 9 }),
      post('pinned', { pinned: true, createdAt: 2 }),
      post('hidden', { hidden: true, votes: 9 }),
      post('dup', { mergedInto: 'new', votes: 0 }),
    ];
    expect(wall(posts, 'votes').map((p) => p.id)).toEqual(['pinned', 'old-popular', 'new']);
    expect(wall(posts, 'newest').map((p) => p.id)).toEqual(['pinned', 'new', 'old-popular']);
    const themes = [{ id: 't', label: 'People', createdAt: 0 }];
    const grouped = byTheme([...posts, post('themed', { themeId: 't', votes: 7 })], themes);
    expect(grouped.map((g) => g.theme?.id ?? null)).toEqual(['t', null]);
  });
  it('counts text in code points, like a card', () => {
    expect(learningTextProblem('  ')).toBe('empty');
    expect(learningTextProblem('🙂'.repeat(280))).toBeNull();
    expect(learningTextProblem('🙂'.repeat(281))).toBe('tooLong');
  });
});
