import { describe, expect, it } from 'vitest';
import { unpairedSurrogateAt } from './common.ts';

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
