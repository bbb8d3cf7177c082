import { describe, expect, it } from 'vitest';
import { CardText, MAX_CARD_LENGTH } from './cards.ts';
import { notTextAt, unpairedSurrogateAt } from './common.ts';

describe('unpairedSurrogateAt', () => {
  it('names the path of a lone surrogate in a key or a value', () => {
    expect(unpairedSurrogateAt({ a: [1, { b: 'x\uD800' }] })).toEqual(['a', 1, 'b']);
    expect(unpairedSurrogateAt({ a: { ['k\uDC00']: 1 } })).toEqual(['a', 'k\uDC00']);
    expect(unpairedSurrogateAt({ a: ['ok', '😀 ไทย'] })).toBeUndefined();
  });

  it('walks a value nested 100,000 levels deep without overflowing the stack', () => {
    let deep: unknown = '\uD83D';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unpairedSurrogateAt(deep)).toHaveLength(100_000);
    expect(unpairedSurrogateAt(JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`))).toBe(
      undefined,
    );
  });
});

describe('notTextAt', () => {
  it('names the path and code of a NUL or a lone surrogate, and passes other text', () => {
    expect(notTextAt({ q: { filters: ['ok', 'a\u0000b'] } })).toEqual({
      path: ['q', 'filters', 1],
      code: 'control_characters',
      message: expect.stringContaining('NUL'),
    });
    expect(notTextAt({ ['k\u0000']: 1 })?.path).toEqual(['k\u0000']);
    expect(notTextAt({ a: 'x\uDC00' })?.code).toBe('unpaired_surrogate');
    expect(notTextAt({ a: ['tab\there', 'line\nnext', '😀 ไทย ខ្មែរ'] })).toBeUndefined();
  });
});

describe('text limits count characters as the phone does (code points, not UTF-16 units)', () => {
  it('takes a card of 280 emoji or astral CJK and refuses 281', () => {
    for (const ch of ['😀', '𠀋'])
      expect(CardText.safeParse(ch.repeat(MAX_CARD_LENGTH)).success, ch).toBe(true);
    expect(CardText.safeParse('😀'.repeat(MAX_CARD_LENGTH + 1)).success).toBe(false);
    expect(CardText.safeParse('ก'.repeat(MAX_CARD_LENGTH + 1)).success).toBe(false);
  });
});
