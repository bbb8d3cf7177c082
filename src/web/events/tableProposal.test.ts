import { describe, expect, it } from 'vitest';
import { proposeTables, sizesSummary, usualSize } from './tableProposal.ts';

describe('table proposal', () => {
  it('seats everyone present at the fewest tables of the chosen size', () => {
    expect(proposeTables(150, 10)).toEqual({ count: 15, sizes: Array(15).fill(10) });
    const at8 = proposeTables(150, 8)!;
    expect(at8.count).toBe(19);
    expect(sizesSummary(at8.sizes)).toEqual([
      [8, 17],
      [7, 2],
    ]);
    for (const [people, size] of [
      [150, 8],
      [37, 6],
      [2, 2],
      [99, 50],
    ] as const) {
      const p = proposeTables(people, size)!;
      expect(p.sizes.reduce((a, b) => a + b, 0)).toBe(people);
      expect(Math.max(...p.sizes)).toBeLessThanOrEqual(size);
      // One table fewer could not seat them.
      expect((p.count - 1) * size).toBeLessThan(people);
    }
  });

  it('refuses sizes a table cannot have, and rooms too small to split', () => {
    expect(proposeTables(150, 1)).toBeNull();
    expect(proposeTables(150, 51)).toBeNull();
    expect(proposeTables(1, 4)).toBeNull();
  });

  it('takes the size the room already uses most', () => {
    expect(usualSize([8, 8, 10])).toBe(8);
    expect(usualSize([])).toBe(10);
  });
});
