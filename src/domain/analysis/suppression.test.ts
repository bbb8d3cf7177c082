import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressTable, type Cell } from './suppression.ts';

/**
 * The attacker: knows every published cell and total, solves every equation with one unknown,
 * repeatedly. Returns the cells it learns that were withheld.
 */
function attack(input: Cell[], k: number): Cell[] {
  const t = suppressTable(input, k);
  const cells = t.cells.map((c) => ({ ...c }));
  const truth = new Map(input.filter((c) => c.n > 0).map((c) => [`${c.row}|${c.col}`, c.n]));
  const rows = new Map(t.rowTotals);
  const cols = new Map(t.colTotals);
  let grand = t.total;
  let progress = true;
  while (progress) {
    progress = false;
    for (const [map, key] of [
      [rows, 'row'],
      [cols, 'col'],
    ] as const) {
      for (const [id, total] of map) {
        const line = cells.filter((c) => c[key] === id);
        const unknown = line.filter((c) => c.n === null);
        if (total !== null && unknown.length === 1) {
          unknown[0]!.n = total - line.reduce((s, c) => s + (c.n ?? 0), 0);
          progress = true;
        } else if (total === null && unknown.length === 0) {
          map.set(
            id,
            line.reduce((s, c) => s + (c.n ?? 0), 0),
          );
          progress = true;
        }
      }
      const unknownTotals = [...map].filter(([, v]) => v === null);
      if (grand !== null && unknownTotals.length === 1) {
        map.set(
          unknownTotals[0]![0],
          grand - [...map.values()].reduce<number>((s, v) => s + (v ?? 0), 0),
        );
        progress = true;
      } else if (grand === null && unknownTotals.length === 0 && map.size) {
        grand = [...map.values()].reduce<number>((s, v) => s + (v ?? 0), 0);
        progress = true;
      }
    }
  }
  return cells
    .filter(
      (c) => t.cells.find((o) => o.row === c.row && o.col === c.col)!.n === null && c.n !== null,
    )
    .map((c) => ({ row: c.row, col: c.col, n: truth.get(`${c.row}|${c.col}`)! }));
}

const table = fc.array(
  fc.record({
    row: fc.constantFrom('MM', 'KH', 'LA', 'VN', 'NP'),
    col: fc.constantFrom('TH', 'MY', 'CN', 'IN'),
    n: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 11, max: 80 })),
  }),
  { maxLength: 20 },
);
const dedupe = (cells: Cell[]) => [...new Map(cells.map((c) => [`${c.row}|${c.col}`, c])).values()];

describe('small-cell suppression', () => {
  it('withholds every count from 1 to k-1 and publishes the rest', () => {
    const t = suppressTable(
      [
        { row: 'MM', col: 'TH', n: 40 },
        { row: 'MM', col: 'MY', n: 3 },
        { row: 'KH', col: 'TH', n: 25 },
      ],
      11,
    );
    expect(t.cells.find((c) => c.col === 'MY')!.n).toBeNull();
    expect(t.total).toBe(68);
  });

  it('hides a second cell when a row total would give the withheld one away', () => {
    const t = suppressTable(
      [
        { row: 'MM', col: 'TH', n: 40 },
        { row: 'MM', col: 'MY', n: 3 },
        { row: 'MM', col: 'CN', n: 20 },
        { row: 'KH', col: 'MY', n: 30 },
        { row: 'KH', col: 'CN', n: 30 },
      ],
      11,
    );
    expect(t.suppressedCells).toBeGreaterThanOrEqual(2);
    expect(attack([{ row: 'MM', col: 'TH', n: 40 }], 11)).toEqual([]);
  });

  it('no published figure, alone or differenced, reveals a withheld count (property)', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 15 }), (raw, k) => {
        const cells = dedupe(raw);
        const learned = attack(cells, k).filter((c) => c.n < k);
        expect(learned).toEqual([]);
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });
});
