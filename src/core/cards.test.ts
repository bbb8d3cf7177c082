/**
 * Card limits and tags: one definition for the phone and the server. The server validates with
 * the contract's zod schema; the phone checks with `cardTextProblem` before it queues anything.
 * They must agree on every text, or a card the phone accepted is refused after it was "sent".
 */
import { describe, expect, it } from 'vitest';
import { CardTags, CardText } from '../contract/cards.ts';
import {
  MAX_CARD_LENGTH,
  TAG_GROUPS,
  canonicalTags,
  cardTextLength,
  cardTextProblem,
  sameTags,
} from './cards.ts';

const repeat = (s: string, n: number) => Array.from({ length: n }, () => s).join('');

describe('card text limits', () => {
  const texts = [
    ['ascii at the limit', repeat('a', MAX_CARD_LENGTH)],
    ['ascii over', repeat('a', MAX_CARD_LENGTH + 1)],
    // astral code points: two UTF-16 units each, one character each
    ['emoji at the limit', repeat('😀', MAX_CARD_LENGTH)],
    ['emoji over', repeat('😀', MAX_CARD_LENGTH + 1)],
    ['CJK extension B at the limit', repeat('𠀋', MAX_CARD_LENGTH)],
    ['CJK extension B over', repeat('𠀋', MAX_CARD_LENGTH + 1)],
    ['Thai at the limit', repeat('ก', MAX_CARD_LENGTH)],
    ['padded by spaces', `   ${repeat('ข', MAX_CARD_LENGTH)}   `],
    ['empty', ''],
    ['only spaces', '    '],
  ] as const;

  it.each(texts)('the phone and the server agree: %s', (_, text) => {
    const phone = cardTextProblem(text) === null;
    const server = CardText.safeParse(text).success;
    expect(phone).toBe(server);
  });

  it('counts code points of the trimmed text, not UTF-16 units', () => {
    expect(cardTextLength(' 😀😀 ')).toBe(2);
    expect(cardTextProblem(repeat('😀', MAX_CARD_LENGTH))).toBeNull();
    expect(cardTextProblem(repeat('😀', MAX_CARD_LENGTH + 1))).toBe('tooLong');
    expect(cardTextProblem('  ')).toBe('empty');
  });
});

describe('TAG-1: canonical tags', () => {
  it('offers exactly the contract’s lists', () => {
    const shape = CardTags.shape;
    expect(TAG_GROUPS.map((g) => g.group).sort()).toEqual(Object.keys(shape).sort());
    for (const { group, codes } of TAG_GROUPS)
      expect(codes, group).toEqual(shape[group].removeDefault().element.options);
  });

  it('keeps each list in vocabulary order, each code once, whatever order they came in', () => {
    const a = canonicalTags({
      populations: ['women', 'children', 'women'],
      ilo: ['isolation', 'deception'],
    });
    expect(a).toEqual({
      forms: [],
      sectors: [],
      populations: ['children', 'women'],
      ilo: ['deception', 'isolation'],
    });
    expect(
      sameTags(a, { ilo: ['isolation', 'deception'], populations: ['women', 'children'] }),
    ).toBe(true);
    expect(sameTags(a, { populations: ['women'] })).toBe(false);
    expect(canonicalTags(undefined)).toEqual({ forms: [], sectors: [], populations: [], ilo: [] });
  });
});
