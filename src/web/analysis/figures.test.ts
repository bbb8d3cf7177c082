import { describe, expect, it } from 'vitest';
import type { OverlapMatrix } from '../../contract/overlap.ts';
import { countText, countValue, matrixReading } from './figures.ts';

const matrix = (rows: [string, number, number][]): OverlapMatrix => ({
  axis: 'issue',
  columns: Array.from({ length: 9 }, (_, i) => ({ key: `i${i}`, label: `I${i}`, total: 1 })),
  rows: rows.map(([label, spread, total]) => ({ factor: label, label, spread, total, cells: {} })),
  total: 0,
});

describe('overlap figures', () => {
  it('reads the factor found in the most columns, ties by cards', () => {
    expect(matrixReading(matrix([['Poverty', 5, 40], ['Debt', 7, 12], ['Deception', 7, 30]]))).toEqual({
      factor: 'Deception',
      n: 7,
      of: 9,
    });
    expect(matrixReading(matrix([['Debt', 0, 0]]))).toBeUndefined();
  }); // prettier-ignore

  it('shows ranges and withheld counts as published', () => {
    expect(countText(12)).toBe('12');
    expect(countText({ lo: 2, hi: 20 })).toBe('2–20');
    expect(countText(null)).toBeNull();
    expect(countValue({ lo: 2, hi: 20 })).toBe(11);
    expect(countValue(null)).toBe(0);
  });
});
