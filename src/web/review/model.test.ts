import { describe, expect, it } from 'vitest';
import {
  fold,
  groupCards,
  highlight,
  nextOpen,
  searchFactors,
  type Factor,
  type ReviewCard,
} from './model.ts';

const card = (id: string, top: [string, number] | null, kind: 'cause' | 'consequence' = 'cause'): ReviewCard => ({
  id, issueKey: 'labour', kind, level: '', text: id, assignment: null,
  suggestions: top ? [{ factor: top[0], score: top[1], matched: [] }] : [],
}); // prettier-ignore

const factor = (id: string, labels: Record<string, string>, keywords: Record<string, string[]> = {}, status: Factor['status'] = 'active'): Factor => ({
  id, kind: id.startsWith('push.') ? 'cause' : 'consequence', status, mergedInto: null, labels, keywords,
}); // prettier-ignore

describe('review model', () => {
  it('groups cards by top suggestion, biggest group first, unmatched last, surest first inside', () => {
    const groups = groupCards([
      card('a', ['push.debt', 3]),
      card('b', null),
      card('c', ['push.poverty', 5]),
      card('d', ['push.debt', 9]),
    ]);
    expect(groups.map((g) => [g.factor, g.cards.map((c) => c.id)])).toEqual([
      ['push.debt', ['d', 'a']],
      ['push.poverty', ['c']],
      [null, ['b']],
    ]);
  });

  it('searches active factors of the kind in every language, labels before keywords', () => {
    const fs = [
      factor('push.debt', { en: 'Debt', th: 'หนี้สิน' }, { vi: ['nợ nần'] }),
      factor('push.poverty', { en: 'Poverty' }, { en: ['no money for debts'] }),
      factor('harm.debt', { en: 'Debt and lost income' }),
      factor('push.old', { en: 'Debt (old)' }, {}, 'retired'),
    ];
    expect(searchFactors(fs, 'deb', 'cause', 'en').map((f) => f.id)).toEqual(['push.debt', 'push.poverty']);
    expect(searchFactors(fs, 'หนี้', 'cause', 'th').map((f) => f.id)).toEqual(['push.debt']);
    expect(searchFactors(fs, 'no nan', 'cause', 'en').map((f) => f.id)).toEqual(['push.debt']);
    expect(searchFactors(fs, '', null, 'en').map((f) => f.id)).toEqual(['push.debt', 'harm.debt', 'push.poverty']);
    expect(fold('ＤＥＢＴ Nợ')).toBe('debt no');
  }); // prettier-ignore

  it('marks matched words without patterns, and finds the next open card', () => {
    expect(highlight('Loan shark LOAN', ['loan'])).toEqual([
      { text: 'Loan', mark: true },
      { text: ' shark ', mark: false },
      { text: 'LOAN', mark: true },
    ]);
    expect(highlight('a+b (c)', ['+b ('])).toEqual([
      { text: 'a', mark: false },
      { text: '+b (', mark: true },
      { text: 'c)', mark: false },
    ]);
    const order = [card('a', null), card('b', null), card('c', null)];
    expect(nextOpen(order, 0, (c) => c.id === 'b')).toBe(2);
    expect(nextOpen(order, 2, () => false)).toBe(-1);
  });
});
