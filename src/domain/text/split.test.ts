import { describe, expect, it } from 'vitest';
import { splitOnce } from './split.ts';

describe('splitOnce', () => {
  it('splits at the first separator only, and gives an empty second part without one', () => {
    expect(splitOnce('KH>TH', '>')).toEqual(['KH', 'TH']);
    expect(splitOnce('a|b|c', '|')).toEqual(['a', 'b|c']);
    expect(splitOnce('Phnom Penh', '|')).toEqual(['Phnom Penh', '']);
  });
});
