/**
 * Small-cell suppression for published origin → destination tables.
 *
 * Primary: every count in 1..k-1 is withheld — cells and totals alike (0 is published: an empty
 * cell says nothing about a person). Secondary (complementary): a table also publishes its row,
 * column and grand totals, so one withheld cell in a row could be recovered as total − the others.
 * We therefore run that attack ourselves: the published figures give linear equations
 * (Σ row cells = row total, Σ column cells = column total, Σ row totals = Σ column totals = grand
 * total); we solve every equation with a single unknown, over and over. Whenever that would reveal
 * a primary (small) figure, one more published figure of the revealing equation is withheld —
 * the smallest cell, or the total if no cell is left — and the attack starts again. It ends when
 * the attack learns no small figure; each round withholds one more figure, so it always ends.
 *
 * Not covered here: differencing *different* queries (all forms minus each form...). The public
 * view therefore answers one cut per table (by form), computed the same way; see docs/atlas.md.
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

export function suppressTable(input: Cell[], k: number): SuppressedTable {
  const cells = input.filter((c) => c.n > 0);
  // Variables: cells, then row totals, then column totals, then the grand total.
  const rowKeys = [...new Set(cells.map((c) => c.row))];
  const colKeys = [...new Set(cells.map((c) => c.col))];
  const rowVar = new Map(rowKeys.map((r, i) => [r, cells.length + i]));
  const colVar = new Map(colKeys.map((c, i) => [c, cells.length + rowKeys.length + i]));
  const grandVar = cells.length + rowKeys.length + colKeys.length;
  const value: number[] = new Array<number>(grandVar + 1).fill(0);
  cells.forEach((c, i) => {
    value[i] = c.n;
    value[rowVar.get(c.row)!]! += c.n;
    value[colVar.get(c.col)!]! += c.n;
    value[grandVar]! += c.n;
  });
  const isCell = (v: number) => v < cells.length;
  const primary = value.map((n) => n > 0 && n < k);
  const hidden = [...primary];

  // Each equation is a set of variables whose signed sum is zero; which side a variable is on
  // does not matter to someone solving for a single unknown.
  const equations: number[][] = [];
  for (const r of rowKeys)
    equations.push([...cells.keys()].filter((i) => cells[i]!.row === r).concat(rowVar.get(r)!));
  for (const c of colKeys)
    equations.push([...cells.keys()].filter((i) => cells[i]!.col === c).concat(colVar.get(c)!));
  if (cells.length) {
    equations.push([...rowVar.values(), grandVar]);
    equations.push([...colVar.values(), grandVar]);
  }

  for (let round = 0; round <= value.length; round++) {
    const known = hidden.map((h) => !h);
    // For each figure the attack derived, the equation it used: the chain back to published figures.
    const derivedBy = new Map<number, number[]>();
    let leaked: number | null = null;
    let progress = true;
    while (progress && leaked === null) {
      progress = false;
      for (const eq of equations) {
        const unknown = eq.filter((v) => !known[v]);
        if (unknown.length !== 1) continue;
        const v = unknown[0]!;
        known[v] = true;
        derivedBy.set(v, eq);
        progress = true;
        if (primary[v]) {
          leaked = v;
          break;
        }
      }
    }
    if (leaked === null) break;
    // Withhold one more published figure the derivation rests on: the smallest cell if any.
    const support = new Set<number>();
    const visit = (v: number, seen: Set<number>) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const u of derivedBy.get(v) ?? []) {
        if (u === v) continue;
        if (!hidden[u]) support.add(u);
        else visit(u, seen);
      }
    };
    visit(leaked, new Set());
    const open = [...support].sort(
      (a, b) => Number(isCell(b)) - Number(isCell(a)) || value[a]! - value[b]!,
    );
    if (!open.length) break; // cannot happen: a derivation rests on at least one published figure
    hidden[open[0]!] = true;
  }

  const shown = (v: number) => (hidden[v] ? null : value[v]!);
  return {
    cells: cells.map((c, i) => ({ row: c.row, col: c.col, n: shown(i) })),
    rowTotals: new Map(rowKeys.map((r) => [r, shown(rowVar.get(r)!)])),
    colTotals: new Map(colKeys.map((c) => [c, shown(colVar.get(c)!)])),
    total: cells.length ? shown(grandVar) : 0,
    suppressedCells: cells.filter((_, i) => hidden[i]).length,
  };
}

/** A single published count: withheld (null) below k, except 0. */
export function suppressCount(n: number, k: number): number | null {
  return n > 0 && n < k ? null : n;
}
