/**
 * Small-cell suppression for published origin → destination tables.
 *
 * Primary: every count in 1..k-1 is withheld (0 is published: an empty cell says nothing about a
 * person). Secondary (complementary): a table publishes its row, column and grand totals, so a
 * single withheld cell in a row could be recovered as total − the others. We therefore run the
 * attack ourselves — repeatedly solve every published equation that has exactly one unknown — and
 * whenever it would reveal a withheld cell, withhold one more cell of that equation (the smallest
 * published non-zero one, so the least information is lost). Totals below k are withheld too and
 * then become unknowns of the grand-total equation. Repeat until the attack learns nothing.
 *
 * What this does not cover: differencing across two *different* queries (e.g. all forms minus
 * each form). The public view therefore only offers the one filter (form) on which every published
 * table is computed the same way; see docs/atlas.md.
 */
export interface Cell {
  row: string;
  col: string;
  n: number;
}

export interface SuppressedTable {
  cells: { row: string; col: string; n: number | null }[];
  rowTotals: Map<string, number | null>;
  colTotals: Map<string, number | null>;
  total: number | null;
  suppressedCells: number;
}

/** Linear equations published by a table: sum(cells) = total. */
interface Equation {
  cells: number[];
  total: { kind: 'row' | 'col' | 'grand'; key: string };
}

export function suppressTable(input: Cell[], k: number): SuppressedTable {
  const cells = input.filter((c) => c.n > 0);
  const hidden = cells.map((c) => c.n < k);
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  let grand = 0;
  for (const c of cells) {
    rows.set(c.row, (rows.get(c.row) ?? 0) + c.n);
    cols.set(c.col, (cols.get(c.col) ?? 0) + c.n);
    grand += c.n;
  }
  const hiddenRow = new Map([...rows].map(([key, n]) => [key, n < k]));
  const hiddenCol = new Map([...cols].map(([key, n]) => [key, n < k]));
  const hiddenGrand = grand > 0 && grand < k;

  const equations: Equation[] = [];
  const byRow = new Map<string, number[]>();
  const byCol = new Map<string, number[]>();
  cells.forEach((c, i) => {
    (byRow.get(c.row) ?? byRow.set(c.row, []).get(c.row)!).push(i);
    (byCol.get(c.col) ?? byCol.set(c.col, []).get(c.col)!).push(i);
  });
  for (const [key, idx] of byRow) equations.push({ cells: idx, total: { kind: 'row', key } });
  for (const [key, idx] of byCol) equations.push({ cells: idx, total: { kind: 'col', key } });

  const totalHidden = (t: Equation['total']) =>
    t.kind === 'row'
      ? hiddenRow.get(t.key)!
      : t.kind === 'col'
        ? hiddenCol.get(t.key)!
        : hiddenGrand;

  // Iterate the attack to a fixpoint; each round either learns nothing (done) or hides one more
  // cell, so it ends after at most `cells.length` rounds.
  for (let round = 0; round <= cells.length; round++) {
    const known = hidden.map((h) => !h);
    const knownRow = new Map([...hiddenRow].map(([key, h]) => [key, !h]));
    const knownCol = new Map([...hiddenCol].map(([key, h]) => [key, !h]));
    let knownGrand = !hiddenGrand;
    let leak: Equation | null = null;
    // Solve: grand total = sum of row totals = sum of column totals, and each row/col equation.
    let progress = true;
    while (progress && !leak) {
      progress = false;
      for (const eq of equations) {
        const totalKnown =
          eq.total.kind === 'row' ? knownRow.get(eq.total.key)! : knownCol.get(eq.total.key)!;
        const unknownCells = eq.cells.filter((i) => !known[i]);
        if (totalKnown && unknownCells.length === 1) {
          const i = unknownCells[0]!;
          known[i] = true;
          progress = true;
          if (hidden[i]) {
            leak = eq;
            break;
          }
        } else if (!totalKnown && unknownCells.length === 0) {
          if (eq.total.kind === 'row') knownRow.set(eq.total.key, true);
          else knownCol.set(eq.total.key, true);
          progress = true;
          if (totalHidden(eq.total)) {
            leak = eq;
            break;
          }
        }
      }
      if (leak) break;
      for (const [map, isRow] of [
        [knownRow, true],
        [knownCol, false],
      ] as const) {
        const unknown = [...map].filter(([, kn]) => !kn);
        if (knownGrand && unknown.length === 1) {
          const key = unknown[0]![0];
          map.set(key, true);
          progress = true;
          if ((isRow ? hiddenRow : hiddenCol).get(key)) {
            leak = {
              cells: isRow ? byRow.get(key)! : byCol.get(key)!,
              total: { kind: isRow ? 'row' : 'col', key },
            };
            break;
          }
        } else if (!knownGrand && unknown.length === 0 && map.size > 0) {
          knownGrand = true;
          progress = true;
          if (hiddenGrand) leak = { cells: [], total: { kind: 'grand', key: '' } };
        }
      }
    }
    if (!leak) break;
    // Hide one more published cell of the leaking equation; if it has none, hide its total.
    const candidates = leak.cells
      .filter((i) => !hidden[i])
      .sort((a, b) => cells[a]!.n - cells[b]!.n);
    if (candidates.length) hidden[candidates[0]!] = true;
    else if (leak.total.kind === 'row') hideSmallestTotal(hiddenRow);
    else if (leak.total.kind === 'col') hideSmallestTotal(hiddenCol);
    else break; // a grand total below k means every cell is below k and hidden already
  }

  function hideSmallestTotal(map: Map<string, boolean>) {
    const totals = map === hiddenRow ? rows : cols;
    const open = [...map]
      .filter(([, h]) => !h)
      .sort((a, b) => totals.get(a[0])! - totals.get(b[0])!);
    if (open.length) map.set(open[0]![0], true);
  }

  return {
    cells: cells.map((c, i) => ({ row: c.row, col: c.col, n: hidden[i] ? null : c.n })),
    rowTotals: new Map([...rows].map(([key, n]) => [key, hiddenRow.get(key) ? null : n])),
    colTotals: new Map([...cols].map(([key, n]) => [key, hiddenCol.get(key) ? null : n])),
    total: hiddenGrand ? null : grand,
    suppressedCells: hidden.filter(Boolean).length,
  };
}

/** A single published count: withheld (null) below k, except 0. */
export function suppressCount(n: number, k: number): number | null {
  return n > 0 && n < k ? null : n;
}
